import { REASON } from '../reasons';
import { hostNamespaceControl } from './host-namespace';

/** §5.3: sharing the host IPC namespace. */
export const hostIPC = hostNamespaceControl({
  key: 'host-ipc',
  title: 'Minimize the admission of containers wishing to share the host IPC namespace',
  field: 'hostIPC',
  reason: REASON.hostIPC,
  namespace: 'host IPC namespace',
});
