import { ANNOTATION } from '../../psp/fields';
import { baselineAllowsAppArmorAnnotation } from '../pss-probe';
import { andList, forbids } from '../text';
import type { PolicyView } from '../types';
import type { RuleLogic } from './rule-logic';

/**
 * With the allow-list annotation every container's AppArmor annotation must be one of its
 * (non-empty) entries (PSP §5.14); without it the PSP does not check AppArmor. API validation
 * rejects AppArmor annotations naming no container of the pod, so PSS's any-suffix rule adds
 * nothing for API-valid pods. The appArmorProfile fields (Kubernetes 1.30+) did not exist while
 * PSP did; they are outside what a PSP admitted.
 */
function offending(p: PolicyView, minor: number): string[] {
  return (p.appArmorAllowed ?? []).filter(
    (e) => e !== '' && !baselineAllowsAppArmorAnnotation(e, ANNOTATION.appArmorContainerPrefix, minor),
  );
}

function subject(p: PolicyView): string {
  return `${ANNOTATION.appArmorAllowed}: ${p.appArmorAllowedText === undefined ? 'unset' : JSON.stringify(p.appArmorAllowedText)}`;
}

/** AppArmor allow-list vs PSS `appArmorProfile`. */
export const APPARMOR_RULE: RuleLogic = {
  closedWhen: 'the AppArmor `allowedProfileNames` annotation is present and lists only `runtime/default` or `localhost/<profile>`',
  closes: (p, minor) => p.appArmorAllowed !== undefined && offending(p, minor).length === 0,
  gap: (p, minor) => {
    if (p.appArmorAllowed === undefined) {
      return `${subject(p)} lets containers use any AppArmor profile, including unconfined, ${forbids('baseline')}`;
    }
    const bad = offending(p, minor);
    return `${subject(p)} lets containers use the ${andList(bad)} AppArmor ${bad.length === 1 ? 'profile' : 'profiles'}, ${forbids('baseline')}`;
  },
};
