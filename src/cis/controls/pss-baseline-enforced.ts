import { DECISION, decisionNote } from '../decisions';
import { fixed } from '../context';
import type { CisControl } from '../types';

/** §5.12 (G 4.2.1, GKE 1.6+ only): a namespace-label question, not a pod or PSP one. */
export const pssBaselineEnforced: CisControl = {
  key: 'pss-baseline-enforced',
  title: 'Ensure that the cluster enforces Pod Security Standard Baseline profile or stricter for all namespaces.',
  remediation: {
    pod: 'Label every namespace with pod-security.kubernetes.io/enforce=baseline or restricted.',
    policy: 'Label every namespace with pod-security.kubernetes.io/enforce=baseline or restricted.',
  },
  policyPath: null,
  quantifier: null,
  evaluatePod: () => fixed('manual', [decisionNote(DECISION.pssBaselinePod)]),
  evaluatePolicy: () => fixed('notApplicable', [decisionNote(DECISION.notExpressibleInPsp)]),
};
