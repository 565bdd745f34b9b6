/**
 * readManifests: a request body → the pod-bearing objects, PodSecurityPolicies and skipped objects
 * it holds. readObject: the same classification and type checks for one already-parsed value.
 */
import type { PodSecurityPolicy, PodTemplate } from '../k8s/types';
import { IngestError, ingestError, type IngestProblem } from './errors';
import {
  POD_BEARING_KINDS,
  POLICY_API_VERSIONS,
  POLICY_KIND,
  SKIP_REASONS,
  groupOf,
  isListKind,
} from './kinds';
import { resolveLimits, type ReadLimits } from './limits';
import type { MediaKind } from './media-type';
import { parseJsonWithinDepth, refuseDeep } from './nesting';
import { parseYaml, positionOf, type YamlStream } from './parse-yaml';
import { TOO_DEEP, Validator, renderPath, type PathSegment } from './validate';

export interface ObjectRef {
  apiVersion: string | null;
  kind: string | null;
  namespace: string | null;
  name: string | null;
  /** YAML: 0-based document index; JSON array body: 0-based element index. */
  document?: number;
  /** YAML: 1-based line of the document's (or List item's) first key. */
  line?: number;
  /** 0-based index in the `items` of the List it was expanded from. */
  item?: number;
}

export interface PodBearingObject {
  ref: ObjectRef;
  kind: string;
  isPod: boolean;
  /** {metadata, spec} of the pod or pod template (references into `object`). */
  template: PodTemplate;
  /** '' for Pod, 'template' for PodTemplate, 'spec.template', 'spec.jobTemplate.spec.template'. */
  templatePath: string;
  /** The whole normalised object. */
  object: Record<string, unknown>;
}

export interface PolicyObject {
  ref: ObjectRef;
  policy: PodSecurityPolicy;
}

export interface SkippedObject {
  ref: ObjectRef;
  reason: string;
}

export type ObjectCategory = 'pod' | 'policy' | 'skipped';

export interface Manifests {
  format: MediaKind;
  objects: Array<{ ref: ObjectRef; category: ObjectCategory }>;
  pods: PodBearingObject[];
  policies: PolicyObject[];
  skipped: SkippedObject[];
}

export type ReadObjectResult =
  | { category: 'pod'; pod: PodBearingObject }
  | { category: 'policy'; policy: PolicyObject }
  | { category: 'skipped'; skipped: SkippedObject };

export interface ReadObjectOptions {
  limits?: Partial<ReadLimits>;
  /** Kind assumed when the value has neither `kind` nor `apiVersion` (e.g. `{pod: {...}}` bodies). */
  defaultKind?: 'Pod' | 'PodSecurityPolicy';
  /** Anything else is a 422 at `path`. */
  expect?: 'pod' | 'policy';
}

const DEFAULT_API_VERSION = { Pod: 'v1', PodSecurityPolicy: 'policy/v1beta1' } as const;

/** Where one object came from, for refs and for finding YAML lines of its errors. */
interface Origin {
  document?: number;
  line?: number;
  item?: number;
  /** Path of the object inside its YAML document (['items', 3] for a List item). */
  astPrefix: PathSegment[];
}

/** One request's state: limits, collected problems and the YAML source for line lookup. */
class Reader {
  readonly validator: Validator;
  readonly result: Manifests;
  private objectCount = 0;
  problems: IngestProblem[] = [];
  status: 400 | 413 | 422 = 422;

  constructor(
    readonly limits: ReadLimits,
    format: MediaKind,
    private readonly yaml?: YamlStream,
  ) {
    this.validator = new Validator(limits);
    this.result = { format, objects: [], pods: [], policies: [], skipped: [] };
  }

