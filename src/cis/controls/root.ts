import { DECISION, decisionNote } from '../decisions';
import { decide, fixed } from '../context';
import { REASON, quote, policyLabel } from '../reasons';
import type { CisControl, ContainerRef, Finding, Note } from '../types';

const REMEDIATION = {
  pod: 'Set securityContext.runAsNonRoot: true and a non-zero runAsUser on the container or the pod, and never runAsUser: 0.',
  policy:
    'Keep at least one PodSecurityPolicy (each policy, for PSS-era benchmarks) with spec.runAsUser.rule MustRunAsNonRoot, or MustRunAs with UID ranges that exclude 0, and bind workloads to it.',
};

const POD_SC = 'spec.securityContext';

/** A securityContext value resolved with container-over-pod precedence (§4.3). */
interface Resolved<T> {
  value: T | undefined;
  path: string;
  inherited: boolean;
}

function resolveField<T>(own: T | undefined, pod: T | undefined, c: ContainerRef, field: string): Resolved<T> {
  if (own !== undefined) return { value: own, path: `${c.path}.securityContext.${field}`, inherited: false };
  if (pod !== undefined) return { value: pod, path: `${POD_SC}.${field}`, inherited: true };
  return { value: undefined, path: `${c.path}.securityContext.${field}`, inherited: false };
}

/** Where a value came from, as messages say it. */
function source(r: Resolved<unknown>, field: string, value: unknown): string {
  return r.inherited ? `inherited from ${POD_SC}.${field}=${String(value)}` : `securityContext.${field}=${String(value)}`;
}

function withInheritance(f: Finding, r: Resolved<unknown>): Finding {
  if (r.inherited) f.inheritedFrom = 'pod';
  return f;
}

/** §5.5: root containers. */
export const root: CisControl = {
  key: 'root',
  title: 'Minimize the admission of root containers',
  remediation: REMEDIATION,
  policyPath: 'spec.runAsUser',
  quantifier: 'exists',
  evaluatePod(ctx) {
    if (ctx.spec.os?.name === 'windows') {
      return fixed('notApplicable', [decisionNote(DECISION.rootWindows, { path: 'spec.os.name' })]);
    }
    const findings: Finding[] = [];
    const notes: Note[] = [];
    let sawUnverified = false;
    const podSC = ctx.spec.securityContext;
    for (const c of ctx.containers) {
      const uid = resolveField(c.container.securityContext?.runAsUser, podSC?.runAsUser, c, 'runAsUser');
      const nonRoot = resolveField(c.container.securityContext?.runAsNonRoot, podSC?.runAsNonRoot, c, 'runAsNonRoot');
      if (uid.value === 0) {
        // Fails even with runAsNonRoot: the spec asks for root and the kubelet would refuse it.
        const refused = nonRoot.value === true ? '; runAsNonRoot=true makes the kubelet refuse to start it' : '';
        findings.push(
          withInheritance(
            {
              path: uid.path,
              container: c.container.name,
              value: 0,
              reason: REASON.explicitRoot,
              message: `${c.label} runs as UID 0 (${source(uid, 'runAsUser', 0)})${refused}`,
              remediation: REMEDIATION.pod,
            },
            uid,
          ),
        );
        continue;
      }
      if (uid.value !== undefined || nonRoot.value === true) continue;
      // No UID and no proof of non-root: the image's USER decides, root unless it says otherwise.
      sawUnverified = true;
      const why =
        nonRoot.value === false
          ? `sets no runAsUser and runAsNonRoot=false (${source(nonRoot, 'runAsNonRoot', false)})`
          : 'sets neither runAsUser nor runAsNonRoot=true';
      const item = withInheritance(
        {
          path: nonRoot.path,
          container: c.container.name,
          reason: REASON.unverifiedUser,
          message: `${c.label} ${why}, so it runs as the image's USER, which is root unless the image says otherwise`,
          remediation: REMEDIATION.pod,
        },
        nonRoot,
      );
      if (nonRoot.value !== undefined) item.value = nonRoot.value;
      if (ctx.opts.rootRule === 'strict') findings.push(item);
      else notes.push({ code: item.reason, message: item.message, path: item.path, container: c.container.name });
    }
    if (sawUnverified) notes.push(decisionNote(DECISION.rootUnverifiedUser));
    if (ctx.spec.hostUsers === false) notes.push(decisionNote(DECISION.rootHostUsers, { path: 'spec.hostUsers' }));
    return decide(findings, notes);
  },
  evaluatePolicy(psp) {
    const strategy = psp.spec.runAsUser;
    const label = policyLabel(psp);
    const fail = (path: string, reason: string, message: string, value?: unknown): ReturnType<CisControl['evaluatePolicy']> => {
      const f: Finding = { path, reason, message, remediation: REMEDIATION.policy };
      if (value !== undefined) f.value = value;
      return decide([f]);
    };
    if (strategy === undefined || strategy.rule === '') {
      return fail('spec.runAsUser.rule', REASON.runAsUserRuleMissing, `${label} sets no spec.runAsUser.rule, so it does not restrict root containers`);
    }
    switch (strategy.rule) {
      case 'MustRunAsNonRoot':
        return decide([]);
      case 'RunAsAny':
        return fail('spec.runAsUser.rule', REASON.runAsAny, `${label} allows root containers (spec.runAsUser.rule="RunAsAny")`, 'RunAsAny');
      case 'MustRunAs': {
        const ranges = strategy.ranges;
        if (ranges === undefined || ranges.length === 0) {
          return fail(
            'spec.runAsUser.ranges',
            REASON.uidRangesMissing,
            `${label} uses spec.runAsUser.rule="MustRunAs" without UID ranges, so it does not exclude UID 0`,
          );
        }
        const i = ranges.findIndex((r) => r.min < 1);
        if (i < 0) return decide([]);
        const r = ranges[i]!;
        return fail(
          `spec.runAsUser.ranges[${i}]`,
          REASON.uidRangeIncludesRoot,
          `${label} allows UID 0 (spec.runAsUser.ranges[${i}] is ${r.min}-${r.max})`,
          { min: r.min, max: r.max },
        );
      }
      default:
        return fail(
          'spec.runAsUser.rule',
          REASON.unsupportedRunAsUserRule,
          `${label} uses unsupported spec.runAsUser.rule=${quote(strategy.rule)}, which does not restrict root containers`,
          strategy.rule,
        );
    }
  },
};
