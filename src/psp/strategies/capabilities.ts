/**
 * Capabilities strategy (§4.2 step 6, §5.8; capabilities/capabilities.go). Container-level only;
 * exact, case-sensitive string comparison (`ALL` is just a string).
 */
import { goValue } from '../../k8s/field-error';
import type { Capabilities, Container, PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError, ViolationMemo } from '../fields';
import type { PodDraft } from '../pod-draft';
import type { ContainerKind, PspStrategy, PspViolation } from '../types';

export interface CapabilitiesPolicy {
  defaultAdd: readonly string[];
  defaultAddSet: ReadonlySet<string>;
  requiredDrop: readonly string[];
  allowed: ReadonlySet<string>;
  allowAll: boolean;
}

const NONE: readonly string[] = [];

/** Refusals of added capabilities remembered (ViolationMemo) before that memo starts over. */
const ADD_REFUSALS_KEPT = 4096;

/**
 * Go's sets.String.List(): sorted byte-wise (capability names are ASCII), duplicates dropped.
 * Insertion sort with `>`: for strings the same order as Array.prototype.sort without a comparator
 * (UTF-16 code units), and much cheaper on these few-element lists (this runs per policy ×
 * container); equal names are then adjacent. Longer lists (insertion sort is quadratic) and
 * anything but strings take the built-in sort.
 */
function sortDistinctInPlace(out: string[]): string[] {
  if (out.length <= INSERTION_SORT_MAX && allStrings(out)) insertionSort(out);
  else out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (n === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  // Setting length is a runtime call even when unchanged; most lists have no duplicates.
  if (n !== out.length) out.length = n;
  return out;
}

/** Lists up to this long are sorted by insertion. */
const INSERTION_SORT_MAX = 16;

function allStrings(xs: readonly unknown[]): boolean {
  for (let i = 0; i < xs.length; i++) if (typeof xs[i] !== 'string') return false;
  return true;
}

/** Ascending by `>` (stable); callers pass strings only. */
function insertionSort(xs: string[]): void {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && xs[j]! > x) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
}

export function compileCapabilitiesStrategy(psp: PodSecurityPolicy): CapabilitiesPolicy {
  // Lists copied: a cached provider holds no object of the request it was compiled from.
  const defaultAdd = psp.spec.defaultAddCapabilities?.slice() ?? NONE;
  const allowed = new Set(psp.spec.allowedCapabilities ?? []);
  return {
    defaultAdd,
    defaultAddSet: new Set(defaultAdd),
    requiredDrop: psp.spec.requiredDropCapabilities?.slice() ?? NONE,
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
  if (!addsSomething(s, add, drop)) return;
  // Plain loops into fresh lists (their first push allocates room for 16, so these short lists
  // allocate once; a slice() copy would be grown again): this runs per policy × container.
  const newAdd: string[] = [];
  for (let i = 0; i < add.length; i++) newAdd.push(add[i]!);
  for (let i = 0; i < s.defaultAdd.length; i++) if (!drop.includes(s.defaultAdd[i]!)) newAdd.push(s.defaultAdd[i]!);
  const newDrop: string[] = [];
  for (let i = 0; i < drop.length; i++) newDrop.push(drop[i]!);
  for (let i = 0; i < s.requiredDrop.length; i++) newDrop.push(s.requiredDrop[i]!);
  const written: Capabilities = {};
  if (newAdd.length > 0) written.add = sortDistinctInPlace(newAdd);
  if (newDrop.length > 0) written.drop = sortDistinctInPlace(newDrop);
  draft.writableContainerSecurityContext(kind, index).capabilities = written;
}

/** Go compares set sizes: (defaultAdd − drop) ∪ add larger than add, or requiredDrop ∪ drop larger than drop. */
function addsSomething(s: CapabilitiesPolicy, add: readonly string[], drop: readonly string[]): boolean {
  for (const c of s.defaultAdd) if (!drop.includes(c) && !add.includes(c)) return true;
  for (const c of s.requiredDrop) if (!drop.includes(c)) return true;
  return false;
}

/**
 * `capability may not be added`, by container path and capability: the most frequent violation of
 * a pod that adds capabilities, the same words under every policy that does not allow them.
 */
const ADD_REFUSALS = new ViolationMemo(ADD_REFUSALS_KEPT, (path, cap) =>
  fieldError.invalid(`${path}.securityContext.capabilities.add`, goValue.string(cap), 'capability may not be added'),
);

export function validateCapabilities(s: CapabilitiesPolicy, _pod: PodTemplate, c: Container, path: string, errs: PspViolation[]): void {
  const caps = c.securityContext?.capabilities;
  if (caps === undefined) {
    if (s.defaultAdd.length > 0 || s.requiredDrop.length > 0) {
      errs.push(fieldError.invalid(`${path}.securityContext.capabilities`, goValue.nil(), 'required capabilities are not set on the securityContext'));
    }
    return;
  }
  // A wildcard skips every check, required drops included.
  if (s.allowAll) return;
  const add = caps.add;
  if (add !== undefined) {
    for (const cap of add) {
      if (!s.defaultAddSet.has(cap) && !s.allowed.has(cap)) errs.push(ADD_REFUSALS.get(path, cap));
    }
  }
  if (s.requiredDrop.length === 0) return;
  // includes on the (short) list rather than a Set per call: the same membership test for strings.
  const drop = caps.drop ?? NONE;
  for (const d of s.requiredDrop) {
    if (!drop.includes(d)) {
      errs.push(
        fieldError.invalid(
          `${path}.securityContext.capabilities.drop`,
          goValue.stringSlice('core.Capability', caps.drop),
          `${d} is required to be dropped but was not found`,
        ),
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
