/** Message fragments shared by the gap and mutation messages. */

/** `["a", "b"]`: a PSP list value as users write it in YAML flow style / JSON. */
export function jsonList(xs: readonly string[]): string {
  return `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
}

/** `"a", "b"`. */
export function quotedList(xs: readonly string[]): string {
  return xs.map((x) => JSON.stringify(x)).join(', ');
}

/**
 * The subject of a gap message about some entries of a list field: the whole field when every
 * entry is at fault (`allowedCapabilities: ["NET_ADMIN"] lets`), else the entries
 * (`allowedCapabilities entry "NET_RAW" lets`, `… entries "A", "B" let`).
 */
export function listSubject(
  field: string,
  all: readonly string[] | undefined,
  offending: readonly string[],
  verb: readonly [singular: string, plural: string] = ['lets', 'let'],
): string {
  if (all !== undefined && offending.length === all.length) return `${field}: ${jsonList(all)} ${verb[0]}`;
  return offending.length === 1
    ? `${field} entry ${quotedList(offending)} ${verb[0]}`
    : `${field} entries ${quotedList(offending)} ${verb[1]}`;
}

/** `which baseline forbids`. */
export function forbids(level: string): string {
  return `which ${level} forbids`;
}

/** `a, b and c`. */
export function andList(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]!}`;
}

/** Distinct values in first-seen order. */
export function distinct(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/** `[{min: 1, max: 65535}]`: ID or port ranges as users write them. */
export function rangesText(ranges: ReadonlyArray<{ min: number; max: number }>): string {
  return `[${ranges.map((r) => `{min: ${r.min}, max: ${r.max}}`).join(', ')}]`;
}
