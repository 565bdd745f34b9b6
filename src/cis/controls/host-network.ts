import { REASON } from '../reasons';
import { hostNamespaceControl } from './host-namespace';

/** §5.3: sharing the host network namespace. */
export const hostNetwork = hostNamespaceControl({
  key: 'host-network',
  title: 'Minimize the admission of containers wishing to share the host network namespace',
  field: 'hostNetwork',
  reason: REASON.hostNetwork,
  namespace: 'host network namespace',
});
