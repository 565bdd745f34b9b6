import { forbids } from '../text';
import type { RuleLogic } from './rule-logic';

type HostNamespace = 'hostNetwork' | 'hostPID' | 'hostIPC';

/** PSP `hostNetwork`/`hostPID`/`hostIPC: true` allow the namespace (PSP §5.3; PSS `hostNamespaces`). */
function hostNamespaceRule(ns: HostNamespace): RuleLogic {
  return {
    closedWhen: `\`${ns}\` is not true`,
    closes: (p) => p.spec[ns] !== true,
    gap: () => `${ns}: true lets pods set ${ns}=true, ${forbids('baseline')}`,
  };
}

export const HOST_NETWORK_RULE = hostNamespaceRule('hostNetwork');
export const HOST_PID_RULE = hostNamespaceRule('hostPID');
export const HOST_IPC_RULE = hostNamespaceRule('hostIPC');
