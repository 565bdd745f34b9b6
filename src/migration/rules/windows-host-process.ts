import { forbids } from '../text';
import type { RuleLogic } from './rule-logic';

/**
 * PSP has no rule for windowsOptions.hostProcess (PSP §10.21), but API validation requires
 * HostProcess pods to use the host network, so a PSP that forbids hostNetwork forbids them.
 */
export const WINDOWS_HOST_PROCESS_RULE: RuleLogic = {
  closedWhen: '`hostNetwork` is not true (HostProcess pods must use the host network; PSP has no hostProcess field)',
  closes: (p) => p.spec.hostNetwork !== true,
  gap: () => `hostNetwork: true lets Windows HostProcess pods (which must use the host network) set windowsOptions.hostProcess=true, ${forbids('baseline')}`,
};
