/**
 * A fast path for the YAML manifests are made of (kubectl, Helm and `yaml.stringify` output): block
 * mappings and sequences, one-line plain, single- and double-quoted scalars, comments, `---`.
 * It reads a stream in one pass over the text, about 25× faster than building the `yaml` package's
 * AST, and gives the same values: scalars are resolved by the same go-yaml v2 rules
 * (resolvePlainScalar in yaml-schema.ts).
 *
 * It is conservative: anything else (anchors, aliases, tags, flow collections, block or
 * multi-line scalars, merge keys, non-string or duplicate keys, tabs, CR, control characters,
 * empty documents, directives, unexpected indentation, any syntax error) makes it give up
 * (undefined), and parse-yaml.ts reads the text with the `yaml` package as before, which also
 * produces every error message. The equivalence is tested against that path
 * (test/ingest/yaml-fast-path.test.ts).
 *
 * It works on offsets into the whole text (no per-line strings; only keys and scalars are sliced):
 * character reads on one flat string are what V8 optimises best.
 */
import { KeyTable, MAX_KEY_LENGTH, isPlainStringKey } from './yaml-key-table';
import { resolvePlainScalar } from './yaml-schema';

export interface FastYamlDocument {
  /** 0-based position in the stream. */
  index: number;
  value: Record<string, unknown>;
  /** 1-based line of the document's first key. */
  line: number;
}

/** Characters that cannot start a plain scalar we accept (YAML indicators), by char code. */
const INDICATORS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const ch of '-?:,[]{}#&*!|>\'"%@`') table[ch.charCodeAt(0)] = 1;
  return table;
})();
/** Longest null or bool spelling (`false`): see mustBeString. */
const LONGEST_WORD_SCALAR = 5;
const LF = 0x0a;
const SPACE = 0x20;
const DOUBLE_QUOTE = 0x22;
const HASH = 0x23;
const PERCENT = 0x25;
const SINGLE_QUOTE = 0x27;
const DASH = 0x2d;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Thrown (and caught in parseYamlFast) to leave the fast path. */
const GIVE_UP: unique symbol = Symbol('give up');

function giveUp(): never {
  throw GIVE_UP;
}

export interface FastYamlStream {
  documents: FastYamlDocument[];
  /**
   * Deepest collection nesting of any document (its root mapping is 1; `{}` and `[]` count), the
   * depth the nesting pre-scan (nesting.ts) reports for text in the fast path's subset.
   */
  depth: number;
}

/** The documents of `text`, or undefined when the text is outside the fast path's subset. */
export function parseYamlFast(text: string): FastYamlDocument[] | undefined {
  return readYamlFast(text)?.documents;
}

/** parseYamlFast, with the nesting depth of what it read. */
export function readYamlFast(text: string): FastYamlStream | undefined {
  try {
    const reader = new TextReader(text);
    return { documents: reader.stream(), depth: reader.deepest };
  } catch (e) {
    // A stack overflow (absurdly deep indentation) also leaves it: the checked path refuses such text.
    if (e === GIVE_UP || e instanceof RangeError) return undefined;
    throw e;
  }
}

/**
 * Reads the text line by line through offsets: `start` and `end` (its `\n`, or the end of the
 * text) delimit the current line. Columns (indentation) are relative to `start`; positions
 * handed to the token readers are offsets into the text, bounded by `end`.
 */
class TextReader {
  private readonly text: string;
  private readonly keys = new KeyTable();
  /** The current line: its first offset, its end and its 0-based index. */
  private start = 0;
  private end = 0;
  private line = 0;
  /** peek()'s last answer and the line it was for. */
  private peekedLine = -1;
  private peekedIndent = -1;
  /** colonAt's last answer: the first `:` at or after colonFrom. */
  private colonFrom = 0;
  private nextColon = -1;
  /** Offset just after the last key's `:` or quoted scalar read. */
  private tokenEnd = 0;
  /** Collections open around the current line, and the most ever open. */
  private depth = 0;
  deepest = 0;

  constructor(text: string) {
    this.text = text;
  }

  stream(): FastYamlDocument[] {
    const documents: FastYamlDocument[] = [];
    const first = this.peek();
    if (first === -1) giveUp(); // empty or comment-only: no document
    if (first === -2) this.startDocument(); // comments before the first `---` are not a document
    for (let index = 0; ; index++) {
      // Each document is a block mapping at column 0; an empty one (`---` then `---` or the end) gives up.
      if (this.peek() !== 0) giveUp();
      const line = this.line + 1;
      documents.push({ index, value: this.mapping(0, undefined), line });
      const next = this.peek();
      if (next === -1) return documents;
      if (next !== -2) giveUp();
      this.startDocument();
    }
  }

