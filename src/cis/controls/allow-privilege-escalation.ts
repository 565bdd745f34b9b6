import { grantIndex } from '../capabilities';
import { DECISION, decisionNote } from '../decisions';
import { decide } from '../context';
import { REASON, quote, policyLabel } from '../reasons';
import type { CisControl, ContainerRef, Finding, Note } from '../types';

const REMEDIATION = {
  pod: 'Set securityContext.allowPrivilegeEscalation to false (and do not make the container privileged or add SYS_ADMIN, which force escalation on).',
  policy:
    'Keep at least one PodSecurityPolicy (each policy, for PSS-era benchmarks) with spec.allowPrivilegeEscalation set explicitly to false, and bind workloads to it.',
};

const FIELD = 'securityContext.allowPrivilegeEscalation';

/**
 * Reasons a container's escalation is effectively allowed without asking for it explicitly:
 * unset (Kubernetes' default is to allow), privileged, or SYS_ADMIN/ALL added (validation refuses
 * allowPrivilegeEscalation=false together with either).
 */
function implicitEscalation(c: ContainerRef): Finding[] {
  const sc = c.container.securityContext;
  const out: Finding[] = [];
  const name = c.container.name;
  if (sc?.allowPrivilegeEscalation === undefined) {
    out.push({
      path: `${c.path}.${FIELD}`,
      container: name,
      reason: REASON.escalationUnset,
      remediation: REMEDIATION.pod,
      message: `${c.label} does not set ${FIELD}; Kubernetes allows privilege escalation by default`,
    });
  }
  if (sc?.privileged === true) {
    out.push({
      path: `${c.path}.securityContext.privileged`,
      container: name,
      value: true,
      reason: REASON.escalationForcedByPrivileged,
      remediation: REMEDIATION.pod,
      message: `${c.label} is privileged, which always allows privilege escalation`,
    });
  }
  const add = sc?.capabilities?.add;
  let i = grantIndex(add, 'SYS_ADMIN');
  if (i < 0) i = grantIndex(add, 'ALL');
  if (i >= 0) {
    const entry = add![i]!;
    out.push({
      path: `${c.path}.securityContext.capabilities.add[${i}]`,
      container: name,
      value: entry,
      reason: REASON.escalationForcedBySysAdmin,
      remediation: REMEDIATION.pod,
      message: `${c.label} adds capability ${quote(entry)}, which always allows privilege escalation`,
    });
  }
  return out;
}

/** §5.4: allowPrivilegeEscalation (audit parity by default, strict on request). */
export const allowPrivilegeEscalation: CisControl = {
  key: 'allow-privilege-escalation',
  title: 'Minimize the admission of containers with allowPrivilegeEscalation',
  remediation: REMEDIATION,
  policyPath: 'spec.allowPrivilegeEscalation',
  quantifier: 'exists',
  evaluatePod(ctx) {
    const strict = ctx.opts.privilegeEscalation === 'strict';
    const findings: Finding[] = [];
    const notes: Note[] = [];
    let sawUnset = false;
    let sawForced = false;
    for (const c of ctx.containers) {
      if (c.container.securityContext?.allowPrivilegeEscalation === true) {
        findings.push({
          path: `${c.path}.${FIELD}`,
          container: c.container.name,
          value: true,
          reason: REASON.allowPrivilegeEscalation,
          message: `${c.label} sets ${FIELD}=true`,
          remediation: REMEDIATION.pod,
        });
        continue;
      }
      for (const item of implicitEscalation(c)) {
        if (item.reason === REASON.escalationUnset) sawUnset = true;
        else sawForced = true;
        if (strict) {
          findings.push(item);
        } else {
          notes.push({ code: item.reason, message: item.message, path: item.path, container: item.container! });
        }
      }
    }
    if (sawUnset) notes.push(decisionNote(DECISION.escalationAuditParity));
    if (sawForced) notes.push(decisionNote(DECISION.escalationForced));
    return decide(findings, notes);
  },
  evaluatePolicy(psp) {
    const value = psp.spec.allowPrivilegeEscalation;
    if (value === false) return decide([]);
    if (value === true) {
      return decide([
        {
          path: 'spec.allowPrivilegeEscalation',
          value: true,
          reason: REASON.allowPrivilegeEscalation,
          message: `${policyLabel(psp)} allows privilege escalation (spec.allowPrivilegeEscalation=true)`,
          remediation: REMEDIATION.policy,
        },
      ]);
    }
    // §6.1: the CIS remediation says "omitted or false", but the API stores the default true.
    return decide(
      [
        {
          path: 'spec.allowPrivilegeEscalation',
          reason: REASON.escalationDefaulted,
          message: `${policyLabel(psp)} omits spec.allowPrivilegeEscalation, which the API defaults to true; the CIS remediation text calls an omitted value compliant, but the audit reads the stored, defaulted value`,
          remediation: REMEDIATION.policy,
        },
      ],
      [decisionNote(DECISION.pspEscalationDefault, { path: 'spec.allowPrivilegeEscalation' })],
    );
  },
};
