import { seccompFieldForAnnotation } from '../api-server-sync';
import { ANNOTATION } from '../../psp/fields';
import {
  baselineAllowsSeccompAnnotation,
  baselineAllowsSeccompField,
  restrictedAcceptsSeccompField,
} from '../pss-probe';
import { andList, forbids } from '../text';
import type { PolicyView } from '../types';
import type { RuleLogic } from './rule-logic';

const ANY_PROFILE = '*';
/** PSS v1.0–v1.18 reads the seccomp annotations; v1.19+ reads the fields. */
const FIELDS_FROM_MINOR = 19;

/**
 * Every profile an admitted pod or container can carry is an allow-list entry (PSP §5.13): without
 * the annotation no profile may be set at all; with it, each pod and container profile must be an
 * entry (an empty profile only if "" is an entry); `*` allows anything. The stored pod carries
 * the field for each annotation (API server sync, see ../api-server-sync.ts).
 */
function subject(p: PolicyView): string {
  return `${ANNOTATION.seccompAllowed}: ${p.seccompAllowedText === undefined ? 'unset' : JSON.stringify(p.seccompAllowedText)}`;
}

function describeProfiles(entries: readonly string[]): string {
  const named = entries.filter((e) => e !== '');
  const parts = named.length === 0 ? [] : [`the ${andList(named)} seccomp ${named.length === 1 ? 'profile' : 'profiles'}`];
  if (entries.includes('')) parts.push('no seccomp profile');
  return andList(parts);
}

function baselineAllowsEntry(entry: string, minor: number): boolean {
  if (entry === '') return true;
  if (minor < FIELDS_FROM_MINOR) return baselineAllowsSeccompAnnotation(entry, ANNOTATION.seccompPod, minor);
  const field = seccompFieldForAnnotation(entry);
  // An entry with no field form (API-invalid as a pod annotation) leaves no field for PSS to see.
  return field === undefined || baselineAllowsSeccompField(field, minor);
}

function baselineOffending(p: PolicyView, minor: number): string[] {
  const entries = p.seccompAllowed;
  if (entries === undefined) return [];
  if (entries.includes(ANY_PROFILE)) return [ANY_PROFILE];
  return entries.filter((e) => !baselineAllowsEntry(e, minor));
}

/** seccomp allow-list vs PSS `seccompProfile_baseline` (annotations before v1.19, fields after). */
export const SECCOMP_BASELINE_RULE: RuleLogic = {
  closedWhen: 'the seccomp `allowedProfileNames` annotation is absent or lists no `*` and no `unconfined`',
  closes: (p, minor) => baselineOffending(p, minor).length === 0,
  gap: (p, minor) => {
    const bad = baselineOffending(p, minor);
    const what = bad.includes(ANY_PROFILE) ? 'any seccomp profile, including unconfined' : describeProfiles(bad);
    return `${subject(p)} lets pods use ${what}, ${forbids('baseline')}`;
  },
};

function restrictedOffending(p: PolicyView, minor: number): string[] {
  const entries = p.seccompAllowed ?? [];
  if (entries.includes(ANY_PROFILE)) return [ANY_PROFILE];
  return entries.filter((e) => {
    const field = seccompFieldForAnnotation(e);
    return field === undefined || !restrictedAcceptsSeccompField(field, minor);
  });
}

/**
 * seccomp allow-list vs PSS `seccompProfile_restricted`: every admitted pod must end up with a
 * RuntimeDefault or Localhost profile, so the allow-list must exist and hold only such entries.
 */
export const SECCOMP_RESTRICTED_RULE: RuleLogic = {
  closedWhen:
    'the seccomp `allowedProfileNames` annotation lists only `runtime/default`, `docker/default` or `localhost/<profile>` entries',
  closes: (p, minor) => p.seccompAllowed !== undefined && restrictedOffending(p, minor).length === 0,
  gap: (p, minor) => {
    if (p.seccompAllowed === undefined) {
      return `${subject(p)} forbids every seccomp profile, so pods never get the RuntimeDefault or Localhost profile restricted requires`;
    }
    const bad = restrictedOffending(p, minor);
    const what = bad.includes(ANY_PROFILE) ? 'no seccomp profile or unconfined' : describeProfiles(bad);
    return `${subject(p)} lets pods use ${what}, ${forbids('restricted')}`;
  },
};
