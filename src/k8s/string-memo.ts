/**
 * A bounded memo of a pure string function of a string (a label, an annotation key built from a
 * name). Engines call such functions per policy × container; a string built afresh each time is a
 * new string V8 must flatten and hash again wherever it is used, a remembered one is not. The
 * function is pure and strings are immutable, so remembering across requests cannot change a
 * result. Bounded: emptied when full. Every memo registers here so that one call
 * (clearStringMemos, called by the PSP content caches' clear) empties them all: the bench's cold
 * figure and tests.
 */

/** Anything remembered across requests that clearStringMemos empties. */
interface Clearable {
  clear(): void;
}

const ALL = new Set<Clearable>();

/** Registers a memo of another shape (src/psp/fields.ts ViolationMemo) with clearStringMemos. */
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
    ALL.add(this);
  }

  get(input: string): string {
    // Only strings are remembered: anything else goes through `make` as before.
    if (typeof input !== 'string') return this.make(input);
    let out = this.kept.get(input);
    if (out === undefined) {
      if (this.kept.size >= this.size) this.kept.clear();
      out = this.make(input);
      this.kept.set(input, out);
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
