/**
 * YAML stream → plain values, read the way Kubernetes reads manifests (sigs.k8s.io/yaml over
 * go-yaml v2, see yaml-schema.ts), with everything go-yaml would not produce refused up front:
 *  - syntax errors (400, with line and column), duplicate keys (400: Kubernetes' strict decoding
 *    rejects them; its lenient decoding keeps the last one, which hides mistakes);
 *  - tags go-yaml does not know (`!foo`, `!!js/function`, `!!binary`, `!!set`): 400 naming the
 *    line (go-yaml v2 itself ignores unknown tags on scalars; refusing is deliberate);
 *  - mapping keys that are collections or null: 400 (sigs.k8s.io/yaml fails on them too);
 *  - aliases past the `yaml` package's maxAliasCount budget (billion laughs): 400.
 * Merge keys (`<<`) are supported as go-yaml v2 does it: merges are applied in document order,
 * so a key written *before* `<<` is overridden by the merged map (the YAML merge spec and the
 * `yaml` package keep the explicit key); such earlier pairs are dropped before conversion.
 */
import {
  LineCounter,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import { ingestError, type IngestProblem } from './errors';
import type { ReadLimits } from './limits';
import { GO_YAML_V2_SCALAR_TAGS, KNOWN_TAGS } from './yaml-schema';
import { MapKey, type PathSegment } from './validate';
import { refuseDeepText } from './nesting';
import { readYamlFast, type FastYamlDocument } from './yaml-fast-path';

export interface YamlDocument {
  /** 0-based position in the stream; empty and comment-only documents count. */
  index: number;
  /** null for an empty document. */
  value: unknown;
  /** 1-based line of the document's first node (its first key for a mapping). */
  line?: number;
  doc: Document.Parsed;
}

export interface YamlStream {
  documents: YamlDocument[];
  lineCounter: LineCounter;
}

const PARSE_OPTIONS = {
  version: '1.1',
  schema: 'failsafe',
  customTags: GO_YAML_V2_SCALAR_TAGS,
  merge: true,
  uniqueKeys: true,
  prettyErrors: false,
  logLevel: 'silent',
  keepSourceTokens: false,
} as const;

const MERGE_SOURCE_ERROR = 'map merge requires map or sequence of maps as the value';

/**
 * Parses a stream: through the fast path when the text is in its subset (yaml-fast-path.ts), else
 * with the `yaml` package. On the fast path the AST and line counter (only needed to place
 * errors and List items) are built from the same text on first use.
 * Text nesting deeper than `limits.maxDepth` is refused (400) before the `yaml` package, which is
 * recursive, sees it. The fast path reads any depth safely and knows the depth the pre-scan
 * would find, so the text is scanned only when the fast path gives up or went too deep.
 */
export function parseYaml(text: string, limits: ReadLimits): YamlStream {
  const fast = readYamlFast(text);
  if (fast === undefined || fast.depth > limits.maxDepth) refuseDeepText(text, limits.maxDepth, 'yaml');
  return fast === undefined ? parseYamlWithAst(text, limits) : lazyAstStream(text, limits, fast.documents);
}

function lazyAstStream(text: string, limits: ReadLimits, fast: FastYamlDocument[]): YamlStream {
  return new LazyAstStream(text, limits, fast);
}

/** A fast-path stream: the `yaml` package's AST and line counter are built on first use. */
class LazyAstStream implements YamlStream {
  readonly documents: YamlDocument[];
  private full: YamlStream | undefined;

  constructor(
    private readonly text: string,
    private readonly limits: ReadLimits,
    fast: FastYamlDocument[],
  ) {
    // Class instances, not object literals with a getter: those cost a closure and accessor pair each.
    this.documents = fast.map(({ index, value, line }) => new LazyAstDocument(index, value, line, this));
  }

  ast(): YamlStream {
    return (this.full ??= parseYamlWithAst(this.text, this.limits));
  }

  get lineCounter(): LineCounter {
    return this.ast().lineCounter;
  }
}

class LazyAstDocument implements YamlDocument {
  constructor(
    readonly index: number,
    readonly value: unknown,
    readonly line: number,
    private readonly stream: LazyAstStream,
  ) {}

  get doc(): Document.Parsed {
    return this.stream.ast().documents[this.index]!.doc;
  }
}

/** The `yaml` package path: every document's AST, and every error and refusal. */
export function parseYamlWithAst(text: string, limits: ReadLimits): YamlStream {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter }) as unknown as Document.Parsed[];
  const documents: YamlDocument[] = [];
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };

  for (let index = 0; index < docs.length; index++) {
    const doc = docs[index]!;
    const errors = doc.errors;
    if (errors.length > 0) {
      const deep = errors.some((e) => e.code === 'RESOURCE_EXHAUSTION');
      const problems: IngestProblem[] = errors.slice(0, 20).map((e) => ({
        path: '',
        message: firstLine(e.message),
        document: index,
        ...at(e.pos[0]),
      }));
      if (deep) throw ingestError('tooDeep', `document ${index} nests too deeply to parse`, problems);
      throw ingestError('invalidYaml', `document ${index} is not valid YAML: ${problems[0]!.message}`, problems);
    }
    const tagProblems = doc.warnings
      .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
      .map((w) => ({ path: '', message: tagMessage(firstLine(w.message)), document: index, ...at(w.pos[0]) }));
    const problems = tagProblems.length > 0 ? tagProblems : inspect(doc, index, at);
    if (problems.length > 0) {
      throw ingestError('unsupportedYaml', `document ${index}: ${problems[0]!.message}`, problems);
    }

    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof RangeError) {
        throw ingestError('tooDeep', `document ${index} nests too deeply (through aliases)`, [
          { path: '', message, document: index },
        ]);
      }
      const aliases = /alias/i.test(message);
      throw ingestError(
        'unsupportedYaml',
        aliases
          ? `document ${index} expands aliases beyond the limit (maxAliasCount ${limits.maxAliasCount})`
          : `document ${index}: ${message}`,
        [{ path: '', message: aliases ? message : message.replace('Merge sources must be maps or map aliases', MERGE_SOURCE_ERROR), document: index }],
      );
    }
    const contents = doc.contents as Node | null;
    const line = contents?.range ? lineCounter.linePos(contents.range[0]).line : undefined;
    documents.push(line === undefined ? { index, value: value ?? null, doc } : { index, value: value ?? null, line, doc });
  }
  return { documents, lineCounter };
}

