import { DECISION, decisionNote } from '../decisions';
import { decide } from '../context';
import { REASON, policyLabel, quotedList } from '../reasons';
import type { CisControl, Finding, Note } from '../types';

const REMEDIATION = {
  pod: 'Remove securityContext.capabilities.add from the container (or leave it empty).',
  policy:
    'Ensure that no PodSecurityPolicy sets spec.allowedCapabilities to anything other than an empty list.',
};

/** §5.7 (absent from cis-1.12): any added capability; for PSPs "no policy violates" (∀). */
export const addedCapabilities: CisControl = {
  key: 'added-capabilities',
  title: 'Minimize the admission of containers with added capabilities',
  remediation: REMEDIATION,
  policyPath: 'spec.allowedCapabilities',
  quantifier: 'all',
  evaluatePod(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.containers) {
      const add = c.container.securityContext?.capabilities?.add;
      if (add === undefined || add.length === 0) continue;
      findings.push({
        path: `${c.path}.securityContext.capabilities.add`,
        container: c.container.name,
        value: add,
        reason: REASON.capabilitiesAdded,
        message: `${c.label} adds capabilities ${quotedList(add)}`,
        remediation: REMEDIATION.pod,
      });
    }
    return decide(findings);
  },
  evaluatePolicy(psp) {
    const notes: Note[] = [];
    const defaults = psp.spec.defaultAddCapabilities;
    if (defaults !== undefined && defaults.length > 0) {
      notes.push(
        {
          code: REASON.defaultAddCapabilities,
          message: `${policyLabel(psp)} adds capabilities ${quotedList(defaults)} by default (spec.defaultAddCapabilities)`,
          path: 'spec.defaultAddCapabilities',
        },
        decisionNote(DECISION.defaultAddCapabilities),
      );
    }
    const allowed = psp.spec.allowedCapabilities;
    if (allowed === undefined || allowed.length === 0) return decide([], notes);
    const wildcard = allowed.includes('*') ? '; "*" allows any capability' : '';
    return decide(
      [
        {
          path: 'spec.allowedCapabilities',
          value: allowed,
          reason: REASON.capabilitiesAllowed,
          message: `${policyLabel(psp)} allows adding capabilities ${quotedList(allowed)} (spec.allowedCapabilities${wildcard})`,
          remediation: REMEDIATION.policy,
        },
      ],
      notes,
    );
  },
};