  /** Classifies a top-level value (document or JSON element); Lists are expanded one level. */
  addTop(value: unknown, origin: Origin, docNode?: YamlStream['documents'][number]): void {
    if (isObject(value) && typeof value.kind === 'string' && isListKind(value.kind) && Array.isArray(value.items)) {
      const items = value.items;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const itemOrigin: Origin = { ...origin, item: i, astPrefix: ['items', i] };
        if (docNode !== undefined && this.yaml !== undefined) {
          const pos = positionOf(this.yaml, docNode, ['items', i]);
          if (pos !== undefined) itemOrigin.line = pos.line;
        }
        if (isObject(item) && typeof item.kind === 'string' && isListKind(item.kind) && Array.isArray(item.items)) {
          this.skip(refOf(item, itemOrigin), SKIP_REASONS.nestedList);
        } else if (item === null || item === undefined) {
          this.skip(emptyRef(itemOrigin), SKIP_REASONS.nullItem);
        } else {
          this.add(item, itemOrigin, docNode);
        }
      }
      return;
    }
    this.add(value, origin, docNode);
  }

  private add(value: unknown, origin: Origin, docNode?: YamlStream['documents'][number]): void {
    if (!isObject(value)) {
      this.skip(emptyRef(origin), SKIP_REASONS.notMapping);
      return;
    }
    const before = this.validator.problems.length;
    const r = this.classify(value, origin, undefined);
    this.collect(before, origin, docNode);
    if (r === undefined) return;
    switch (r.category) {
      case 'pod':
        this.result.pods.push(r.pod);
        this.record(r.pod.ref, 'pod');
        break;
      case 'policy':
        this.result.policies.push(r.policy);
        this.record(r.policy.ref, 'policy');
        break;
      case 'skipped':
        this.result.skipped.push(r.skipped);
        this.record(r.skipped.ref, 'skipped');
        break;
    }
  }

  private skip(ref: ObjectRef, reason: string): void {
    this.result.skipped.push({ ref, reason });
    this.record(ref, 'skipped');
  }

  private record(ref: ObjectRef, category: ObjectCategory): void {
    if (++this.objectCount > this.limits.maxObjects) {
      throw ingestError('tooLarge', `the body holds more than ${this.limits.maxObjects} objects`, [
        { path: '', message: `more than ${this.limits.maxObjects} objects` },
      ]);
    }
    this.result.objects.push({ ref, category });
  }

  /** Turns the validator's new problems into IngestProblems with document, item path and line. */
  collect(from: number, origin: Origin, docNode?: YamlStream['documents'][number], prefix = ''): void {
    const found = this.validator.problems;
    for (let i = from; i < found.length; i++) {
      const p = found[i]!;
      const problem: IngestProblem = { path: renderPath(p.segments, prefix), message: p.message };
      if (origin.item !== undefined) problem.path = `items[${origin.item}]` + (problem.path === '' ? '' : '.' + problem.path);
      if (origin.document !== undefined) problem.document = origin.document;
      if (docNode !== undefined && this.yaml !== undefined) {
        const segs = [...origin.astPrefix, ...(p.missing ? p.segments.slice(0, -1) : p.segments)];
        const pos = positionOf(this.yaml, docNode, segs);
        if (pos !== undefined) {
          problem.line = pos.line;
          problem.column = pos.column;
        }
      }
      if (p.status === 413) this.status = 413;
      else if (p.status === 400 && this.status !== 413) this.status = 400;
      this.problems.push(problem);
    }
    found.length = from;
  }

  /** Classifies and type-checks one object; problems are left in the validator. */
  classify(value: Record<string, unknown>, origin: Origin, options: ReadObjectOptions | undefined): ReadObjectResult | undefined {
    const v = this.validator;
    let apiVersion = value.apiVersion;
    let kind = value.kind;
    if (apiVersion !== undefined && apiVersion !== null && typeof apiVersion !== 'string') {
      v.reportAt(['apiVersion'], `expected string, got ${typeName(apiVersion)}`);
      return undefined;
    }
    if (kind !== undefined && kind !== null && typeof kind !== 'string') {
      v.reportAt(['kind'], `expected string, got ${typeName(kind)}`);
      return undefined;
    }
    if ((kind ?? undefined) === undefined && (apiVersion ?? undefined) === undefined && options?.defaultKind) {
      kind = options.defaultKind;
      apiVersion = DEFAULT_API_VERSION[options.defaultKind];
    }
    const ref = refOf(value, origin);
    if (typeof kind !== 'string' || kind === '') return skipped(ref, SKIP_REASONS.noKind);
    if (typeof apiVersion !== 'string' || apiVersion === '') return skipped(ref, SKIP_REASONS.noApiVersion);

    if (kind === POLICY_KIND) {
      if (!POLICY_API_VERSIONS.has(apiVersion)) return skipped(ref, SKIP_REASONS.policyVersion(apiVersion));
      if (!this.check(() => v.checkStruct(value, 'PodSecurityPolicy', []))) return undefined;
      refreshRef(ref, value);
      return { category: 'policy', policy: { ref, policy: value as unknown as PodSecurityPolicy } };
    }

    const podKind = POD_BEARING_KINDS.get(kind);
    if (podKind === undefined) return skipped(ref, SKIP_REASONS.notPodBearing(kind));
    if (!podKind.groups.includes(groupOf(apiVersion))) return skipped(ref, SKIP_REASONS.foreignGroup(kind, apiVersion));

    // Walk down to the template; intermediate levels must be objects.
    const path = podKind.templatePath;
    let holder: Record<string, unknown> = value;
    for (let i = 0; i < path.length; i++) {
      const next = holder[path[i]!];
      if (next === undefined || next === null) {
        return skipped(ref, SKIP_REASONS.noTemplate(kind, path.slice(0, i + 1).join('.')));
      }
      if (!isObject(next)) {
        v.reportAt(path.slice(0, i + 1), `expected object, got ${typeName(next)}`);
        return undefined;
      }
      holder = next;
    }
    const ok = this.check(() => {
      if (holder !== value && isObject(value.metadata)) v.checkStruct(value.metadata, 'ObjectMeta', ['metadata']);
      v.checkStruct(holder, 'PodTemplateSpec', [...path]);
      // The rest of the workload (replicas, selector, ...) is untyped but still normalised.
      for (const key of Object.keys(value)) {
        if (key === 'metadata' && holder !== value) continue;
        if (holder === value && (key === 'metadata' || key === 'spec')) continue;
        if (path.length > 0 && key === path[0]) {
          this.normaliseAround(value[key], path, 1, holder);
          continue;
        }
        v.checkAny(value[key], [key]);
      }
    });
    if (!ok) return undefined;
    // A fresh {metadata, spec} pair (for a Pod the object itself also has apiVersion, kind, status).
    const template = { metadata: holder.metadata, spec: holder.spec } as PodTemplate;
    const spec = template.spec;
    const containers = countContainers(spec);
    if (containers > this.limits.maxContainers) {
      v.reportAt([...path, 'spec'], `the pod has ${containers} containers, more than the limit of ${this.limits.maxContainers}`, 413);
      return undefined;
    }
    refreshRef(ref, value);
    return {
      category: 'pod',
      pod: { ref, kind, isPod: path.length === 0, template, templatePath: path.join('.'), object: value },
    };
  }

  /** Normalises the untyped siblings along the template path (e.g. `spec.replicas`). */
  private normaliseAround(node: unknown, path: readonly string[], depth: number, holder: unknown): void {
    if (!isObject(node) || node === holder) return;
    for (const key of Object.keys(node)) {
      if (depth < path.length && key === path[depth]) {
        this.normaliseAround(node[key], path, depth + 1, holder);
      } else {
        const child = node[key];
        if (child === null) delete node[key];
        else this.validator.checkAny(child, [...path.slice(0, depth), key]);
      }
    }
  }

  /** Runs a walk; a depth overflow stops it (already reported). Returns false if problems appeared. */
  private check(walk: () => void): boolean {
    const before = this.validator.problems.length;
    try {
      walk();
    } catch (e) {
      if (e !== TOO_DEEP) throw e;
    }
    return this.validator.problems.length === before;
  }

  fail(): void {
    if (this.problems.length === 0) return;
    const first = this.problems[0]!;
    const where = first.path === '' ? '' : ` at ${first.path}`;
    const more = this.problems.length > 1 ? ` (and ${this.problems.length - 1} more)` : '';
    const kind = this.status === 413 ? 'tooLarge' : this.status === 400 ? 'tooDeep' : 'invalidObject';
    throw ingestError(kind, `${first.message}${where}${more}`, this.problems);
  }
}

