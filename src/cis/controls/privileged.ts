import { decide } from '../context';
import { REASON, policyLabel } from '../reasons';
import type { CisControl, Finding } from '../types';

const REMEDIATION = {
  pod: 'Remove securityContext.privileged from the container or set it to false.',
  policy:
    'Keep at least one PodSecurityPolicy (each policy, for PSS-era benchmarks) with spec.privileged omitted or set to false, and bind workloads to it.',
};

/** §5.2: privileged containers. */
export const privileged: CisControl = {
  key: 'privileged',
  title: 'Minimize the admission of privileged containers',
  remediation: REMEDIATION,
  policyPath: 'spec.privileged',
  quantifier: 'exists',
  evaluatePod(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.containers) {
      if (c.container.securityContext?.privileged !== true) continue;
      findings.push({
        path: `${c.path}.securityContext.privileged`,
        container: c.container.name,
        value: true,
        reason: REASON.privileged,
        message: `${c.label} sets securityContext.privileged=true`,
        remediation: REMEDIATION.pod,
      });
    }
    return decide(findings);
  },
  evaluatePolicy(psp) {
    if (psp.spec.privileged !== true) return decide([]);
    return decide([
      {
        path: 'spec.privileged',
        value: true,
        reason: REASON.privileged,
        message: `${policyLabel(psp)} allows privileged containers (spec.privileged=true)`,
        remediation: REMEDIATION.policy,
      },
    ]);
  },
};
