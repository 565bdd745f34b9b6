import { DECISION, decisionNote } from '../decisions';
import { decide, fixed } from '../context';
import { REASON } from '../reasons';
import type { CisControl, Finding } from '../types';

const REMEDIATION = {
  pod: 'Remove windowsOptions.hostProcess from the pod and container security contexts, or set it to false.',
  policy: 'Restrict Windows HostProcess containers with Pod Security Admission (baseline or stricter) or an external policy system.',
};

const FIELD = 'securityContext.windowsOptions.hostProcess';

/** §5.9 (S 5.2.11, S12 5.2.10): Windows HostProcess, at pod or container level. */
export const windowsHostProcess: CisControl = {
  key: 'windows-hostprocess',
  title: 'Minimize the admission of Windows HostProcess containers',
  remediation: REMEDIATION,
  policyPath: null,
  quantifier: null,
  evaluatePod(ctx) {
    const findings: Finding[] = [];
    if (ctx.spec.securityContext?.windowsOptions?.hostProcess === true) {
      findings.push({
        path: `spec.${FIELD}`,
        value: true,
        reason: REASON.hostProcess,
        message: `pod sets spec.${FIELD}=true`,
        remediation: REMEDIATION.pod,
      });
    }
    for (const c of ctx.containers) {
      if (c.container.securityContext?.windowsOptions?.hostProcess !== true) continue;
      findings.push({
        path: `${c.path}.${FIELD}`,
        container: c.container.name,
        value: true,
        reason: REASON.hostProcess,
        message: `${c.label} sets ${FIELD}=true`,
        remediation: REMEDIATION.pod,
      });
    }
    return decide(findings);
  },
  evaluatePolicy: () => fixed('notApplicable', [decisionNote(DECISION.notExpressibleInPsp)]),
};
