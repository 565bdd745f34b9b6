/**
 * Scalar resolution exactly as Kubernetes reads YAML: sigs.k8s.io/yaml → its go-yaml v2 fork
 * (goyaml.v2/resolve.go, verified), then JSON. Differences from the `yaml` package's own
 * 'yaml-1.1' schema, which is why that schema is not used:
 *  - booleans: y Y yes Yes YES true True TRUE on On ON / n N no No NO false False FALSE off Off OFF;
 *  - integers: Go's strconv.ParseInt(s, 0, 64) after removing every `_`, so 0x1F, 0o17, 0b101 and
 *    C-style octal 0755 (= 493) are integers; integers beyond int64 stay integers (uint64, big.Int);
 *  - floats: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` (so `08` is the float 8),
 *    .inf/.nan spellings; an overflowing float (`1e400`) stays a string;
 *  - no sexagesimal numbers (`12:30` is a string, the 'yaml-1.1' schema reads 750);
 *  - timestamps (`2001-12-14`) stay strings: go-yaml v2 decodes them into interface{} as strings;
 *  - only a plain scalar is resolved; quoted and block scalars are strings.
 * Only the first character selects a candidate type (go-yaml's resolveTable hint).
 */
import type { ScalarTag } from 'yaml';

const BOOLS: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s) => [s, false] as const),
]);
const SPECIAL_FLOATS: ReadonlyMap<string, number> = new Map([
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, -Infinity] as const),
]);
const NULL_RE = /^(?:~|null|Null|NULL)?$/;
/** strconv.ParseInt/ParseUint base 0 syntax (after `_` removal). */
const GO_INT_RE = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const GO_FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const DOT_FLOAT_RE = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

function isNumericHint(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d;
}

function goInt(s: string): number | undefined {
  if (!isNumericHint(s)) return undefined;
  const m = GO_INT_RE.exec(s.includes('_') ? s.replace(/_/g, '') : s);
  if (m === null) return undefined;
  let digits = m[2]!;
  // C-style octal: BigInt reads a leading 0 as decimal.
  if (digits.length > 1 && digits[0] === '0' && digits[1]! >= '0' && digits[1]! <= '7') digits = '0o' + digits.slice(1);
  const magnitude = Number(BigInt(digits));
  return m[1] === '-' ? -magnitude : magnitude;
}

function goFloat(s: string): number | undefined {
  if (SPECIAL_FLOATS.has(s)) return SPECIAL_FLOATS.get(s);
  const c = s.charCodeAt(0);
  let f: number;
  if (c === 0x2e /* . */) {
    if (!DOT_FLOAT_RE.test(s)) return undefined;
    f = Number(s);
  } else {
    if (!isNumericHint(s)) return undefined;
    const plain = s.includes('_') ? s.replace(/_/g, '') : s;
    if (!GO_FLOAT_RE.test(plain)) return undefined;
    f = Number(plain);
  }
  return Number.isFinite(f) ? f : undefined; // ParseFloat reports ErrRange on overflow
}

/**
 * First characters of every non-string plain scalar: `~` and the letters of null and bool spellings
 * (n N y Y t T f F o O), digits, `+`, `-`, `.`; any other first character means a string.
 * (NaN for an empty string compares false with everything, so it takes the slow way.)
 */
const MAY_NOT_BE_STRING: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const ch of '~nNyYtTfFoO0123456789+-.') table[ch.charCodeAt(0)] = 1;
  return table;
})();

/**
 * The value of a plain scalar: the tags below tried in the order the `yaml` package tries them
 * (null, bool, int, float, else string). Used by the fast path (yaml-fast-path.ts).
 */
export function resolvePlainScalar(s: string): unknown {
  const c = s.charCodeAt(0);
  if (c < 128 && !MAY_NOT_BE_STRING[c]!) return s; // `/var/log`, `web`, `MustRunAs`: no regex needed
  if (NULL_RE.test(s)) return null;
  const bool = BOOLS.get(s);
  if (bool !== undefined) return bool;
  return goInt(s) ?? goFloat(s) ?? s;
}

/** `yaml` tags only call `.test()` on their `test` member, so a predicate object serves. */
function tester(fn: (s: string) => boolean): RegExp {
  return { test: fn } as unknown as RegExp;
}

const nullTag: ScalarTag = {
  identify: (v) => v === null,
  default: true,
  tag: 'tag:yaml.org,2002:null',
  test: NULL_RE,
  resolve: () => null,
};

const boolTag: ScalarTag = {
  identify: (v) => typeof v === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: tester((s) => BOOLS.has(s)),
  resolve: (s) => BOOLS.get(s)!,
};

const intTag: ScalarTag = {
  identify: (v) => typeof v === 'number' && Number.isInteger(v),
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: tester((s) => goInt(s) !== undefined),
  resolve: (s) => goInt(s)!,
};

const floatTag: ScalarTag = {
  identify: (v) => typeof v === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  // `!!float 1` is valid in go-yaml (an int converted to float), hence goInt as well.
  test: tester((s) => goFloat(s) !== undefined || goInt(s) !== undefined),
  resolve: (s) => goFloat(s) ?? goInt(s)!,
};

/** Explicit `!!timestamp`: go-yaml v2 hands timestamps to interface{} as the original string. */
const timestampTag: ScalarTag = {
  identify: () => false,
  default: false,
  tag: 'tag:yaml.org,2002:timestamp',
  resolve: (s) => s,
};

/** Tags added to the failsafe schema (map, seq, str); `merge: true` adds `<<`. */
export const GO_YAML_V2_SCALAR_TAGS: ScalarTag[] = [nullTag, boolTag, intTag, floatTag, timestampTag];

/** The tags go-yaml v2 understands; any other tag (`!foo`, `!!js/function`, `!!binary`) is refused. */
export const KNOWN_TAGS: ReadonlySet<string> = new Set([
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:timestamp',
  'tag:yaml.org,2002:merge',
  '!',
]);
