/**
 * Reading an OpenAPI 3.1 document for the reference page: operations grouped by tag, `$ref`
 * resolution, schema labels, facts and children for the collapsible tree, and first examples.
 * The document is untrusted JSON, so every accessor checks shapes and never throws on odd input.
 * Pure functions, no DOM: unit-tested in workerd and bundled into the page.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Path-item keys that are operations, in the order the page lists them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationEntry {
  method: string;
  path: string;
  operation: JsonObject;
  /** Parameters of the path item and of the operation, references resolved, operation's winning. */
  parameters: JsonObject[];
  anchor: string;
}

export interface TagGroup {
  name: string;
  description?: string;
  operations: OperationEntry[];
}

const UNTAGGED = 'default';
const ANCHOR_UNSAFE = /[^A-Za-z0-9_-]+/g;

/** A stable fragment id: `op-<operationId>`, or `op-<method>-<path>` without one. */
export function operationAnchor(method: string, path: string, operationId: string | undefined): string {
  const base = operationId ?? `${method}-${path}`;
  return 'op-' + base.replace(ANCHOR_UNSAFE, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Operations grouped by their first tag: the document's declared tags first, in its order, then
 * tags only operations name, then untagged operations under `default`. Tags without operations
 * are left out (nothing to show).
 */
export function groupOperations(doc: JsonObject): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  const declared = Array.isArray(doc.tags) ? doc.tags : [];
  for (const t of declared) {
    const name = isObject(t) ? str(t.name) : undefined;
    if (name === undefined || groups.has(name)) continue;
    const description = isObject(t) ? str(t.description) : undefined;
    groups.set(name, description === undefined ? { name, operations: [] } : { name, description, operations: [] });
  }
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolve(doc, rawItem).value;
    if (!isObject(item)) continue;
    const shared = parameterList(doc, item.parameters);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const tags = Array.isArray(operation.tags) ? operation.tags : [];
      const tag = str(tags[0]) ?? UNTAGGED;
      let group = groups.get(tag);
      if (!group) groups.set(tag, (group = { name: tag, operations: [] }));
      group.operations.push({
        method,
        path,
        operation,
        parameters: mergeParameters(shared, parameterList(doc, operation.parameters)),
        anchor: operationAnchor(method, path, str(operation.operationId)),
      });
    }
  }
  return [...groups.values()].filter((g) => g.operations.length > 0);
}

function parameterList(doc: JsonObject, v: Json | undefined): JsonObject[] {
  if (!Array.isArray(v)) return [];
  const out: JsonObject[] = [];
  for (const p of v) {
    const r = resolve(doc, p).value;
    if (isObject(r) && str(r.name) !== undefined && str(r.in) !== undefined) out.push(r);
  }
  return out;
}

// An operation parameter overrides a path-item parameter with the same name and location.
function mergeParameters(shared: JsonObject[], own: JsonObject[]): JsonObject[] {
  const key = (p: JsonObject): string => `${str(p.in)}:${str(p.name)}`;
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...own];
}

export interface Resolved {
  value: Json | undefined;
  /** The component name of the last `$ref` followed (`#/components/schemas/Problem` → `Problem`). */
  refName?: string;
}

const MAX_REF_HOPS = 32;