  /** Moves to the next line (the current one has been peeked, so its end is known). */
  private advance(): void {
    this.start = this.end + 1;
    this.line++;
  }

  /** Consumes a `---` line; only a comment may follow it. */
  private startDocument(): void {
    this.checkChars(this.start + 3, this.end);
    const rest = this.text.slice(this.start + 3, this.end).trimStart();
    if (rest !== '' && rest.charCodeAt(0) !== HASH) giveUp();
    this.advance();
  }

  /**
   * Skips blank and comment lines; returns the indentation of the next content line, -1 at the
   * end of the text, -2 at a `---` marker. Directives and `...` give up.
   */
  private peek(): number {
    // Every enclosing block peeks at the line that ends it: answer from the cache.
    if (this.line === this.peekedLine) return this.peekedIndent;
    const indent = this.scan();
    this.peekedLine = this.line;
    this.peekedIndent = indent;
    return indent;
  }

  private scan(): number {
    const text = this.text;
    const length = text.length;
    while (this.start <= length) {
      const start = this.start;
      let end = text.indexOf('\n', start);
      if (end === -1) end = length;
      this.end = end;
      let col = start;
      while (text.charCodeAt(col) === SPACE) col++;
      const c = text.charCodeAt(col);
      if (col === end || c === HASH) {
        this.checkChars(col, end);
        this.advance();
        continue;
      }
      if (col === start) {
        if (text.startsWith('---', start) && (end === start + 3 || text.charCodeAt(start + 3) === SPACE)) return -2;
        if (text.startsWith('...', start) || c === PERCENT) giveUp();
      }
      return col - start;
    }
    return -1;
  }

  /**
   * A block mapping whose keys start at column `indent`. `firstKey` is its first key when that
   * was already read on the current line (after a sequence item's `- `; tokenEnd is after its `:`).
   */
  private mapping(indent: number, firstKey: string | undefined): Record<string, unknown> {
    this.open();
    const map: Record<string, unknown> = {};
    let key = firstKey;
    let count = 0;
    for (;;) {
      if (key === undefined) {
        const at = this.peek();
        if (at < indent) break;
        if (at > indent) giveUp();
        key = this.readKey(this.start + indent);
        if (key === undefined) giveUp();
      }
      map[key] = this.valueAfter(this.tokenEnd, indent);
      key = undefined;
      count++;
    }
    // Fewer properties than keys read: a duplicate key, which the slow path reports. (Counting
    // once is much cheaper than a lookup per key.)
    if (count > 1 && Object.keys(map).length !== count) giveUp();
    this.depth--;
    return map;
  }

  /** The value after a key's `:` (at offset `from` on the current line); consumes the lines it spans. */
  private valueAfter(from: number, indent: number): unknown {
    const text = this.text;
    let pos = from;
    while (text.charCodeAt(pos) === SPACE) pos++;
    if (pos < this.end && text.charCodeAt(pos) !== HASH) {
      const scalar = this.scalar(pos);
      this.advance();
      return scalar;
    }
    // Nothing on the line: a nested block, a sequence at the key's own indentation, or null.
    this.checkChars(pos, this.end);
    this.advance();
    const at = this.peek();
    if (at > indent) return this.block(at);
    if (at === indent && this.isDash(this.start + at)) return this.sequence(at);
    return null;
  }

  private open(): void {
    if (++this.depth > this.deepest) this.deepest = this.depth;
  }

  /** readScalar, counting `{}` and `[]` as one more level of nesting. */
  private scalar(pos: number): unknown {
    const value = this.readScalar(pos);
    if (typeof value === 'object' && value !== null && this.depth + 1 > this.deepest) this.deepest = this.depth + 1;
    return value;
  }

  /** A block mapping or sequence starting on the current line at column `indent`. */
  private block(indent: number): unknown {
    return this.isDash(this.start + indent) ? this.sequence(indent) : this.mapping(indent, undefined);
  }

  /** A block sequence whose dashes are at column `indent`. */
  private sequence(indent: number): unknown[] {
    this.open();
    const text = this.text;
    const items: unknown[] = [];
    for (;;) {
      const at = this.peek();
      if (at < indent) break;
      if (at > indent) giveUp();
      const start = this.start;
      if (!this.isDash(start + indent)) break; // the parent mapping's next key (compact sequence)
      let pos = start + indent + 1;
      while (text.charCodeAt(pos) === SPACE) pos++;
      if (pos >= this.end || text.charCodeAt(pos) === HASH) {
        // `-` alone: the item is the block below it, or null.
        this.checkChars(pos, this.end);
        this.advance();
        const next = this.peek();
        items.push(next > indent ? this.block(next) : null);
        continue;
      }
      if (this.isDash(pos)) giveUp(); // `- - x`
      const key = this.readKey(pos);
      if (key !== undefined) {
        items.push(this.mapping(pos - start, key));
      } else {
        items.push(this.scalar(pos));
        this.advance();
      }
    }
    this.depth--;
    return items;
  }

