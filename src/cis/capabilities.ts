/**
 * Capability spelling rules for CIS purposes (spec §4.4). Kubernetes passes names unvalidated;
 * runtimes (containerd's CRI plugin, for one) upper-case them and prepend CAP_ themselves.
 */

import { DECISION, decisionNote } from './decisions';
import { REASON, quote } from './reasons';
import type { ContainerRef, Note } from './types';

const CAP_PREFIX = 'CAP_';

/** upper-case(trim(c)) without a CAP_ prefix: how a runtime reads a grant. */
export function canonicalCapability(c: string): string {
  const u = c.trim().toUpperCase();
  return u.startsWith(CAP_PREFIX) ? u.slice(CAP_PREFIX.length) : u;
}

/** True when the spelling differs from the canonical name by more than case (CAP_ prefix, blanks). */
export function isNonCanonicalSpelling(c: string): boolean {
  return c.toUpperCase() !== canonicalCapability(c);
}

/** Does `capabilities.add` grant `name` (or ALL)? Generous: canonicalised spellings count. */
export function grantIndex(add: readonly string[] | undefined, name: string): number {
  if (add === undefined) return -1;
  return add.findIndex((c) => canonicalCapability(c) === name);
}

/** Index of a credited drop of `name`: the upper-cased spelling must be exactly `name`. */
export function creditedDropIndex(drop: readonly string[] | undefined, name: string): number {
  if (drop === undefined) return -1;
  return drop.findIndex((c) => c.toUpperCase() === name);
}

/** Indexes of drop entries that mean `name` only once canonicalised (e.g. CAP_NET_RAW). */
export function nonCanonicalDropIndexes(drop: readonly string[] | undefined, name: string): number[] {
  const out: number[] = [];
  if (drop === undefined) return out;
  drop.forEach((c, i) => {
    if (isNonCanonicalSpelling(c) && canonicalCapability(c) === name) out.push(i);
  });
  return out;
}

/** Advisory notes for CAP_-prefixed (or padded) drops of NET_RAW / ALL, which are not credited. */
export function nonCanonicalDropNotes(c: ContainerRef, names: readonly string[]): Note[] {
  const drop = c.container.securityContext?.capabilities?.drop;
  const notes: Note[] = [];
  for (const name of names) {
    for (const i of nonCanonicalDropIndexes(drop, name)) {
      notes.push({
        code: REASON.nonCanonicalDrop,
        message: `${c.label} drops ${quote(drop![i]!)}, which is not credited: runtimes add the CAP_ prefix themselves, so write ${quote(name)}`,
        path: `${c.path}.securityContext.capabilities.drop[${i}]`,
        container: c.container.name,
      });
    }
  }
  return notes;
}

/** The same advisory for PSP requiredDropCapabilities, which PSP admission copies into drops. */
export function policyNonCanonicalDropNotes(
  required: readonly string[] | undefined,
  label: string,
  names: readonly string[],
): Note[] {
  const notes: Note[] = [];
  required?.forEach((c, i) => {
    if (!isNonCanonicalSpelling(c) || !names.includes(canonicalCapability(c))) return;
    notes.push({
      code: REASON.nonCanonicalDrop,
      message: `${label} requires dropping ${quote(c)}, which is not credited: runtimes add the CAP_ prefix themselves, so write ${quote(canonicalCapability(c))}`,
      path: `spec.requiredDropCapabilities[${i}]`,
    });
  });
  if (notes.length > 0) notes.push(decisionNote(DECISION.capabilityDropSpelling));
  return notes;
}
