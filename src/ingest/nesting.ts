/**
 * A linear pre-scan that bounds the nesting depth of a JSON or YAML text before any parser runs.
 *
 * The `yaml` package composes documents recursively and overflows the stack on very deep input
 * (10^5 nested `[`), so the reader must refuse such text without parsing it. The scan is
 * deliberately conservative: it may over-count (a `[` at the start of a plain-scalar continuation
 * line, brackets in a multi-line quoted string), but it must never report less nesting than the
 * parser builds. Rules that matter for that guarantee:
 *  - quoted scalars are skipped only when they start where the `yaml` lexer also starts one
 *    (block: at a value start; flow: after `[ { ,`, after `: ` or after a JSON-like quoted key)
 *    and close on the same line; an unclosed quote is scanned as structure;
 *  - block scalars (`|`, `>`) are skipped only while their lines stay indented at least as far as
 *    the first content line and further than the key or `-` that introduced them, which is when
 *    the lexer also keeps them; an explicit indentation indicator is not trusted (not skipped);
 *  - a flow collection that started inside a block collection is closed by a line at column 0,
 *    as the `yaml` lexer does ("flow collection ends on unindent"); document markers close all.
 * Block depth is a stack of (column, isSequence) entries, so a sequence written at the same column
 * as its parent key still counts as one level deeper.
 */

import { ingestError } from './errors';
import { parseJson } from './parse-json';

export type NestingCheck = { ok: true } | { ok: false; line: number; depth: number };

const BLOCK_SCALAR_HEADER = /^[|>][-+]?\s*(?:#.*)?$/;
const BLOCK_SCALAR_WITH_INDENT = /^[|>](?:[1-9][-+]?|[-+][1-9])\s*(?:#.*)?$/;

/**
 * Returns the first line (1-based) where collections nest deeper than `maxDepth` (the document
 * root collection is depth 1). `format` 'json' uses JSON's exact string rules; the default, YAML,
 * also covers JSON text.
 */
export function checkNestingDepth(
  text: string,
  maxDepth: number,
  format: 'json' | 'yaml' = 'yaml',
): NestingCheck {
  return format === 'json' ? scanJson(text, maxDepth) : scanYaml(text, maxDepth);
}

/** 400 when the text nests collections deeper than `maxDepth`, naming the first too-deep line. */
export function refuseDeepText(text: string, maxDepth: number, format: 'json' | 'yaml'): void {
  const depth = checkNestingDepth(text, maxDepth, format);
  if (!depth.ok) refuseDeep(depth.line, maxDepth);
}

/** The reader's 400 for a body nesting deeper than `maxDepth` first at `line`. */
export function refuseDeep(line: number, maxDepth: number): never {
  throw ingestError('tooDeep', `nesting deeper than ${maxDepth} levels at line ${line}`, [
    { path: '', message: `nesting deeper than ${maxDepth} levels`, line },
  ]);
}

/** Deepest nesting the value walk checks by recursion; past it the text scan decides, as before. */
const MAX_WALKED_DEPTH = 1000;

export type BoundedJson = { ok: true; value: unknown } | { ok: false; line: number; depth: number };

/**
 * JSON.parse within a nesting limit: the parsed value, or the first too-deep line; throws the
 * located syntax error (IngestError) for invalid JSON. The same answer as scanning the text before
 * parsing, in the cheaper order: JSON.parse is iterative in V8 (Node and workerd parse 10^6 nested
 * arrays), so it runs first and the depth is checked on the value; the text is scanned only to
 * name the line of a refusal, or when the JSON is invalid (too deep wins over a syntax error).
 */
export function parseJsonWithinDepth(text: string, maxDepth: number): BoundedJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const depth = scanJson(text, maxDepth);
    if (!depth.ok) return depth;
    return { ok: true, value: parseJson(text) }; // parseJson throws the located syntax error
  }
  // For valid JSON the scan's bracket depth is the value's depth, so it refuses exactly when this walk does.
  if (maxDepth > MAX_WALKED_DEPTH || nestsDeeper(value, maxDepth)) {
    const depth = scanJson(text, maxDepth);
    if (!depth.ok) return depth;
  }
  return { ok: true, value };
}

/**
 * Whether a parsed value nests collections deeper than `maxDepth` (the root collection is depth 1).
 * Recursion goes at most `maxDepth` levels down.
 */
export function nestsDeeper(value: unknown, maxDepth: number): boolean {
  return typeof value === 'object' && value !== null && containerNestsDeeper(value, maxDepth);
}

/** `node` is a collection with `budget` levels left for itself and everything below it. */
function containerNestsDeeper(node: object, budget: number): boolean {
  if (budget <= 0) return true;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (typeof child === 'object' && child !== null && containerNestsDeeper(child, budget - 1)) return true;
    }
    return false;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const child = record[key];
    if (typeof child === 'object' && child !== null && containerNestsDeeper(child, budget - 1)) return true;
  }
  return false;
}