/** Follows local `$ref`s (`#/...` JSON pointers); a dangling or remote reference yields undefined. */
export function resolve(doc: JsonObject, value: Json | undefined): Resolved {
  let current = value;
  let refName: string | undefined;
  for (let hops = 0; hops < MAX_REF_HOPS && isObject(current); hops++) {
    const ref = str(current.$ref);
    if (ref === undefined) break;
    refName = ref.slice(ref.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
    current = pointer(doc, ref);
  }
  return refName === undefined ? { value: current } : { value: current, refName };
}

function pointer(doc: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: Json | undefined = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
}

/** A one-line type for a schema: `string`, `integer`, `Problem`, `array<Finding>`, `"ok"`, `string | null`. */
export function schemaLabel(doc: JsonObject, schema: Json | undefined, depth = 0): string {
  if (schema === true || schema === undefined) return 'any';
  if (schema === false) return 'never';
  if (!isObject(schema)) return 'any';
  if (str(schema.$ref) !== undefined) return resolve(doc, schema).refName ?? 'any';
  if (depth > 3) return '…';
  if ('const' in schema) return JSON.stringify(schema.const);
  const variants = schemaVariants(schema);
  if (variants) return variants.schemas.map((s) => schemaLabel(doc, s, depth + 1)).join(variants.keyword === 'allOf' ? ' & ' : ' | ');
  const types = Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : str(schema.type) ? [schema.type as string] : [];
  if (types.length === 0) {
    if (isObject(schema.properties)) types.push('object');
    else if (Array.isArray(schema.enum)) return schema.enum.map((e) => JSON.stringify(e)).join(' | ');
    else return 'any';
  }
  return types
    .map((t) => {
      if (t === 'array') return `array<${schemaLabel(doc, schema.items, depth + 1)}>`;
      if (t === 'object' && !isObject(schema.properties) && isObject(schema.additionalProperties)) {
        return `map<string, ${schemaLabel(doc, schema.additionalProperties, depth + 1)}>`;
      }
      return t;
    })
    .join(' | ');
}

export function schemaVariants(schema: JsonObject): { keyword: 'oneOf' | 'anyOf' | 'allOf'; schemas: Json[] } | undefined {
  for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[keyword];
    if (Array.isArray(list) && list.length > 0) return { keyword, schemas: list };
  }
  return undefined;
}

// Keyword → how the tree shows it. One row per constraint the page displays.
const FACTS: ReadonlyArray<readonly [keyword: string, render: (v: Json) => string]> = [
  ['format', (v) => `format: ${String(v)}`],
  ['enum', (v) => (Array.isArray(v) ? `one of: ${enumList(v)}` : '')],
  ['default', (v) => `default: ${JSON.stringify(v)}`],
  ['minimum', (v) => `≥ ${String(v)}`],
  ['exclusiveMinimum', (v) => `> ${String(v)}`],
  ['maximum', (v) => `≤ ${String(v)}`],
  ['exclusiveMaximum', (v) => `< ${String(v)}`],
  ['minLength', (v) => `length ≥ ${String(v)}`],
  ['maxLength', (v) => `length ≤ ${String(v)}`],
  ['pattern', (v) => `pattern: ${String(v)}`],
  ['minItems', (v) => `items ≥ ${String(v)}`],
  ['maxItems', (v) => `items ≤ ${String(v)}`],
  ['uniqueItems', (v) => (v === true ? 'unique items' : '')],
  ['deprecated', (v) => (v === true ? 'deprecated' : '')],
  ['readOnly', (v) => (v === true ? 'read-only' : '')],
];

// Long enums (benchmark names...) are cut short in the tree; the Try it select lists them all.
const ENUM_SHOWN = 12;
function enumList(values: Json[]): string {
  const shown = values.slice(0, ENUM_SHOWN).map((e) => JSON.stringify(e)).join(', ');
  return values.length > ENUM_SHOWN ? `${shown}, … (${values.length} values)` : shown;
}

/** Constraints worth showing next to a schema's label, e.g. `["format: int32", "≥ 1"]`. */
export function schemaFacts(doc: JsonObject, schema: Json | undefined): string[] {
  const s = resolve(doc, schema).value;
  if (!isObject(s)) return [];
  const out: string[] = [];
  for (const [keyword, render] of FACTS) {
    const v = s[keyword];
    if (v === undefined) continue;
    const text = render(v);
    if (text !== '') out.push(text);
  }
  return out;
}

export interface SchemaChild {
  /** Property name, `[]` for array items, `{key}` for map values, `oneOf[0]`... for variants. */
  name: string;
  schema: Json;
  required: boolean;
}

