/**
 * The tiny Markdown subset the reference page renders in OpenAPI descriptions: paragraphs,
 * bullet lists, `code` spans and http(s) links. It parses text into plain data (blocks of inline
 * runs); the page turns those into DOM nodes with createElement/textContent, so no description can
 * ever become markup. Pure functions, no DOM: unit-tested in workerd and bundled into the page.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'heading'; level: number; inlines: Inline[] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/** The cells of a `| a | b |` row; `\|` is a literal bar. */
function tableCells(line: string): Inline[][] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => parseInline(cell.trim().replace(/\\\|/g, '|')));
}

const BLANK_LINE = /\n[ \t]*\n/;
const LIST_ITEM = /^[ \t]*[-*+][ \t]+/;
// `code`, [text](url), or a bare http(s) URL (trailing punctuation stays text).
const INLINE_TOKEN = /`([^`\n]+)`|\[([^\]\n]+)\]\(([^()\s]+)\)|(https?:\/\/[^\s<>()`"]*[^\s<>()`".,;:!?'])/gi;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/** The link target if `url` is an absolute http(s) URL, else undefined (javascript:, data:, relative...). */
export function safeHref(url: string): string | undefined {
  if (!HTTP_URL.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Splits one line (or joined lines) of text into text, code and link runs. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE_TOKEN)) {
    const at = m.index;
    if (at > last) pushText(out, text.slice(last, at));
    const [whole, code, label, target, bare] = m;
    if (code !== undefined) out.push({ kind: 'code', text: code });
    else if (label !== undefined && target !== undefined) {
      const href = safeHref(target);
      // A link to anything but http(s) keeps its label only: never a javascript: or data: href.
      if (href === undefined) pushText(out, label);
      else out.push({ kind: 'link', text: label, href });
    } else if (bare !== undefined) {
      const href = safeHref(bare);
      if (href === undefined) pushText(out, bare);
      else out.push({ kind: 'link', text: bare, href });
    }
    last = at + whole.length;
  }
  if (last < text.length) pushText(out, text.slice(last));
  return out;
}

function pushText(out: Inline[], text: string): void {
  const prev = out[out.length - 1];
  if (prev !== undefined && prev.kind === 'text') prev.text += text;
  else out.push({ kind: 'text', text });
}

/**
 * Blocks of a description. Blank lines separate blocks; single newlines inside a paragraph are
 * soft wraps (the API's descriptions are hard-wrapped source text), so they become spaces.
 */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(BLANK_LINE)) {
    let paragraph: string[] = [];
    let items: string[][] | undefined;
    const flushParagraph = (): void => {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
      paragraph = [];
    };
    const flushList = (): void => {
      if (items) blocks.push({ kind: 'list', items: items.map((lines) => parseInline(lines.join(' '))) });
      items = undefined;
    };
    const lines = chunk.split('\n');
    // A pipe table: a header row, a rule row, then rows, the whole chunk.
    if (lines.length >= 2 && lines[0]!.trim().startsWith('|') && TABLE_RULE.test(lines[1]!.trim())) {
      blocks.push({ kind: 'table', header: tableCells(lines[0]!), rows: lines.slice(2).filter((l) => l.trim() !== '').map(tableCells) });
      continue;
    }
    for (const raw of lines) {
      const line = raw.trim();
      if (line === '') continue;
      const heading = HEADING.exec(line);
      if (heading) {
        flushParagraph();
        flushList();
        blocks.push({ kind: 'heading', level: heading[1]!.length, inlines: parseInline(heading[2]!) });
        continue;
      }
      const marker = LIST_ITEM.exec(raw);
      if (marker) {
        flushParagraph();
        (items ??= []).push([raw.slice(marker[0].length).trim()]);
      } else if (items && /^[ \t]/.test(raw)) {
        // An indented line continues the current list item.
        items[items.length - 1]!.push(line);
      } else {
        flushList();
        paragraph.push(line);
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}
