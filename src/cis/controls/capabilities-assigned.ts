import { creditedDropIndex, nonCanonicalDropNotes, policyNonCanonicalDropNotes } from '../capabilities';
import { DECISION, decisionNote } from '../decisions';
import { decide } from '../context';
import { REASON, policyLabel, quotedList } from '../reasons';
import type { CisControl, Finding, Note } from '../types';

const REMEDIATION = {
  pod: 'Add ALL to securityContext.capabilities.drop (spelled exactly ALL), add back only the capabilities the workload needs, and do not run the container privileged.',
  policy:
    'Keep at least one PodSecurityPolicy (each policy, for PSS-era benchmarks) whose spec.requiredDropCapabilities includes ALL, and bind workloads to it.',
};

const ALL_ONLY = ['ALL'] as const;

/** §5.8 (Manual everywhere, computed anyway): containers that do not drop ALL capabilities. */
export const capabilitiesAssigned: CisControl = {
  key: 'capabilities-assigned',
  title: 'Minimize the admission of containers with capabilities assigned',
  remediation: REMEDIATION,
  policyPath: 'spec.requiredDropCapabilities',
  quantifier: 'exists',
  evaluatePod(ctx) {
    const findings: Finding[] = [];
    const notes: Note[] = [];
    let sawNonCanonical = false;
    for (const c of ctx.containers) {
      const sc = c.container.securityContext;
      const name = c.container.name;
      const add = sc?.capabilities?.add;
      const drop = sc?.capabilities?.drop;
      if (sc?.privileged === true) {
        findings.push({
          path: `${c.path}.securityContext.privileged`,
          container: name,
          value: true,
          reason: REASON.privileged,
          message: `${c.label} is privileged and has every capability`,
          remediation: REMEDIATION.pod,
        });
      } else if (creditedDropIndex(drop, 'ALL') < 0) {
        const f: Finding = {
          path: `${c.path}.securityContext.capabilities.drop`,
          container: name,
          reason: REASON.allNotDropped,
          message: `${c.label} does not drop ALL capabilities`,
          remediation: REMEDIATION.pod,
        };
        if (drop !== undefined) f.value = drop;
        findings.push(f);
        const advisories = nonCanonicalDropNotes(c, ALL_ONLY);
        if (advisories.length > 0) sawNonCanonical = true;
        notes.push(...advisories);
      }
      // Context only: added capabilities are judged by added-capabilities where it exists.
      if (add !== undefined && add.length > 0) {
        notes.push({
          code: REASON.capabilitiesAdded,
          message: `${c.label} adds capabilities ${quotedList(add)}`,
          path: `${c.path}.securityContext.capabilities.add`,
          container: name,
        });
      }
    }
    if (sawNonCanonical) notes.push(decisionNote(DECISION.capabilityDropSpelling));
    return decide(findings, notes);
  },
  evaluatePolicy(psp) {
    const required = psp.spec.requiredDropCapabilities;
    if (required?.some((c) => c.toUpperCase() === 'ALL')) return decide([]);
    const f: Finding = {
      path: 'spec.requiredDropCapabilities',
      reason: REASON.allNotRequiredDrop,
      message:
        required === undefined
          ? `${policyLabel(psp)} does not require dropping ALL capabilities (spec.requiredDropCapabilities is not set)`
          : required.length === 0
          ? `${policyLabel(psp)} does not require dropping ALL capabilities (spec.requiredDropCapabilities is empty)`
          : `${policyLabel(psp)} does not require dropping ALL capabilities (spec.requiredDropCapabilities is ${quotedList(required)})`,
      remediation: REMEDIATION.policy,
    };
    if (required !== undefined) f.value = required;
    return decide([f], policyNonCanonicalDropNotes(required, policyLabel(psp), ALL_ONLY));
  },
};