function scanJson(text: string, maxDepth: number): NestingCheck {
  let depth = 0;
  let line = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // JSON strings cannot hold raw newlines; a malformed one fails JSON.parse, which is iterative.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
        else if (d === 0x0a) line++;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > maxDepth) return { ok: false, line, depth };
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    } else if (c === 0x0a) {
      line++;
    }
  }
  return { ok: true };
}

interface BlockLevel {
  col: number;
  seq: boolean;
}

const enum Tok {
  LineStart = -1,
  Plain = -2,
  Quoted = -3,
}

function scanYaml(text: string, maxDepth: number): NestingCheck {
  const stack: BlockLevel[] = [];
  let flowDepth = 0;
  let flowAtRoot = false;
  /** Last significant token in flow context, kept across lines (Tok or a char code). */
  let flowPrev: number = Tok.LineStart;
  /** The previous block line ended inside a plain scalar whose parent node sits at this column. */
  let plainParent = -2;
  // Block-scalar skipping: parent column (-2 = not skipping) and content indentation (-1 = unknown).
  let scalarParent = -2;
  let scalarIndent = -1;
  const n = text.length;
  let lineNo = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    lineNo++;
    let lineEnd = end;
    if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    const lineStart = start;
    start = end + 1;

    let indent = 0;
    while (lineStart + indent < lineEnd && text.charCodeAt(lineStart + indent) === 0x20) indent++;
    let pos = lineStart + indent;
    if (pos >= lineEnd) continue; // blank (also inside block scalars)
    const isMarker =
      indent === 0 &&
      lineEnd - lineStart >= 3 &&
      (text.startsWith('---', lineStart) || text.startsWith('...', lineStart)) &&
      (lineEnd - lineStart === 3 || isSpace(text.charCodeAt(lineStart + 3)));

    if (scalarParent !== -2) {
      if (!isMarker) {
        if (scalarIndent === -1 && indent > scalarParent) scalarIndent = indent;
        if (scalarIndent !== -1 && indent >= scalarIndent) continue;
      }
      scalarParent = -2;
      scalarIndent = -1;
    }

    let continuation = false;
    if (isMarker) {
      stack.length = 0;
      flowDepth = 0;
      flowPrev = Tok.LineStart;
      plainParent = -2;
      pos = lineStart + 3;
    } else if (text.charCodeAt(pos) === 0x23 /* # */) {
      continue;
    } else if (flowDepth > 0) {
      const c = text.charCodeAt(pos);
      if (indent === 0 && !flowAtRoot && !(flowDepth === 1 && (c === 0x5d || c === 0x7d))) {
        flowDepth = 0; // the lexer ends a flow collection on unindent
      }
    }

    if (flowDepth === 0 && !isMarker) {
      continuation = plainParent !== -2 && indent > plainParent;
      // Fit this line into the indentation stack.
      const seqItem = !continuation && isIndicator(text, pos, lineEnd, 0x2d);
      while (stack.length > 0 && stack[stack.length - 1]!.col > indent) stack.pop();
      let top = stack[stack.length - 1];
      if (!seqItem && !continuation) {
        while (top !== undefined && top.col === indent && top.seq) {
          stack.pop();
          top = stack[stack.length - 1];
        }
      }
      if (top === undefined || top.col < indent || (seqItem && !top.seq)) {
        stack.push({ col: indent, seq: seqItem });
      }
    }
    plainParent = -2;
    if (stack.length + flowDepth > maxDepth) return fail(lineNo, stack.length + flowDepth);

    // Scan the line. In block context `valueStart` says a node may start here; `keyCol` is the
    // column where the current plain/quoted node started (it becomes a key if `: ` follows);
    // `nodeCol` is the column of the last key or `-`, the parent of a block scalar.
    const firstPos = pos;
    let valueStart = flowDepth === 0 && !continuation;
    let keyCol = continuation ? indent : -1;
    let nodeCol = isMarker ? -1 : indent;
    let inPlain = continuation;
    while (pos < lineEnd) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09) {
        pos++;
        continue;
      }
      if (c === 0x23 /* # */) {
        const p = text.charCodeAt(pos - 1);
        if (pos === firstPos || p === 0x20 || p === 0x09) break;
      }
      const col = pos - lineStart;

      if (flowDepth > 0) {
        if (c === 0x5b || c === 0x7b) {
          if (stack.length + ++flowDepth > maxDepth) return fail(lineNo, stack.length + flowDepth);
          flowPrev = c;
        } else if (c === 0x5d || c === 0x7d) {
          flowDepth--;
          flowPrev = c;
          if (flowDepth === 0) {
            // back in block context after e.g. `[a, b]`: what follows can only be `: ` or a comment
            keyCol = col;
            inPlain = false;
          }
        } else if (
          (c === 0x22 || c === 0x27) &&
          (flowPrev === Tok.LineStart ||
            flowPrev === 0x5b ||
            flowPrev === 0x7b ||
            flowPrev === 0x2c ||
            (flowPrev === 0x3a && (isSpace(text.charCodeAt(pos - 1)) || prevWasQuotedKey(text, pos))))
        ) {
          const close = findQuoteEnd(text, pos, lineEnd);
          if (close !== -1) {
            pos = close + 1;
            flowPrev = Tok.Quoted;
            continue;
          }
          flowPrev = Tok.Plain; // unclosed on this line: scanned as structure
        } else if (c === 0x2c || c === 0x3a || c === 0x3f) {
          flowPrev = c;
        } else {
          flowPrev = Tok.Plain;
        }
        pos++;
        continue;
      }

      // Block context.
      if (valueStart) {
        if ((c === 0x2d || c === 0x3f) && isIndicator(text, pos, lineEnd, c)) {
          // The line's first `-` is already on the stack; later ones are compact nested entries.
          if (pos !== firstPos || isMarker) {
            stack.push({ col, seq: true });
            if (stack.length > maxDepth) return fail(lineNo, stack.length);
          }
          nodeCol = col;
          pos++;
          continue;
        }
        if (c === 0x5b || c === 0x7b) {
          flowDepth = 1;
          flowPrev = c;
          flowAtRoot = isMarker || (pos === firstPos && indent === 0);
          valueStart = false;
          if (stack.length + flowDepth > maxDepth) return fail(lineNo, stack.length + flowDepth);
          pos++;
          continue;
        }
        if (c === 0x7c || c === 0x3e) {
          const rest = text.slice(pos, lineEnd);
          if (BLOCK_SCALAR_HEADER.test(rest)) {
            scalarParent = nodeCol;
            break;
          }
          if (BLOCK_SCALAR_WITH_INDENT.test(rest)) break; // content is scanned as structure
        }
        if (c === 0x26 || c === 0x21) {
          // anchor or tag: skip the token, a node still starts after it
          while (pos < lineEnd && !isSpace(text.charCodeAt(pos))) pos++;
          continue;
        }
        valueStart = false;
        keyCol = col;
        if (c === 0x22 || c === 0x27) {
          const close = findQuoteEnd(text, pos, lineEnd);
          if (close !== -1) {
            pos = close + 1;
            inPlain = false;
            continue;
          }
          // Unclosed: a multi-line quoted scalar. Its later lines are scanned as structure.
          break;
        }
        inPlain = true;
        pos++;
        continue;
      }
      // Inside a plain scalar or after a quoted one: `: ` makes what came before a key.
      if (c === 0x3a && (pos + 1 >= lineEnd || isSpace(text.charCodeAt(pos + 1)))) {
        const top = stack[stack.length - 1];
        if (top === undefined || keyCol > top.col || (keyCol === top.col && top.seq)) {
          stack.push({ col: keyCol, seq: false });
          if (stack.length > maxDepth) return fail(lineNo, stack.length);
        }
        nodeCol = keyCol;
        valueStart = true;
        inPlain = false;
      }
      pos++;
    }
    if (flowDepth === 0 && inPlain && !valueStart) plainParent = nodeCol;
    if (flowDepth > 0 && flowPrev === Tok.LineStart) flowPrev = Tok.Plain;
  }
  return { ok: true };
}

/** `"a":"b"`: a quote right after `:` that follows a quoted key (JSON-like key, YAML 1.2). */
function prevWasQuotedKey(text: string, pos: number): boolean {
  const q = text.charCodeAt(pos - 2);
  return q === 0x22 || q === 0x27;
}

function fail(line: number, depth: number): { ok: false; line: number; depth: number } {
  return { ok: false, line, depth };
}

function findQuoteEnd(text: string, pos: number, end: number): number {
  const q = text.charCodeAt(pos);
  for (let i = pos + 1; i < end; i++) {
    const d = text.charCodeAt(i);
    if (q === 0x22) {
      if (d === 0x5c) i++;
      else if (d === 0x22) return i;
    } else if (d === 0x27) {
      if (i + 1 < end && text.charCodeAt(i + 1) === 0x27) i++;
      else return i;
    }
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || Number.isNaN(c);
}

/** `-` or `?` followed by a space or the end of the line. */
function isIndicator(text: string, pos: number, end: number, ch: number): boolean {
  return text.charCodeAt(pos) === ch && (pos + 1 >= end || isSpace(text.charCodeAt(pos + 1)));
}
