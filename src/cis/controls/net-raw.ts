import {
  creditedDropIndex,
  grantIndex,
  isNonCanonicalSpelling,
  nonCanonicalDropNotes,
  policyNonCanonicalDropNotes,
} from '../capabilities';
import { DECISION, type DecisionCode, decisionNote } from '../decisions';
import { decide } from '../context';
import { REASON, quote, policyLabel, quotedList } from '../reasons';
import type { CisControl, Finding, Note } from '../types';

const REMEDIATION = {
  pod: 'Add NET_RAW or ALL to securityContext.capabilities.drop (spelled without CAP_), do not add NET_RAW or ALL, and do not run the container privileged.',
  policy:
    'Keep at least one PodSecurityPolicy (each policy, for PSS-era benchmarks) whose spec.requiredDropCapabilities includes NET_RAW or ALL, and bind workloads to it.',
};

const NET_RAW_DROPS = ['NET_RAW', 'ALL'] as const;

/** Grants that give NET_RAW, in finding order; a module table, not a literal rebuilt per container. */
const NET_RAW_GRANTS = [
  { cap: 'NET_RAW', reason: REASON.netRawAdded, what: '' },
  { cap: 'ALL', reason: REASON.allCapabilitiesAdded, what: ', which includes NET_RAW' },
] as const;

/** §5.6: containers that may hold NET_RAW (privileged, added, or not dropped). */
export const netRaw: CisControl = {
  key: 'net-raw',
  title: 'Minimize the admission of containers with the NET_RAW capability',
  remediation: REMEDIATION,
  policyPath: 'spec.requiredDropCapabilities',
  quantifier: 'exists',
  evaluatePod(ctx) {
    const findings: Finding[] = [];
    const notes: Note[] = [];
    const applied = new Set<DecisionCode>();
    for (const c of ctx.containers) {
      const sc = c.container.securityContext;
      const name = c.container.name;
      if (sc?.privileged === true) {
        findings.push({
          path: `${c.path}.securityContext.privileged`,
          container: name,
          value: true,
          reason: REASON.privileged,
          message: `${c.label} is privileged and has every capability, including NET_RAW`,
          remediation: REMEDIATION.pod,
        });
        continue;
      }
      const add = sc?.capabilities?.add;
      const drop = sc?.capabilities?.drop;
      const dropped = creditedDropIndex(drop, 'ALL') >= 0 || creditedDropIndex(drop, 'NET_RAW') >= 0;
      for (let g = 0; g < NET_RAW_GRANTS.length; g++) {
        const { cap, reason, what } = NET_RAW_GRANTS[g]!;
        const i = grantIndex(add, cap);
        if (i < 0) continue;
        const entry = add![i]!;
        if (isNonCanonicalSpelling(entry) || entry !== entry.toUpperCase()) applied.add(DECISION.capabilityGrantSpelling);
        if (dropped) applied.add(DECISION.netRawAddDespiteDrop);
        findings.push({
          path: `${c.path}.securityContext.capabilities.add[${i}]`,
          container: name,
          value: entry,
          reason,
          message: `${c.label} adds capability ${quote(entry)}${what}`,
          remediation: REMEDIATION.pod,
        });
      }
      if (!dropped) {
        applied.add(DECISION.netRawRuntimeDefault);
        const f: Finding = {
          path: `${c.path}.securityContext.capabilities.drop`,
          container: name,
          reason: REASON.netRawNotDropped,
          message: `${c.label} does not drop NET_RAW or ALL, and common runtimes grant NET_RAW by default`,
          remediation: REMEDIATION.pod,
        };
        if (drop !== undefined) f.value = drop;
        findings.push(f);
      }
      const advisories = nonCanonicalDropNotes(c, NET_RAW_DROPS);
      if (advisories.length > 0) applied.add(DECISION.capabilityDropSpelling);
      notes.push(...advisories);
    }
    for (const code of applied) notes.push(decisionNote(code));
    return decide(findings, notes);
  },
  evaluatePolicy(psp) {
    const required = psp.spec.requiredDropCapabilities;
    if (required?.some((c) => c.toUpperCase() === 'NET_RAW' || c.toUpperCase() === 'ALL')) return decide([]);
    const f: Finding = {
      path: 'spec.requiredDropCapabilities',
      reason: REASON.netRawNotRequiredDrop,
      message:
        required === undefined
          ? `${policyLabel(psp)} does not require dropping NET_RAW or ALL (spec.requiredDropCapabilities is not set)`
          : required.length === 0
          ? `${policyLabel(psp)} does not require dropping NET_RAW or ALL (spec.requiredDropCapabilities is empty)`
          : `${policyLabel(psp)} does not require dropping NET_RAW or ALL (spec.requiredDropCapabilities is ${quotedList(required)})`,
      remediation: REMEDIATION.policy,
    };
    if (required !== undefined) f.value = required;
    return decide([f], policyNonCanonicalDropNotes(psp.spec.requiredDropCapabilities, policyLabel(psp), NET_RAW_DROPS));
  },
};