/** The nodes under a schema in the tree (one level; the page expands lazily, so cycles are fine). */
export function schemaChildren(doc: JsonObject, schema: Json | undefined): SchemaChild[] {
  const s = resolve(doc, schema).value;
  if (!isObject(s)) return [];
  const out: SchemaChild[] = [];
  const variants = schemaVariants(s);
  if (variants) variants.schemas.forEach((v, i) => out.push({ name: `${variants.keyword}[${i}]`, schema: v, required: false }));
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
  if (isObject(s.properties)) for (const [name, p] of Object.entries(s.properties)) out.push({ name, schema: p, required: required.has(name) });
  if (s.items !== undefined && hasStructure(doc, s.items)) out.push({ name: '[]', schema: s.items, required: false });
  if (s.additionalProperties !== undefined && hasStructure(doc, s.additionalProperties)) out.push({ name: '{key}', schema: s.additionalProperties, required: false });
  return out;
}

/** Whether a schema has anything to expand (properties, items, variants...). */
export function hasStructure(doc: JsonObject, schema: Json | undefined, depth = 0): boolean {
  const s = resolve(doc, schema).value;
  // The depth bound stops self-referencing array/map schemas (`A = array<A>`).
  if (!isObject(s) || depth > 8) return false;
  return (
    schemaVariants(s) !== undefined ||
    (isObject(s.properties) && Object.keys(s.properties).length > 0) ||
    hasStructure(doc, s.items, depth + 1) ||
    hasStructure(doc, s.additionalProperties, depth + 1)
  );
}

export interface NamedExample {
  name: string;
  summary?: string;
  value: Json;
}

/**
 * Examples of a media type object, in the order a user should see them: `example`, then each
 * entry of `examples` (Example objects, `$ref`s resolved, `externalValue` skipped), then the
 * schema's own `example`/`examples`.
 */
export function mediaExamples(doc: JsonObject, media: Json | undefined): NamedExample[] {
  const m = resolve(doc, media).value;
  if (!isObject(m)) return [];
  const out: NamedExample[] = [];
  if ('example' in m) out.push({ name: 'example', value: m.example as Json });
  if (isObject(m.examples)) {
    for (const [name, raw] of Object.entries(m.examples)) {
      const ex = resolve(doc, raw).value;
      if (!isObject(ex) || !('value' in ex)) continue;
      const summary = str(ex.summary);
      out.push(summary === undefined ? { name, value: ex.value as Json } : { name, summary, value: ex.value as Json });
    }
  }
  if (out.length === 0) {
    const s = resolve(doc, m.schema).value;
    if (isObject(s)) {
      if ('example' in s) out.push({ name: 'schema example', value: s.example as Json });
      else if (Array.isArray(s.examples) && s.examples.length > 0) out.push({ name: 'schema example', value: s.examples[0] as Json });
    }
  }
  return out;
}

/** Default value for a parameter's form control: its schema default, else empty (unset). */
export function parameterDefault(doc: JsonObject, parameter: JsonObject): string {
  const s = resolve(doc, parameter.schema).value;
  if (!isObject(s) || s.default === undefined) return '';
  return typeof s.default === 'string' ? s.default : JSON.stringify(s.default);
}

/** Enumerated values of a parameter (its schema's enum, or `true`/`false` for a boolean). */
export function parameterChoices(doc: JsonObject, parameter: JsonObject): string[] | undefined {
  const s = resolve(doc, parameter.schema).value;
  if (!isObject(s)) return undefined;
  if (Array.isArray(s.enum)) return s.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
  const variants = schemaVariants(s);
  if (variants && variants.keyword !== 'allOf') {
    // zod unions of literals/enums: collect every variant's values.
    const values: string[] = [];
    for (const v of variants.schemas) {
      const r = resolve(doc, v).value;
      if (!isObject(r)) return undefined;
      if (Array.isArray(r.enum)) values.push(...r.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))));
      else if ('const' in r) values.push(typeof r.const === 'string' ? r.const : JSON.stringify(r.const));
      else return undefined;
    }
    return values;
  }
  if (s.type === 'boolean') return ['true', 'false'];
  return undefined;
}
