import { DECISION, decisionNote } from '../decisions';
import { fixed } from '../context';
import type { CisControl } from '../types';

/** §5.13 (OpenShift rh-1.4/rh-1.8 5.2.10): RBAC over SCCs, out of scope. */
export const privilegedSccAccess: CisControl = {
  key: 'privileged-scc-access',
  title: 'Minimize access to privileged Security Context Constraints',
  remediation: {
    pod: 'Remove users and groups from privileged SCCs (for example privileged, anyuid, hostaccess) that do not need them.',
    policy: 'Remove users and groups from privileged SCCs (for example privileged, anyuid, hostaccess) that do not need them.',
  },
  policyPath: null,
  quantifier: null,
  evaluatePod: () => fixed('notApplicable', [decisionNote(DECISION.sccAccess)]),
  evaluatePolicy: () => fixed('notApplicable', [decisionNote(DECISION.sccAccess)]),
};