  /** Gives up when text[from, to) (a comment, or what follows `---`) holds a character left to the `yaml` package. */
  private checkChars(from: number, to: number): void {
    for (let j = from; j < to; j++) if (isUnsupported(this.text.charCodeAt(j))) giveUp();
  }

  /** `-` followed by a space or the end of the line, at offset `pos` of the current line. */
  private isDash(pos: number): boolean {
    return this.text.charCodeAt(pos) === DASH && (pos + 1 >= this.end || this.text.charCodeAt(pos + 1) === SPACE);
  }

  /**
   * The mapping key at offset `col` (tokenEnd then is just after its `:`), or undefined when the
   * line holds no `key:` there. Gives up on keys the fast path does not take (non-string, `<<`,
   * `__proto__`).
   */
  private readKey(col: number): string | undefined {
    const text = this.text;
    const end = this.end;
    const c = text.charCodeAt(col);
    let key: string;
    let colon: number;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      key = this.readQuoted(col);
      colon = this.tokenEnd;
      if (text.charCodeAt(colon) !== COLON) return undefined;
    } else {
      if (isIndicator(c)) return undefined;
      const known = this.knownKeyAt(col);
      if (known !== undefined) {
        this.tokenEnd = col + known.length + 1;
        return known;
      }
      colon = -1;
      for (let j = col; j < end; j++) {
        const ch = text.charCodeAt(j);
        if (isUnsupported(ch)) giveUp();
        if (ch === HASH && text.charCodeAt(j - 1) === SPACE) return undefined; // a comment first
        if (ch === COLON && (j + 1 >= end || text.charCodeAt(j + 1) === SPACE)) {
          colon = j;
          break;
        }
      }
      if (colon === -1) return undefined;
      if (text.charCodeAt(colon - 1) === SPACE) giveUp(); // `key :`
      this.tokenEnd = colon + 1;
      return this.keys.find(text, col, colon) ?? this.newPlainKey(col, colon);
    }
    if (key.length > MAX_KEY_LENGTH || key === '<<' || key === '__proto__') giveUp();
    if (colon + 1 < end && text.charCodeAt(colon + 1) !== SPACE) return undefined;
    this.tokenEnd = colon + 1;
    return key;
  }

  /**
   * A key of the table written at offset `col` and followed by `: ` or `:` at the end of the line,
   * found without the character loop: the table holds only clean keys (see yaml-key-table.ts), so
   * the loop would stop at this same `:` and take this same key.
   */
  private knownKeyAt(col: number): string | undefined {
    const text = this.text;
    const colon = this.colonAt(col);
    if (colon <= col || colon >= this.end) return undefined;
    if (colon + 1 < this.end && text.charCodeAt(colon + 1) !== SPACE) return undefined;
    return this.keys.find(text, col, colon);
  }

  /**
   * The first `:` at or after `col` (the text's length if none). Remembered: reading moves forward,
   * so one search serves every key until that `:` (no rescans of colon-free lines: linear time).
   */
  private colonAt(col: number): number {
    if (col < this.colonFrom || col > this.nextColon) {
      const found = this.text.indexOf(':', col);
      this.colonFrom = col;
      this.nextColon = found === -1 ? this.text.length : found;
    }
    return this.nextColon;
  }

  /** The plain key text[col, colon) seen for the first time: checked, then remembered. */
  private newPlainKey(col: number, colon: number): string {
    const key = this.text.slice(col, colon);
    // mustBeString (a letter, then more than `false`) is the common case, without resolvePlainScalar.
    const taken = mustBeString(key.charCodeAt(0), key.length) ? key.length <= MAX_KEY_LENGTH : isPlainStringKey(key);
    if (!taken) giveUp(); // `1:`, `true:`, `null:`, `<<:`, `__proto__:`, overlong keys
    this.keys.add(key);
    return key;
  }

  /** A one-line scalar from offset `pos` to the end of the line (a trailing comment allowed). */
  private readScalar(pos: number): unknown {
    const text = this.text;
    const end = this.end;
    const c = text.charCodeAt(pos);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const value = this.readQuoted(pos);
      const closed = this.tokenEnd;
      let j = closed;
      while (text.charCodeAt(j) === SPACE) j++;
      if (j < end && !(text.charCodeAt(j) === HASH && j > closed)) giveUp();
      this.checkChars(j, end);
      return value;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      // Only the empty flow collections `{}` (e.g. `emptyDir: {}`) and `[]`.
      if (text.charCodeAt(pos + 1) !== (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) giveUp();
      let j = pos + 2;
      while (text.charCodeAt(j) === SPACE) j++;
      if (j < end && !(text.charCodeAt(j) === HASH && j > pos + 2)) giveUp();
      this.checkChars(j, end);
      return c === OPEN_BRACE ? {} : [];
    }
    if (isIndicator(c)) {
      // `-x` is a plain scalar (`--port=8080`, `-1`); every other indicator gives up.
      if (c !== DASH || pos + 1 >= end || text.charCodeAt(pos + 1) === SPACE) giveUp();
    }
    let stop = end;
    for (let j = pos; j < end; j++) {
      const ch = text.charCodeAt(j);
      if (isUnsupported(ch)) giveUp();
      if (ch === HASH && text.charCodeAt(j - 1) === SPACE) {
        stop = j;
        this.checkChars(j, end);
        break;
      }
      if (ch === COLON && (j + 1 >= end || text.charCodeAt(j + 1) === SPACE)) giveUp(); // `a: b: c`
    }
    while (stop > pos && text.charCodeAt(stop - 1) === SPACE) stop--;
    return plainScalar(text, pos, stop);
  }

  /** A single- or double-quoted scalar at offset `pos` that closes on the same line; tokenEnd is after it. */
  private readQuoted(pos: number): string {
    const text = this.text;
    const end = this.end;
    const quote = text.charCodeAt(pos);
    let out = '';
    let from = pos + 1;
    for (let j = from; j < end; j++) {
      const ch = text.charCodeAt(j);
      if (isUnsupported(ch)) giveUp();
      if (quote === SINGLE_QUOTE) {
        if (ch !== SINGLE_QUOTE) continue;
        if (text.charCodeAt(j + 1) === SINGLE_QUOTE) {
          out += text.slice(from, j + 1);
          from = ++j + 1;
          continue;
        }
        this.tokenEnd = j + 1;
        return out + text.slice(from, j);
      }
      if (ch === DOUBLE_QUOTE) {
        this.tokenEnd = j + 1;
        return out + text.slice(from, j);
      }
      if (ch === BACKSLASH) {
        out += text.slice(from, j) + decodeEscape(text.charCodeAt(j + 1));
        from = ++j + 1;
      }
    }
    return giveUp(); // continues on the next line
  }
}

