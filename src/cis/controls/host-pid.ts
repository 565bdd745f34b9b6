import { REASON } from '../reasons';
import { hostNamespaceControl } from './host-namespace';

/** §5.3: sharing the host PID namespace. */
export const hostPID = hostNamespaceControl({
  key: 'host-pid',
  title: 'Minimize the admission of containers wishing to share the host process ID namespace',
  field: 'hostPID',
  reason: REASON.hostPID,
  namespace: 'host process ID namespace',
});
