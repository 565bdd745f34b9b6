/**
 * A fast path for the YAML manifests are made of (kubectl, Helm and `yaml.stringify` output): block
 * mappings and sequences, one-line plain, single- and double-quoted scalars, comments, `---`.
 * It reads a stream in one pass over its lines, about 15× faster than building the `yaml` package's
 * AST, and gives the same values: scalars are resolved by the same go-yaml v2 rules
 * (resolvePlainScalar in yaml-schema.ts).
 *
 * It is conservative: anything else (anchors, aliases, tags, flow collections, block or
 * multi-line scalars, merge keys, non-string or duplicate keys, tabs, CR, control characters,
 * empty documents, directives, unexpected indentation, any syntax error) makes it give up
 * (undefined), and parse-yaml.ts reads the text with the `yaml` package as before, which also
 * produces every error message. The equivalence is tested against that path
 * (test/ingest/yaml-fast-path.test.ts).
 */
import { resolvePlainScalar } from './yaml-schema';

export interface FastYamlDocument {
  /** 0-based position in the stream. */
  index: number;
  value: Record<string, unknown>;
  /** 1-based line of the document's first key. */
  line: number;
}

/** Tabs, CR, other C0/C1 controls, DEL, NEL, LS, PS, BOM: left to the `yaml` package. */
const UNSUPPORTED_CHARS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** Characters that cannot start a plain scalar we accept (YAML indicators). */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
/** Double-quoted escapes we decode; any other escape gives up. */
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\'],
  ['"', '"'],
  ['/', '/'],
  ['n', '\n'],
  ['t', '\t'],
  ['r', '\r'],
]);
/** YAML limits implicit keys to 1024 characters; stay well clear. */
const MAX_KEY_LENGTH = 1000;
const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

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
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    const reader = new LineReader(text);
    return { documents: reader.stream(), depth: reader.deepest };
  } catch (e) {
    // A stack overflow (absurdly deep indentation) also leaves it: the checked path refuses such text.
    if (e === GIVE_UP || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** A key or a scalar read from one line, and where it ended. */
interface Token {
  value: string;
  end: number;
}

class LineReader {
  private readonly lines: string[];
  /** Index of the current line. */
  private i = 0;
  /** peek()'s last answer and the line it was for. */
  private peekedLine = -1;
  private peekedIndent = -1;
  /** Collections open around the current line, and the most ever open. */
  private depth = 0;
  deepest = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  stream(): FastYamlDocument[] {
    const documents: FastYamlDocument[] = [];
    const first = this.peek();
    if (first === -1) giveUp(); // empty or comment-only: no document
    if (first === -2) this.startDocument(); // comments before the first `---` are not a document
    for (let index = 0; ; index++) {
      // Each document is a block mapping at column 0; an empty one (`---` then `---` or the end) gives up.
      if (this.peek() !== 0) giveUp();
      const line = this.i + 1;
      documents.push({ index, value: this.mapping(0, -1), line });
      const next = this.peek();
      if (next === -1) return documents;
      if (next !== -2) giveUp();
      this.startDocument();
    }
  }

  /** Consumes a `---` line; only a comment may follow it. */
  private startDocument(): void {
    const rest = this.lines[this.i]!.slice(3).trimStart();
    if (rest !== '' && rest.charCodeAt(0) !== HASH) giveUp();
    this.i++;
  }

  /**
   * Skips blank and comment lines; returns the indentation of the next content line, -1 at the
   * end of the text, -2 at a `---` marker. Directives and `...` give up.
   */
  private peek(): number {
    // Every enclosing block peeks at the line that ends it: answer from the cache.
    if (this.i === this.peekedLine) return this.peekedIndent;
    const indent = this.scan();
    this.peekedLine = this.i;
    this.peekedIndent = indent;
    return indent;
  }

  private scan(): number {
    const lines = this.lines;
    for (; this.i < lines.length; this.i++) {
      const s = lines[this.i]!;
      let col = 0;
      while (s.charCodeAt(col) === SPACE) col++;
      if (col === s.length) continue;
      const c = s.charCodeAt(col);
      if (c === HASH) continue;
      if (col === 0) {
        if (s.startsWith('---') && (s.length === 3 || s.charCodeAt(3) === SPACE)) return -2;
        if (s.startsWith('...') || c === 0x25 /* % */) giveUp();
      }
      return col;
    }
    return -1;
  }

  /**
   * A block mapping whose keys start at column `indent`. When `firstCol` is not -1, the first
   * key is on the current line at that column (after a sequence item's `- `).
   */
  private mapping(indent: number, firstCol: number): Record<string, unknown> {
    this.open();
    const map: Record<string, unknown> = {};
    let inline = firstCol !== -1;
    let count = 0;
    for (;;) {
      if (!inline) {
        const at = this.peek();
        if (at < indent) break;
        if (at > indent) giveUp();
      }
      inline = false;
      const s = this.lines[this.i]!;
      const key = readKey(s, indent);
      if (key === undefined) giveUp();
      map[key.value] = this.valueAfter(s, key.end, indent);
      count++;
    }
    // Fewer properties than keys read: a duplicate key, which the slow path reports. (Counting
    // once is much cheaper than a lookup per key: the keys are fresh, unhashed strings.)
    if (count > 1 && Object.keys(map).length !== count) giveUp();
    this.depth--;
    return map;
  }

  /** The value after a key's `:` (at `from` on the current line); consumes the lines it spans. */
  private valueAfter(s: string, from: number, indent: number): unknown {
    let pos = from;
    while (s.charCodeAt(pos) === SPACE) pos++;
    if (pos < s.length && s.charCodeAt(pos) !== HASH) {
      const scalar = this.scalar(s, pos);
      this.i++;
      return scalar;
    }
    // Nothing on the line: a nested block, a sequence at the key's own indentation, or null.
    this.i++;
    const at = this.peek();
    if (at > indent) return this.block(at);
    if (at === indent && isDash(this.lines[this.i]!, at)) return this.sequence(at);
    return null;
  }

  private open(): void {
    if (++this.depth > this.deepest) this.deepest = this.depth;
  }

  /** readScalar, counting `{}` and `[]` as one more level of nesting. */
  private scalar(s: string, pos: number): unknown {
    const value = readScalar(s, pos);
    if (typeof value === 'object' && value !== null && this.depth + 1 > this.deepest) this.deepest = this.depth + 1;
    return value;
  }

  /** A block mapping or sequence starting on the current line at column `indent`. */
  private block(indent: number): unknown {
    return isDash(this.lines[this.i]!, indent) ? this.sequence(indent) : this.mapping(indent, -1);
  }

  /** A block sequence whose dashes are at column `indent`. */
  private sequence(indent: number): unknown[] {
    this.open();
    const items: unknown[] = [];
    for (;;) {
      const at = this.peek();
      if (at < indent) break;
      if (at > indent) giveUp();
      const s = this.lines[this.i]!;
      if (!isDash(s, indent)) break; // the parent mapping's next key (compact sequence)
      let pos = indent + 1;
      while (s.charCodeAt(pos) === SPACE) pos++;
      if (pos >= s.length || s.charCodeAt(pos) === HASH) {
        // `-` alone: the item is the block below it, or null.
        this.i++;
        const next = this.peek();
        items.push(next > indent ? this.block(next) : null);
        continue;
      }
      if (isDash(s, pos)) giveUp(); // `- - x`
      if (readKey(s, pos) !== undefined) {
        items.push(this.mapping(pos, pos));
      } else {
        items.push(this.scalar(s, pos));
        this.i++;
      }
    }
    this.depth--;
    return items;
  }
}

/** `-` followed by a space or the end of the line, at `col`. */
function isDash(s: string, col: number): boolean {
  if (s.charCodeAt(col) !== DASH) return false;
  const next = s.charCodeAt(col + 1);
  return Number.isNaN(next) || next === SPACE;
}

/**
 * A mapping key at `col` and the position after its `:`, or undefined when the line holds no
 * `key:` there. Gives up on keys the fast path does not take (non-string, `<<`, `__proto__`).
 */
function readKey(s: string, col: number): Token | undefined {
  const c = s.charCodeAt(col);
  let key: string;
  let colon: number;
  if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
    const q = readQuoted(s, col);
    if (s.charCodeAt(q.end) !== COLON) return undefined;
    key = q.value;
    colon = q.end;
  } else {
    if (INDICATORS.has(s[col]!)) return undefined;
    colon = -1;
    for (let j = col; j < s.length; j++) {
      const ch = s.charCodeAt(j);
      if (ch === HASH && s.charCodeAt(j - 1) === SPACE) return undefined; // a comment first
      if (ch === COLON) {
        const next = s.charCodeAt(j + 1);
        if (Number.isNaN(next) || next === SPACE) {
          colon = j;
          break;
        }
      }
    }
    if (colon === -1) return undefined;
    if (s.charCodeAt(colon - 1) === SPACE) giveUp(); // `key :`
    key = s.slice(col, colon);
    if (typeof resolvePlainScalar(key) !== 'string') giveUp(); // `1:`, `true:`, `null:`
  }
  if (key.length > MAX_KEY_LENGTH || key === '<<' || key === '__proto__') giveUp();
  const next = s.charCodeAt(colon + 1);
  if (!Number.isNaN(next) && next !== SPACE) return undefined;
  return { value: key, end: colon + 1 };
}

/** A one-line scalar from `pos` to the end of the line (a trailing comment allowed). */
function readScalar(s: string, pos: number): unknown {
  const c = s.charCodeAt(pos);
  if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
    const q = readQuoted(s, pos);
    let j = q.end;
    while (s.charCodeAt(j) === SPACE) j++;
    if (j < s.length && !(s.charCodeAt(j) === HASH && j > q.end)) giveUp();
    return q.value;
  }
  if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
    // Only the empty flow collections `{}` (e.g. `emptyDir: {}`) and `[]`.
    if (s.charCodeAt(pos + 1) !== (c === 0x7b ? 0x7d : 0x5d)) giveUp();
    let j = pos + 2;
    while (s.charCodeAt(j) === SPACE) j++;
    if (j < s.length && !(s.charCodeAt(j) === HASH && j > pos + 2)) giveUp();
    return c === 0x7b ? {} : [];
  }
  if (INDICATORS.has(s[pos]!)) {
    // `-x` is a plain scalar (`--port=8080`, `-1`); every other indicator gives up.
    if (c !== DASH || s.charCodeAt(pos + 1) === SPACE || pos + 1 >= s.length) giveUp();
  }
  let end = s.length;
  for (let j = pos; j < s.length; j++) {
    const ch = s.charCodeAt(j);
    if (ch === HASH && s.charCodeAt(j - 1) === SPACE) {
      end = j;
      break;
    }
    if (ch === COLON) {
      const next = s.charCodeAt(j + 1);
      if (Number.isNaN(next) || next === SPACE) giveUp(); // `a: b: c`
    }
  }
  while (end > pos && s.charCodeAt(end - 1) === SPACE) end--;
  return resolvePlainScalar(s.slice(pos, end));
}

/** A single- or double-quoted scalar that closes on the same line. */
function readQuoted(s: string, pos: number): Token {
  const quote = s[pos]!;
  let out = '';
  let from = pos + 1;
  for (let j = from; j < s.length; j++) {
    const ch = s[j]!;
    if (quote === "'" && ch === "'") {
      if (s[j + 1] === "'") {
        out += s.slice(from, j + 1);
        from = ++j + 1;
        continue;
      }
      return { value: out + s.slice(from, j), end: j + 1 };
    }
    if (quote === '"') {
      if (ch === '"') return { value: out + s.slice(from, j), end: j + 1 };
      if (ch === '\\') {
        const decoded = ESCAPES.get(s[j + 1] ?? '');
        if (decoded === undefined) giveUp();
        out += s.slice(from, j) + decoded;
        from = ++j + 1;
      }
    }
  }
  return giveUp(); // continues on the next line
}
