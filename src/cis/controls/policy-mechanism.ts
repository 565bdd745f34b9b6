import { DECISION, decisionNote } from '../decisions';
import { fixed } from '../context';
import type { CisControl } from '../types';

/** §5.1 (S/S12 5.2.1): cannot be known from a pod; any supplied PSP is a mechanism. */
export const policyMechanism: CisControl = {
  key: 'policy-mechanism',
  title: 'Ensure that the cluster has at least one active policy control mechanism in place',
  remediation: {
    pod: 'Ensure that Pod Security Admission or an external policy control system is in place for every namespace which contains user workloads.',
    policy:
      'Ensure that Pod Security Admission or an external policy control system is in place for every namespace which contains user workloads (PodSecurityPolicy was removed in Kubernetes 1.25).',
  },
  policyPath: 'spec',
  quantifier: 'exists',
  evaluatePod: () => fixed('manual', [decisionNote(DECISION.policyMechanismPod)]),
  evaluatePolicy: () => fixed('pass', [decisionNote(DECISION.policyMechanismPsp)]),
};
