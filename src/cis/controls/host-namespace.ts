/**
 * §5.3: host-pid, host-ipc and host-network are one rule over three pod-level fields, so the
 * three control files share this builder.
 */

import { DECISION, decisionNote } from '../decisions';
import { decide } from '../context';
import { policyLabel } from '../reasons';
import type { CanonicalKey, CisControl, Note } from '../types';

export interface HostNamespaceField {
  key: CanonicalKey;
  title: string;
  /** The field name, identical on PodSpec and PodSecurityPolicySpec. */
  field: 'hostPID' | 'hostIPC' | 'hostNetwork';
  reason: string;
  /** "host process ID namespace" */
  namespace: string;
}

export function hostNamespaceControl(d: HostNamespaceField): CisControl {
  const podPath = `spec.${d.field}`;
  const remediation = {
    pod: `Remove spec.${d.field} from the pod spec or set it to false.`,
    policy: `Keep at least one PodSecurityPolicy (each policy, for PSS-era benchmarks) with spec.${d.field} omitted or set to false, and bind workloads to it.`,
  };
  return {
    key: d.key,
    title: d.title,
    remediation,
    policyPath: podPath,
    quantifier: 'exists',
    evaluatePod(ctx) {
      const value = ctx.spec[d.field];
      if (value === true) {
        return decide([
          {
            path: podPath,
            value: true,
            reason: d.reason,
            message: `pod shares the ${d.namespace} (${podPath}=true)`,
            remediation: remediation.pod,
          },
        ]);
      }
      // An explicit false passes: say so, since kube-bench 1.10+ would flag it (§6.7).
      const notes: Note[] = value === false ? [decisionNote(DECISION.hostNamespaceFalse, { path: podPath })] : [];
      return decide([], notes);
    },
    evaluatePolicy(psp) {
      if (psp.spec[d.field] !== true) return decide([]);
      return decide([
        {
          path: podPath,
          value: true,
          reason: d.reason,
          message: `${policyLabel(psp)} allows sharing the ${d.namespace} (${podPath}=true)`,
          remediation: remediation.policy,
        },
      ]);
    },
  };
}