/** The value of the plain scalar text[from, to), as resolvePlainScalar (go-yaml v2 rules) gives it. */
function plainScalar(text: string, from: number, to: number): unknown {
  const first = text.charCodeAt(from);
  const length = to - from;
  // The commonest non-strings without resolvePlainScalar's regexes, BigInt and hashing: a
  // decimal [1-9][0-9]* of at most 15 digits is below 2^53, so its value is exact either way.
  if (first >= 0x31 && first <= 0x39 && length <= 15) {
    let n = first - 0x30;
    let j = from + 1;
    for (; j < to; j++) {
      const d = text.charCodeAt(j) - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (j === to) return n;
  }
  const s = text.slice(from, to);
  if (mustBeString(first, length)) return s;
  if (s === 'false') return false;
  if (s === 'true') return true;
  return resolvePlainScalar(s);
}

/**
 * Tabs, CR, other C0/C1 controls, DEL, NEL, LS, PS, BOM: left to the `yaml` package. Checked in
 * the loops that read every character of a line anyway, and on comments (no separate pass over
 * the text: a regex test of the whole body cost ~8% of a read). Never called with `\n`, which
 * ends a line.
 */
function isUnsupported(c: number): boolean {
  return c < SPACE || (c >= 0x7f && (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff));
}

function isIndicator(c: number): boolean {
  return c < 128 && INDICATORS[c] === 1;
}

/**
 * A plain scalar starting with the ASCII letter `first` and longer than any null or bool spelling
 * is a string (ints and floats start with a digit, a sign or `.`), so resolvePlainScalar is skipped.
 */
function mustBeString(first: number, length: number): boolean {
  return length > LONGEST_WORD_SCALAR && ((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a));
}

/** The double-quoted escape `\` + the character `c`; any escape but these gives up. */
function decodeEscape(c: number): string {
  switch (c) {
    case BACKSLASH:
      return '\\';
    case DOUBLE_QUOTE:
      return '"';
    case 0x2f /* / */:
      return '/';
    case 0x6e /* n */:
      return '\n';
    case 0x74 /* t */:
      return '\t';
    case 0x72 /* r */:
      return '\r';
    default:
      return giveUp();
  }
}