function skipped(ref: ObjectRef, reason: string): ReadObjectResult {
  return { category: 'skipped', skipped: { ref, reason } };
}

function countContainers(spec: PodTemplate['spec']): number {
  return spec.containers.length + (spec.initContainers?.length ?? 0) + (spec.ephemeralContainers?.length ?? 0);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function emptyRef(origin: Origin): ObjectRef {
  return withOrigin({ apiVersion: null, kind: null, namespace: null, name: null }, origin);
}

function refOf(value: Record<string, unknown>, origin: Origin): ObjectRef {
  const meta = isObject(value.metadata) ? value.metadata : undefined;
  return withOrigin(
    {
      apiVersion: str(value.apiVersion),
      kind: str(value.kind),
      namespace: str(meta?.namespace),
      name: str(meta?.name),
    },
    origin,
  );
}

/** After normalisation (metadata may have been filled in), re-read name and namespace. */
function refreshRef(ref: ObjectRef, value: Record<string, unknown>): void {
  const meta = isObject(value.metadata) ? value.metadata : undefined;
  ref.namespace = str(meta?.namespace);
  ref.name = str(meta?.name);
}

function withOrigin(ref: ObjectRef, origin: Origin): ObjectRef {
  if (origin.document !== undefined) ref.document = origin.document;
  if (origin.line !== undefined) ref.line = origin.line;
  if (origin.item !== undefined) ref.item = origin.item;
  return ref;
}

/**
 * Reads a request body. Throws IngestError (and nothing else) for any input: 400 syntax, unsafe
 * YAML, nesting; 413 limits; 422 wrong field types (all of them, with paths and YAML lines).
 */
export function readManifests(text: string, format: MediaKind, limits?: Partial<ReadLimits>): Manifests {
  try {
    return read(text, format, resolveLimits(limits));
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw unexpected(e);
  }
}

function read(text: string, format: MediaKind, limits: ReadLimits): Manifests {
  // Kubernetes' readers strip a UTF-8 BOM; so do we, before anything counts lines.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (format === 'json') {
    const value = parseJsonBody(body, limits);
    const reader = new Reader(limits, format);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) reader.addTop(value[i], { document: i, astPrefix: [] });
    } else if (isObject(value)) {
      reader.addTop(value, { astPrefix: [] });
    } else {
      throw ingestError('notObjects', 'a JSON body must be an object, an array of objects or a List', [
        { path: '', message: `expected object or array, got ${typeName(value)}` },
      ]);
    }
    reader.fail();
    return reader.result;
  }
  const stream = parseYaml(body, limits);
  const reader = new Reader(limits, format, stream);
  for (const d of stream.documents) {
    // Empty and comment-only documents (and a bare `null`) are ignored, as kubectl does.
    if (d.value === null) continue;
    const origin: Origin = { document: d.index, astPrefix: [] };
    if (d.line !== undefined) origin.line = d.line;
    reader.addTop(d.value, origin, d); // its AST is built only if a position is needed
  }
  reader.fail();
  return reader.result;
}

