/**
 * Caches across requests keyed by a PodSecurityPolicy's content. Callers send the same policy set
 * again and again, and everything the engines derive from one policy alone (its validation
 * errors, its compiled provider) is a pure function of that content, so it can be computed once
 * per content and reused, as long as no answer ever holds an object another answer also holds
 * (errors are copied out; a provider holds no answer data).
 *
 * An entry is found by name, then recognised by content: the first time by its JSON (what a new
 * entry is made from, natively and cheaply), from then on by walking the submitted policy against
 * a private record of its content (src/k8s/content-shape.ts), which builds and hashes no string.
 * Bounded, evicted by second chance (a hit only sets a flag).
 *
 * Nothing an entry keeps comes from the request's own objects: its name is an own copy, and its
 * shapes, validation errors and provider are derived from `ownContent(entry)`, a copy parsed from
 * the entry's JSON. A string of a request may be a view into the whole request text (the YAML
 * reader slices scalars out of it), so an entry holding one would keep that body alive for as
 * long as the entry lives (src/k8s/string-memo.ts ownString). The copy has the content the entry
 * is recognised by, its JSON, so what is derived from it is what the request's policy gives.
 */
import { contentShape, isMatchable, sameContent, type Shape } from '../k8s/content-shape';
import type { FieldError } from '../k8s/field-error';
import { clearStringMemos, ownString } from '../k8s/string-memo';
import type { ObjectMeta, PodSecurityPolicy, PodSecurityPolicySpec } from '../k8s/types';
import type { Provider } from './provider';

/**
 * What the engines derived from one policy content, filled in lazily by each engine. Holds no
 * answer data that is handed out as is: validation errors are copied out, and a provider holds no
 * state and writes fresh objects.
 */
export interface PolicyEntry {
  readonly name: string;
  /** `JSON.stringify([metadata, spec])` when the entry was made: its content, as JSON. */
  readonly json: string;
  /**
   * The same content as shapes, recorded when the entry is found a second time (a policy seen
   * once never pays for it); null when a shape cannot recognise it (not plain JSON data), which
   * is then compared by JSON.
   */
  shape?: { readonly metadata: Shape; readonly spec: Shape } | null;
  /** The content as objects of its own (ownContent), parsed from `json` when first needed. */
  content?: PodSecurityPolicy;
  /** ValidatePodSecurityPolicy's errors (validation/index.ts); never handed out. */
  errors?: readonly FieldError[];
  /** The compiled provider (provider.ts). */
  provider?: Provider;
  /** Found again since the eviction clock last passed it (its second chance). */
  used: boolean;
}

export const POLICY_CACHE_SIZE = 256;
/** Contents kept per policy name, so a lookup compares against at most this many. */
const CONTENTS_PER_NAME = 4;

/** Entries by policy name, oldest first. */
const BY_NAME = new Map<string, PolicyEntry[]>();
/** Every kept entry, in the eviction clock's order (a Set iterates in insertion order). */
const CLOCK = new Set<PolicyEntry>();

/**
 * Empties the caches (this one and every engine's string memos, src/k8s/string-memo.ts; the
 * bench's cold figure; tests). Never needed for correctness.
 */
export function clearContentCaches(): void {
  clearStringMemos();
  BY_NAME.clear();
  CLOCK.clear();
}

/**
 * Entries already looked up, by policy object: a request's policies are its own objects (ingest
 * makes fresh ones; engines never mutate them), so a request whose policies are validated and
 * then admitted against several pods looks up each policy once. WeakMap: nothing outlives the
 * request.
 */
const BY_OBJECT = new WeakMap<PodSecurityPolicy, PolicyEntry>();

function nameOf(psp: PodSecurityPolicy): string {
  const name: unknown = psp.metadata?.name;
  return typeof name === 'string' ? name : '';
}

function contentJson(psp: PodSecurityPolicy): string {
  return JSON.stringify([psp.metadata, psp.spec]);
}

/** The entry holding this content, else the content's JSON if working that out needed it. */
function find(psp: PodSecurityPolicy, name: string): PolicyEntry | string | undefined {
  const list = BY_NAME.get(name);
  if (list === undefined) return undefined;
  let json: string | undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const e = list[i]!;
    if (e.shape) {
      if (sameContent(e.shape.metadata, psp.metadata) && sameContent(e.shape.spec, psp.spec)) return e;
      continue;
    }
    json ??= contentJson(psp);
    if (json !== e.json) continue;
    if (e.shape === undefined) e.shape = recordShape(e);
    return e;
  }
  return json;
}

/** Shapes of an entry's content, or null when they could never recognise it. */
function recordShape(entry: PolicyEntry): PolicyEntry['shape'] {
  const own = ownContent(entry);
  const metadata = contentShape(own.metadata);
  const spec = contentShape(own.spec);
  return isMatchable(metadata) && isMatchable(spec) ? { metadata, spec } : null;
}

/**
 * The entry's content as objects of its own, parsed from its JSON: what the entry's shapes,
 * validation errors and provider are derived from, so that none of them refers to a request's
 * objects or strings. Parsed when one of them is first needed; read only.
 */
export function ownContent(entry: PolicyEntry): PodSecurityPolicy {
  if (entry.content !== undefined) return entry.content;
  const [metadata, spec] = JSON.parse(entry.json) as [ObjectMeta | null, PodSecurityPolicySpec | null];
  // JSON writes an absent metadata or spec as null; the request's object had it absent.
  return (entry.content = { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: metadata ?? undefined!, spec: spec ?? undefined! });
}

function remove(entry: PolicyEntry): void {
  CLOCK.delete(entry);
  const list = BY_NAME.get(entry.name);
  if (list === undefined) return;
  const i = list.indexOf(entry);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) BY_NAME.delete(entry.name);
}

/** Second chance: entries found again since the last pass go round once more; the first other one goes. */
function evictOne(): void {
  for (const e of CLOCK) {
    if (e.used) {
      e.used = false;
      CLOCK.delete(e);
      CLOCK.add(e);
      continue;
    }
    remove(e);
    return;
  }
}

function keep(entry: PolicyEntry): void {
  let list = BY_NAME.get(entry.name);
  if (list === undefined) BY_NAME.set(entry.name, (list = []));
  if (list.length >= CONTENTS_PER_NAME) remove(list[0]!);
  list.push(entry);
  CLOCK.add(entry);
  if (CLOCK.size > POLICY_CACHE_SIZE) evictOne();
}

/**
 * The entry of a policy's current content, looked up afresh (for callers that may see an object
 * again after it changed, such as validation).
 */
export function freshPolicyEntry(psp: PodSecurityPolicy): PolicyEntry {
  const name = nameOf(psp);
  const found = find(psp, name);
  let entry: PolicyEntry;
  if (typeof found === 'object') {
    entry = found;
    entry.used = true;
  } else {
    entry = { name: ownString(name), json: found ?? contentJson(psp), used: false };
    keep(entry);
  }
  BY_OBJECT.set(psp, entry);
  return entry;
}

/** The entry of a policy, looked up at most once per policy object. */
export function policyEntry(psp: PodSecurityPolicy): PolicyEntry {
  return BY_OBJECT.get(psp) ?? freshPolicyEntry(psp);
}
