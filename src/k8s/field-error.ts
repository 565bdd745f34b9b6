/**
 * Kubernetes field errors (k8s.io/apimachinery/pkg/util/validation/field), rendered exactly as
 * the apiserver prints them: `<field>: <type>[: <value>][: <detail>]`.
 *
 * Values are rendered once, when the error is made, with the Go formatting the apiserver uses
 * (`%v` for numbers and booleans, `%q` for strings, `%#v` for slices), so callers hand over a
 * `GoValue` that says which Go type the value had.
 */

export type FieldErrorType =
  | 'Invalid value'
  | 'Required value'
  | 'Forbidden'
  | 'Unsupported value'
  | 'Duplicate value'
  | 'Too long'
  | 'Too many'
  | 'Not found'
  | 'Internal error';

export interface FieldError {
  field: string;
  type: FieldErrorType;
  /** The rendered bad value; absent for types that never print one (Required, Forbidden, ...). */
  value?: string;
  detail: string;
}

/**
 * Whether the rendering prints the value: every type but these (field.Error.ErrorBody). A switch
 * on the type rather than a Set: this runs for every violation of every policy.
 */
function printsValue(type: FieldErrorType): boolean {
  switch (type) {
    case 'Required value':
    case 'Forbidden':
    case 'Too long':
    case 'Internal error':
      return false;
    default:
      return true;
  }
}

/** Renders one error as Kubernetes does. */
export function formatFieldError(e: FieldError): string {
  let s = `${e.field}: ${e.type}`;
  if (e.value !== undefined && printsValue(e.type)) s += `: ${e.value}`;
  if (e.detail.length > 0) s += `: ${e.detail}`;
  return s;
}

/**
 * Anything outside printable ASCII, or `"` / `\\`: goQuote must look at it rune by rune. A loop over
 * char codes rather than a RegExp test: the values quoted are short, and the RegExp call itself
 * cost more than the scan (this runs for most violations of every policy).
 */
function needsGoEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return true;
  }
  return false;
}

/**
 * Go's strconv.Quote (what `%q` prints): double quotes, `\"` and `\\` escaped, control and
 * non-printable characters as \a \b \f \n \r \t \v, \xNN, \uNNNN or \UNNNNNNNN.
 */
export function goQuote(s: string): string {
  // Fast path: printable ASCII other than `"` and `\` is copied as is (the common case).
  // A non-string (never from validated input) is tested on its String(), as the RegExp test did.
  if (!needsGoEscape(typeof s === 'string' ? s : String(s))) return '"' + s + '"';
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp < 0x20 || cp === 0x7f) {
      out += '\\x' + cp.toString(16).padStart(2, '0');
    } else if (cp === 0xfffd && ch !== '\ufffd') {
      out += '\\ufffd';
    } else if (isGoPrintable(cp)) {
      out += ch;
    } else if (cp < 0x10000) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else {
      out += '\\U' + cp.toString(16).padStart(8, '0');
    }
  }
  return out + '"';
}

/** Approximates unicode.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020. */
function isGoPrintable(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp >= 0xd800 && cp <= 0xdfff) return false; // lone surrogates
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}

/** Builders for values rendered the way `field.Invalid(path, value, detail)` prints them. */
export const goValue = {
  /** A Go string (or named string type such as core.Capability): `%q`. */
  string: (s: string): string => goQuote(s),
  /** int, int32, int64: `%v`/`%#v`, the same digits. */
  int: (n: number): string => String(n),
  bool: (b: boolean): string => (b ? 'true' : 'false'),
  /** A nil interface or nil pointer prints as the quoted string "null". */
  nil: (): string => '"null"',
  /** `%#v` of a []int64: `[]int64{1, 2}`, `[]int64{}` for empty, `[]int64(nil)` for nil. */
  int64Slice: (xs: readonly number[] | undefined): string =>
    xs === undefined ? '[]int64(nil)' : `[]int64{${xs.join(', ')}}`,
  /** `%#v` of a slice of a named string type, e.g. `[]core.Capability{"a", "b"}`. */
  stringSlice: (goType: string, xs: readonly string[] | undefined): string =>
    xs === undefined ? `[]${goType}(nil)` : `[]${goType}{${xs.map(goQuote).join(', ')}}`,
};

/** `field.NotSupported` detail: `supported values: "a", "b"`. */
export function supportedValuesDetail(values: readonly string[]): string {
  return `supported values: ${values.map(goQuote).join(', ')}`;
}