/** JSON.parse within the nesting limit; a too-deep body is refused naming its first too-deep line. */
function parseJsonBody(body: string, limits: ReadLimits): unknown {
  const parsed = parseJsonWithinDepth(body, limits.maxDepth);
  if (!parsed.ok) refuseDeep(parsed.line, limits.maxDepth);
  return parsed.value;
}

/**
 * Classifies and type-checks one already-parsed value (e.g. `pod` or `policies[1]` of a JSON
 * body), in place. Error paths are prefixed with `path` (`pod.spec.containers[0].name`).
 * Throws IngestError 422 on wrong types, or when `expect` is given and the value is another category.
 */
export function readObject(value: unknown, path = '', options: ReadObjectOptions = {}): ReadObjectResult {
  try {
    const reader = new Reader(resolveLimits(options.limits), 'json');
    if (!isObject(value)) {
      throw ingestError('invalidObject', `expected object at ${path || 'the body'}, got ${typeName(value)}`, [
        { path, message: `expected object, got ${typeName(value)}` },
      ]);
    }
    const origin: Origin = { astPrefix: [] };
    const r = reader.classify(value, origin, options);
    reader.collect(0, origin, undefined, path);
    reader.fail();
    if (r === undefined) throw unexpected(new Error('classification failed without a problem'));
    if (options.expect !== undefined && r.category !== options.expect) {
      const want = options.expect === 'pod' ? 'a pod-bearing object (Pod, Deployment, ...)' : 'a PodSecurityPolicy';
      const why = r.category === 'skipped' ? r.skipped.reason : `got ${r.category === 'pod' ? r.pod.kind : POLICY_KIND}`;
      throw ingestError('invalidObject', `expected ${want} at ${path || 'the body'}: ${why}`, [
        { path, message: `expected ${want}: ${why}` },
      ]);
    }
    return r;
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw unexpected(e);
  }
}

/** A bug or an engine limit we did not foresee: still an IngestError, never a raw throw. */
function unexpected(e: unknown): IngestError {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (e instanceof RangeError) {
    return ingestError('tooDeep', 'the body nests too deeply to read', [{ path: '', message }]);
  }
  return ingestError('invalidYaml', 'the body could not be read', [{ path: '', message }]);
}
