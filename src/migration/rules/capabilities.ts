import { baselineAllowsAddedCapability, restrictedAllowsAddedCapability } from '../pss-probe';
import { andList, distinct, forbids, jsonList, listSubject } from '../text';
import type { PolicyView } from '../types';
import type { RuleLogic } from './rule-logic';

const ANY_CAPABILITY = '*';
const DROP_ALL = 'ALL';

type CapabilityField = 'allowedCapabilities' | 'defaultAddCapabilities';
type Level = 'baseline' | 'restricted';

/**
 * Entries of a capability list that put a capability the level forbids into some admitted
 * container's `capabilities.add`. Exact, case-sensitive, as both PSP (§5.8) and PSS compare.
 * `*` in allowedCapabilities lets containers add anything.
 */
function offendingCapabilities(p: PolicyView, field: CapabilityField, level: Level, minor: number): string[] {
  const allows = level === 'baseline' ? baselineAllowsAddedCapability : restrictedAllowsAddedCapability;
  return distinct(
    (p.spec[field] ?? []).filter((c) => (field === 'allowedCapabilities' && c === ANY_CAPABILITY) || !allows(c, minor)),
  );
}

function describe(caps: readonly string[]): string {
  return caps.includes(ANY_CAPABILITY) ? 'any capability' : andList(caps);
}

/** allowedCapabilities: containers may add these (PSS capabilities_baseline / capabilities_restricted). */
function allowedCapabilitiesRule(level: Level): RuleLogic {
  return {
    closedWhen:
      level === 'baseline'
        ? '`allowedCapabilities` has no `*` and only capabilities of the default set baseline allows'
        : '`allowedCapabilities` is empty or only `NET_BIND_SERVICE`',
    closes: (p, minor) => offendingCapabilities(p, 'allowedCapabilities', level, minor).length === 0,
    gap: (p, minor) => {
      const caps = offendingCapabilities(p, 'allowedCapabilities', level, minor);
      return `${listSubject('allowedCapabilities', p.spec.allowedCapabilities, caps)} containers add ${describe(caps)}, ${forbids(level)}`;
    },
  };
}

/** defaultAddCapabilities: the PSP itself adds these to every container that does not drop them. */
function defaultAddCapabilitiesRule(level: Level): RuleLogic {
  return {
    closedWhen:
      level === 'baseline'
        ? '`defaultAddCapabilities` has only capabilities of the default set baseline allows'
        : '`defaultAddCapabilities` is empty or only `NET_BIND_SERVICE`',
    closes: (p, minor) => offendingCapabilities(p, 'defaultAddCapabilities', level, minor).length === 0,
    gap: (p, minor) => {
      const caps = offendingCapabilities(p, 'defaultAddCapabilities', level, minor);
      const subject = listSubject('defaultAddCapabilities', p.spec.defaultAddCapabilities, caps, ['adds', 'add']);
      return `${subject} ${describe(caps)} to containers that do not drop ${caps.length === 1 ? 'it' : 'them'}, ${forbids(level)}`;
    },
  };
}

export const ALLOWED_CAPABILITIES_BASELINE_RULE = allowedCapabilitiesRule('baseline');
export const DEFAULT_ADD_CAPABILITIES_BASELINE_RULE = defaultAddCapabilitiesRule('baseline');
export const ALLOWED_CAPABILITIES_RESTRICTED_RULE = allowedCapabilitiesRule('restricted');
export const DEFAULT_ADD_CAPABILITIES_RESTRICTED_RULE = defaultAddCapabilitiesRule('restricted');

/**
 * requiredDropCapabilities containing `ALL`: the PSP adds `ALL` to every container's drop list
 * (mutation §4.2 step 6) and rejects containers without it, which is restricted's drop half.
 */
export const REQUIRED_DROP_ALL_RULE: RuleLogic = {
  closedWhen: '`requiredDropCapabilities` contains `ALL`',
  closes: (p) => (p.spec.requiredDropCapabilities ?? []).includes(DROP_ALL),
  gap: (p) => {
    const drop = p.spec.requiredDropCapabilities;
    const value = drop === undefined || drop.length === 0 ? 'unset' : jsonList(drop);
    return `requiredDropCapabilities: ${value} does not make containers drop ALL, which restricted requires`;
  },
};
