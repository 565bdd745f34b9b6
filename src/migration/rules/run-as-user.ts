import { forbids, rangesText } from '../text';
import type { PolicyView } from '../types';
import type { RuleLogic } from './rule-logic';

function ruleText(p: PolicyView): string {
  const r = p.spec.runAsUser;
  if (r === undefined) return 'unset';
  return r.rule === 'MustRunAs' ? `MustRunAs ${rangesText(r.ranges ?? [])}` : r.rule;
}

/**
 * PSS `runAsNonRoot` wants runAsNonRoot: true on every container (itself or through the pod) and
 * false nowhere. No PSP rule guarantees that (verified in PSP §4.2 step 5 / §5.5 and
 * user/nonroot.go): MustRunAsNonRoot writes runAsNonRoot: true only into containers that set
 * neither runAsNonRoot nor runAsUser and accepts any non-zero runAsUser instead, and it checks
 * effective container values only, so a pod-level runAsNonRoot: false that every container
 * overrides passes. MustRunAs and RunAsAny never set it.
 */
export const RUN_AS_NON_ROOT_RULE: RuleLogic = {
  closedWhen: 'never (MustRunAsNonRoot accepts a non-zero runAsUser instead of runAsNonRoot: true)',
  closes: () => false,
  gap: (p) => {
    const rule = p.spec.runAsUser?.rule;
    if (rule === 'MustRunAsNonRoot') {
      return 'runAsUser: MustRunAsNonRoot admits containers that set a non-zero runAsUser without runAsNonRoot=true, and a pod-level runAsNonRoot=false that every container overrides, which restricted forbids';
    }
    return `runAsUser: ${ruleText(p)} never sets runAsNonRoot=true and admits pods without it, which restricted forbids`;
  },
};

/**
 * PSS `runAsUser` forbids runAsUser: 0 at pod or container level. PSP checks effective container
 * values only (PSP §5.5, vector user-04), so a pod-level runAsUser: 0 that every container
 * overrides passes every rule; MustRunAs with a range containing 0 and RunAsAny allow root outright.
 */
export const RUN_AS_USER_RULE: RuleLogic = {
  closedWhen: 'never (PSP does not check a pod-level runAsUser that every container overrides)',
  closes: () => false,
  gap: (p) => {
    const r = p.spec.runAsUser;
    const rootInRange = r?.rule === 'MustRunAs' && (r.ranges ?? []).some((x) => x.min <= 0 && x.max >= 0);
    if (r?.rule === 'RunAsAny' || rootInRange || r === undefined) {
      return `runAsUser: ${ruleText(p)} lets containers set runAsUser=0, ${forbids('restricted')}`;
    }
    return `runAsUser: ${ruleText(p)} checks only each container's effective runAsUser, so a pod-level runAsUser=0 that every container overrides is admitted, ${forbids('restricted')}`;
  },
};