/** `Unresolved tag: tag:yaml.org,2002:js/function` → `unsupported tag !!js/function`. */
function tagMessage(message: string): string {
  const m = /^Unresolved tag: (.*)$/.exec(message);
  return m === null ? message : `unsupported tag ${shortTag(m[1]!)}`;
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? '!!' + tag.slice(18) : tag;
}

function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return (nl === -1 ? s : s.slice(0, nl)).replace(/:$/, '');
}

/** Unknown tags, non-scalar or null keys, and go-yaml v2 merge order, in one AST pass. */
function inspect(
  doc: Document.Parsed,
  index: number,
  at: (offset: number) => { line: number; column: number },
): IngestProblem[] {
  const problems: IngestProblem[] = [];
  const where = (node: Node | null | undefined) =>
    node?.range ? at(node.range[0]) : {};
  visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (tag !== undefined && !isAlias(node) && !KNOWN_TAGS.has(tag)) {
        problems.push({ path: '', message: `unsupported tag ${shortTag(tag)}`, document: index, ...where(node) });
      }
    },
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      if (isCollection(key)) {
        problems.push({ path: '', message: 'a mapping key must be a scalar, not a collection', document: index, ...where(key) });
      } else if (key === null || (isScalar(key) && key.value === null)) {
        problems.push({ path: '', message: 'a mapping key must not be null', document: index, ...where(pair.value as Node) });
      }
    },
    Map(_key, map) {
      applyGoMergeOrder(doc, map as YAMLMap);
    },
  });
  return problems.slice(0, 20);
}

function isMergePair(pair: { key: unknown }): boolean {
  return isScalar(pair.key) && typeof pair.key.value === 'symbol';
}

/** go-yaml v2 applies `<<` where it stands: explicit pairs before it that it also sets are overridden. */
function applyGoMergeOrder(doc: Document.Parsed, map: YAMLMap): void {
  const items = map.items;
  let last = -1;
  for (let i = 0; i < items.length; i++) if (isMergePair(items[i]!)) last = i;
  if (last <= 0) return;
  const merged = new Set<string>();
  for (let i = 0; i <= last; i++) {
    const pair = items[i]!;
    if (!isMergePair(pair)) continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (let src of sources) {
      if (isAlias(src)) src = src.resolve(doc) as unknown as typeof src;
      if (isMap(src)) for (const p of src.items) if (isScalar(p.key)) merged.add(String(p.key.value));
    }
  }
  map.items = items.filter(
    (pair, i) => i >= last || isMergePair(pair) || !isScalar(pair.key) || !merged.has(String(pair.key.value)),
  );
}

/**
 * The line and column of the node at `segments` (from the document root), following aliases and
 * merge keys; undefined when the path does not exist in the source (never guessed).
 */
export function positionOf(
  stream: YamlStream,
  document: YamlDocument,
  segments: readonly PathSegment[],
): { line: number; column: number } | undefined {
  const doc = document.doc;
  let node: unknown = doc.contents;
  for (const seg of segments) {
    node = deref(doc, node);
    if (typeof seg === 'number') {
      if (!isSeq(node)) return undefined;
      node = node.items[seg];
    } else {
      const key = seg instanceof MapKey ? seg.key : seg;
      node = findInMap(doc, node, key, 0);
    }
    if (node === undefined) return undefined;
  }
  const n = deref(doc, node) as Node | null;
  const range = (node as Node | null)?.range ?? n?.range;
  if (!range) return undefined;
  const p = stream.lineCounter.linePos(range[0]);
  return { line: p.line, column: p.col };
}

function deref(doc: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function findInMap(doc: Document.Parsed, node: unknown, key: string, hops: number): unknown {
  if (!isMap(node) || hops > 8) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && typeof pair.key.value !== 'symbol' && String(pair.key.value) === key) {
      // A key without a value (`key:`) is reported at the key.
      return pair.value ?? pair.key;
    }
  }
  for (const pair of node.items) {
    if (!isMergePair(pair)) continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const src of sources) {
      const found = findInMap(doc, deref(doc, src), key, hops + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
