/**
 * Capabilities strategy (§4.2 step 6, §5.8; capabilities/capabilities.go). Container-level only;
 * exact, case-sensitive string comparison (`ALL` is just a string).
 */
import type { FieldError } from '../../k8s/field-error';
import { goValue } from '../../k8s/field-error';
import type { Container, PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError } from '../fields';
import type { PodDraft } from '../pod-draft';
import type { ContainerKind, PspStrategy } from '../types';

export interface CapabilitiesPolicy {
  defaultAdd: readonly string[];
  defaultAddSet: ReadonlySet<string>;
  requiredDrop: readonly string[];
  allowed: ReadonlySet<string>;
  allowAll: boolean;
}

const NONE: readonly string[] = [];

/**
 * Go's sets.String.List(): sorted byte-wise (capability names are ASCII), duplicates dropped.
 * Array.prototype.sort without a comparator orders strings by UTF-16 code units, i.e. like `<`;
 * equal names are then adjacent (no Set, no comparator closure: this runs per policy × container).
 */
function sortedDistinct(xs: readonly string[]): string[] {
  const out = xs.slice().sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (n === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  out.length = n;
  return out;
}

export function compileCapabilitiesStrategy(psp: PodSecurityPolicy): CapabilitiesPolicy {
  const defaultAdd = psp.spec.defaultAddCapabilities ?? [];
  const allowed = new Set(psp.spec.allowedCapabilities ?? []);
  return {
    defaultAdd,
    defaultAddSet: new Set(defaultAdd),
    requiredDrop: psp.spec.requiredDropCapabilities ?? [],
    allowed,
    allowAll: allowed.has('*'),
  };
}

/**
 * Adds the policy's default adds (minus what the container drops) and required drops. The lists
 * are rebuilt, sorted and de-duplicated, only when that adds something (§10.16).
 */
export function applyCapabilitiesStrategy(s: CapabilitiesPolicy, draft: PodDraft, kind: ContainerKind, index: number): void {
  if (s.defaultAdd.length === 0 && s.requiredDrop.length === 0) return;
  const caps = draft.container(kind, index).securityContext?.capabilities;
  const add = caps?.add ?? NONE;
  const drop = caps?.drop ?? NONE;
  // Go compares set sizes: (defaultAdd − drop) ∪ add larger than add, or requiredDrop ∪ drop larger than drop.
  const addsSomething =
    s.defaultAdd.some((c) => !drop.includes(c) && !add.includes(c)) || s.requiredDrop.some((c) => !drop.includes(c));
  if (!addsSomething) return;
  const newAdd = sortedDistinct([...add, ...s.defaultAdd.filter((c) => !drop.includes(c))]);
  const newDrop = sortedDistinct([...drop, ...s.requiredDrop]);
  draft.writableContainerSecurityContext(kind, index).capabilities = {
    ...(newAdd.length > 0 ? { add: newAdd } : {}),
    ...(newDrop.length > 0 ? { drop: newDrop } : {}),
  };
}

export function validateCapabilities(s: CapabilitiesPolicy, _pod: PodTemplate, c: Container, path: string, errs: FieldError[]): void {
  const capsPath = `${path}.securityContext.capabilities`;
  const caps = c.securityContext?.capabilities;
  if (caps === undefined) {
    if (s.defaultAdd.length > 0 || s.requiredDrop.length > 0) {
      errs.push(fieldError.invalid(capsPath, goValue.nil(), 'required capabilities are not set on the securityContext'));
    }
    return;
  }
  // A wildcard skips every check, required drops included.
  if (s.allowAll) return;
  for (const cap of caps.add ?? []) {
    if (!s.defaultAddSet.has(cap) && !s.allowed.has(cap)) {
      errs.push(fieldError.invalid(`${capsPath}.add`, goValue.string(cap), 'capability may not be added'));
    }
  }
  if (s.requiredDrop.length === 0) return;
  const drops = new Set(caps.drop ?? []);
  for (const d of s.requiredDrop) {
    if (!drops.has(d)) {
      errs.push(
        fieldError.invalid(`${capsPath}.drop`, goValue.stringSlice('core.Capability', caps.drop), `${d} is required to be dropped but was not found`),
      );
    }
  }
}

export const CAPABILITIES: PspStrategy<CapabilitiesPolicy> = {
  id: 'capabilities',
  compile: compileCapabilitiesStrategy,
  mutateContainer: applyCapabilitiesStrategy,
  validateContainer: validateCapabilities,
};
