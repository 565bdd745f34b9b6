/**
 * A bounded memo of a pure string function of a string (a label, an annotation key built from a
 * name). Engines call such functions per policy × container; a string built afresh each time is a
 * new string V8 must flatten and hash again wherever it is used, a remembered one is not. The
 * function is pure and strings are immutable, so remembering across requests cannot change a
 * result. Bounded: emptied when full. Every memo registers here so that one call
 * (clearStringMemos, called by the PSP content caches' clear) empties them all: the bench's cold
 * figure and tests.
 */

/**
 * V8 copies the characters of a slice or a concatenation shorter than this into a string of its
 * own (SlicedString::kMinLength = ConsString::kMinLength = 13); longer ones may point into others.
 */
export const SHORTEST_PIECED_STRING = 13;

/**
 * A copy of `s` that shares no storage with any other string. What a memo keeps across requests
 * must be such a copy: a string read from a request may be a slice of the whole request text (the
 * YAML reader slices scalars out of it, and V8 makes any slice of 13 characters or more a view
 * into its parent), and one such string kept in a memo keeps the whole body, up to 1 MiB, alive
 * for as long as the memo keeps it. Measured before this existed: ~1.8 MB of heap kept per
 * distinct 0.9 MiB YAML body sent twice (docs/performance.md, round 11). A JSON round trip always
 * builds a new flat string, lone surrogates included; a string too short to be a piece of another
 * is one already. Memos call it when they store, never on a lookup.
 */
export function ownString(s: string): string {
  return s.length < SHORTEST_PIECED_STRING ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Anything remembered across requests that clearStringMemos empties. */
interface Clearable {
  clear(): void;
}

const ALL = new Set<Clearable>();

/** Registers a memo with clearStringMemos: every StringMemo, and memos of other shapes (ViolationMemo). */
export function registerMemo(memo: Clearable): void {
  ALL.add(memo);
}

export class StringMemo {
  private readonly kept = new Map<string, string>();

  constructor(
    /** Entries kept before the memo starts over. */
    readonly size: number,
    private readonly make: (input: string) => string,
  ) {
    registerMemo(this);
  }

  get(input: string): string {
    // Only strings are remembered: anything else goes through `make` as before.
    if (typeof input !== 'string') return this.make(input);
    let out = this.kept.get(input);
    if (out === undefined) {
      if (this.kept.size >= this.size) this.kept.clear();
      // Key and value from an own copy of the input (ownString): neither keeps the request's text.
      const own = ownString(input);
      out = this.make(own);
      this.kept.set(own, out);
    }
    return out;
  }

  clear(): void {
    this.kept.clear();
  }
}

/** Empties every memo. Never needed for correctness. */
export function clearStringMemos(): void {
  for (const memo of ALL) memo.clear();
}
