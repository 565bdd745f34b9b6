/**
 * The mapping keys one YAML fast-path read has already taken, so a key seen again (`name`,
 * `image`, `securityContext`... repeat all through a manifest) is the same string instead of a
 * fresh slice of the text. V8 stores a property ~3x faster under a string it has already
 * internalized than under a fresh slice, which it must hash and look up first; storing
 * properties was the fast path's largest cost.
 *
 * Every read starts from the names the reader itself knows (the FIELD_TYPES fields and the
 * pod-bearing kinds' template paths: string literals, already internalized), so even their first
 * occurrence is not sliced; other keys are added as they are first read.
 *
 * A key in the table is also known to be clean (no character or ` #` / `: ` the reader would stop
 * at), so the reader can find it with a native indexOf of its `:` and one comparison instead of
 * its character loop.
 *
 * Open addressing on a hash of the length and three characters (cheap to compute before the key
 * is known; the comparison decides). Bounded: a full neighbourhood just means a fresh slice.
 * Lives for one read (no state between requests); the strings are immutable, so sharing is safe.
 */
import { FIELD_TYPES } from './field-types';
import { POD_BEARING_KINDS } from './kinds';
import { resolvePlainScalar } from './yaml-schema';

const SLOTS = 512;
const MASK = SLOTS - 1;
/** YAML limits implicit keys to 1024 characters; the fast path stays well clear. */
export const MAX_KEY_LENGTH = 1000;
/** Slots tried after the hashed one before giving up on the table for this key. */
const PROBES = 4;

/** The table's hash of the key text[from, to): its length, first, middle and last characters. */
function keyHash(text: string, from: number, to: number): number {
  const length = to - from;
  let hash = Math.imul(length, 31) + text.charCodeAt(from);
  hash = Math.imul(hash, 31) + text.charCodeAt(from + (length >> 1));
  hash = Math.imul(hash, 31) + text.charCodeAt(to - 1);
  return hash ^ (hash >>> 11);
}

export class KeyTable {
  constructor(private readonly slots: Array<string | undefined> = KNOWN_KEYS.slice()) {}

  /** The known key equal to text[from, to), or undefined. */
  find(text: string, from: number, to: number): string | undefined {
    const length = to - from;
    let slot = keyHash(text, from, to) & MASK;
    for (let probe = 0; probe < PROBES; probe++) {
      const known = this.slots[slot];
      if (known === undefined) return undefined;
      if (known.length === length && text.startsWith(known, from)) return known;
      slot = (slot + 1) & MASK;
    }
    return undefined;
  }

  snapshot(): Array<string | undefined> {
    return this.slots.slice();
  }

  /** Remembers `key`, a clean plain key, when a slot near its hash is free. */
  add(key: string): void {
    let slot = keyHash(key, 0, key.length) & MASK;
    for (let probe = 0; probe < PROBES; probe++) {
      if (this.slots[slot] === undefined) {
        this.slots[slot] = key;
        return;
      }
      slot = (slot + 1) & MASK;
    }
  }
}

/** What the fast path takes as a plain key: a string scalar, not `<<` or `__proto__`, not too long. */
export function isPlainStringKey(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && key !== '<<' && key !== '__proto__' && typeof resolvePlainScalar(key) === 'string';
}

/** Names seeded without going through the reader: letters, digits, `.`, `_`, `/`, `-`, so clean. */
const SEEDABLE = /^[A-Za-z][A-Za-z0-9._/-]*$/;

/** The table every read starts from (copied, never written). */
const KNOWN_KEYS: ReadonlyArray<string | undefined> = (() => {
  // Property names come back from Object.keys internalized (`replace` gives fresh strings).
  const names: Record<string, true> = {};
  for (const fields of Object.values(FIELD_TYPES)) for (const key of Object.keys(fields)) names[key.replace(/[=!]$/, '')] = true;
  for (const kind of POD_BEARING_KINDS.values()) for (const key of kind.templatePath) names[key] = true;
  const table = new KeyTable(new Array<string | undefined>(SLOTS).fill(undefined));
  // A key found in the table skips the reader's checks, so only keys that pass them are seeded.
  for (const name of Object.keys(names)) if (SEEDABLE.test(name) && isPlainStringKey(name)) table.add(name);
  return table.snapshot();
})();
