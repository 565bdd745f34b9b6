/**
 * Type-checks and normalises one object in place against the FIELD_TYPES table, collecting every
 * error (not just the first):
 *  - typed fields must have their JSON type; integers must be whole, within int32 for int32
 *    fields and within ±(2^53-1) for int64 fields (JSON numbers past that lose precision);
 *  - `null` is "unset" as in Kubernetes' decoder: a null struct field is deleted; a null list
 *    element becomes the element's zero value and a null map[string]string value becomes "",
 *    which is what Go's decoder produces; outside the typed surface null object members are
 *    deleted (null list elements there are left alone: their Go type is not known here);
 *  - Go value fields (`=` in the table) that are absent get their zero value;
 *  - `__proto__` keys are refused anywhere in the object (no valid Pod or PSP has one; refusing
 *    them means no later spread or Object.assign can touch a prototype);
 *  - NaN and ±Inf (only YAML can write them) are refused: Kubernetes cannot turn them into JSON;
 *  - strings and keys longer than maxStringLength are a 413; nesting (after alias expansion)
 *    deeper than maxDepth is a 400.
 */
import { goQuote } from '../k8s/field-error';
import type { ReadLimits } from './limits';
import { TYPES, type StructName, type TypeNode } from './field-types';

/** A map key in a field path: rendered `[key]` as Kubernetes' field.Path does. */
export class MapKey {
  constructor(readonly key: string) {}
}
export type PathSegment = string | number | MapKey;

export interface FieldProblem {
  /** Path from the object root. */
  segments: PathSegment[];
  message: string;
  /** The field is absent: its line is the one of the object that lacks it. */
  missing?: boolean;
  status: 413 | 422 | 400;
}

const MAX_ERRORS = 100;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Every message the validator produces. */
export const MESSAGES = {
  type: (expected: string, v: unknown) => `expected ${expected}, got ${describe(v)}`,
  int32Range: (v: number) =>
    `expected integer within int32 range [${INT32_MIN}, ${INT32_MAX}], got number ${formatNumber(v)}`,
  unsafeInteger: (v: number) =>
    `expected integer within ±${Number.MAX_SAFE_INTEGER} (larger JSON integers lose precision), got number ${formatNumber(v)}`,
  required: 'Required value',
  protoKey: 'key "__proto__" is not allowed',
  nonFinite: (v: number) => `unsupported value ${formatNumber(v)}: not representable in JSON`,
  tooLong: (length: number, max: number) => `string of ${length} characters exceeds the limit of ${max}`,
  tooDeep: (max: number) => `nesting deeper than ${max} levels (after alias expansion)`,
} as const;

const EXPECTED: Record<string, string> = {
  boolean: 'boolean',
  string: 'string',
  int32: 'integer',
  int64: 'integer',
  'int-or-string': 'integer or string',
  'map<string>': 'object',
  object: 'object',
  list: 'array',
  struct: 'object',
};

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return `string ${goQuote(v.length > 64 ? v.slice(0, 64) + '…' : v)}`;
    case 'number':
      return `number ${formatNumber(v)}`;
    case 'boolean':
      return `boolean ${v}`;
    default:
      return typeof v;
  }
}

export function renderPath(segments: readonly PathSegment[], prefix = ''): string {
  let s = prefix;
  for (const seg of segments) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (typeof seg === 'string') s += s === '' ? seg : `.${seg}`;
    else s += `[${seg.key}]`;
  }
  return s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** State of one validation run; reused across the objects of one request. */
export class Validator {
  readonly problems: FieldProblem[] = [];
  /** The current path is path[0, depth): entries past it are stale (overwritten, never read). */
  private readonly path: PathSegment[] = [];
  private depth = 0;

  constructor(private readonly limits: ReadLimits) {}

  /** Checks `value` against a struct, in place. Returns false when it is not an object at all. */
  checkStruct(value: Record<string, unknown>, name: StructName, at: readonly PathSegment[]): void {
    this.start(at);
    this.struct(value, TYPES[name]);
  }

  /** Walks an untyped value in place (nulls, `__proto__`, NaN, string lengths, depth). */
  checkAny(value: unknown, at: readonly PathSegment[]): void {
    this.start(at);
    this.any(value);
  }

  private start(at: readonly PathSegment[]): void {
    for (let i = 0; i < at.length; i++) this.path[i] = at[i]!;
    this.depth = at.length;
  }

  /** Reports a problem at the current path plus `extra`. */
  report(message: string, extra?: PathSegment, status: 413 | 422 | 400 = 422, missing = false): void {
    if (this.problems.length >= MAX_ERRORS) return;
    const segments = this.path.slice(0, this.depth);
    if (extra !== undefined) segments.push(extra);
    this.problems.push(missing ? { segments, message, status, missing } : { segments, message, status });
  }

  reportAt(segments: PathSegment[], message: string, status: 413 | 422 | 400 = 422): void {
    if (this.problems.length < MAX_ERRORS) this.problems.push({ segments, message, status });
  }

  // An indexed stack rather than push/pop: measured cheaper on the walk's hottest lines.
  private enter(seg: PathSegment): void {
    this.path[this.depth] = seg;
    if (++this.depth > this.limits.maxDepth) {
      this.report(MESSAGES.tooDeep(this.limits.maxDepth), undefined, 400);
      throw TOO_DEEP;
    }
  }

  private leave(): void {
    this.depth--;
  }

  // The walks use for-in, which V8 compiles to reads through the object's enum cache (measured ~20%
  // faster than Object.keys + keyed loads). Same keys, same order: the values come from JSON.parse or
  // the YAML readers, plain objects whose prototype (Object.prototype) has no enumerable properties.
  private struct(obj: Record<string, unknown>, node: TypeNode & { kind: 'struct' }): void {
    for (const key in obj) {
      if (!this.checkKey(key)) continue;
      const v = obj[key];
      if (v === null) {
        delete obj[key];
        continue;
      }
      const field = node.fields.get(key);
      this.enter(key);
      if (field === undefined) this.any(v);
      else {
        const replaced = this.typed(v, field.type);
        if (replaced !== v) obj[key] = replaced;
        if (field.required && v === '') this.report(MESSAGES.required);
      }
      this.leave();
    }
    for (const field of node.valueFields) {
      if (obj[field.name] !== undefined) continue;
      if (field.required) this.report(MESSAGES.required, field.name, 422, true);
      else {
        const zero = zeroValue(field.type);
        obj[field.name] = zero;
        if (isObject(zero) && field.type.kind === 'struct') {
          this.enter(field.name);
          this.struct(zero, field.type);
          this.leave();
        }
      }
    }
  }

  /** Returns the value to store (a replacement only for null list elements / map values). */
  private typed(v: unknown, type: TypeNode): unknown {
    switch (type.kind) {
      case 'boolean':
        if (typeof v !== 'boolean') this.report(MESSAGES.type('boolean', v));
        return v;
      case 'string':
        if (typeof v !== 'string') this.report(MESSAGES.type('string', v));
        else this.checkString(v);
        return v;
      case 'int32':
      case 'int64':
        this.checkInteger(v, type.kind, 'integer');
        return v;
      case 'int-or-string':
        if (typeof v === 'string') this.checkString(v);
        else this.checkInteger(v, 'int32', 'integer or string');
        return v;
      case 'map<string>':
        if (!isObject(v)) {
          this.report(MESSAGES.type('object', v));
          return v;
        }
        for (const key in v) {
          if (!this.checkKey(key, true)) continue;
          const item = v[key];
          if (item === null) v[key] = '';
          else if (typeof item !== 'string') this.report(MESSAGES.type('string', item), new MapKey(key));
          else if (item.length > this.limits.maxStringLength) this.report(MESSAGES.tooLong(item.length, this.limits.maxStringLength), new MapKey(key), 413);
        }
        return v;
      case 'object':
        if (!isObject(v)) this.report(MESSAGES.type('object', v));
        else this.any(v);
        return v;
      case 'list':
        if (!Array.isArray(v)) {
          this.report(MESSAGES.type('array', v));
          return v;
        }
        for (let i = 0; i < v.length; i++) {
          const item = v[i];
          this.enter(i);
          if (item === null) {
            const zero = zeroValue(type.of);
            v[i] = zero;
            if (type.of.kind === 'struct') this.struct(zero as Record<string, unknown>, type.of);
          } else {
            const replaced = this.typed(item, type.of);
            if (replaced !== item) v[i] = replaced;
          }
          this.leave();
        }
        return v;
      case 'struct':
        if (!isObject(v)) this.report(MESSAGES.type(EXPECTED.struct!, v));
        else this.struct(v, type);
        return v;
    }
  }

  private checkInteger(v: unknown, width: 'int32' | 'int64', expected: string): void {
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.report(MESSAGES.type(expected, v));
    } else if (width === 'int32' ? v < INT32_MIN || v > INT32_MAX : !Number.isSafeInteger(v)) {
      this.report(width === 'int32' ? MESSAGES.int32Range(v) : MESSAGES.unsafeInteger(v));
    }
  }

  private checkString(s: string): void {
    if (s.length > this.limits.maxStringLength) this.report(MESSAGES.tooLong(s.length, this.limits.maxStringLength), undefined, 413);
  }

  private checkKey(key: string, mapKey = false): boolean {
    if (key === '__proto__') {
      this.report(MESSAGES.protoKey, mapKey ? new MapKey(key) : key);
      return false;
    }
    if (key.length > this.limits.maxStringLength) {
      this.report(MESSAGES.tooLong(key.length, this.limits.maxStringLength), undefined, 413);
      return false;
    }
    return true;
  }

  private any(v: unknown): void {
    if (typeof v === 'string') {
      this.checkString(v);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) this.report(MESSAGES.nonFinite(v));
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        this.enter(i);
        this.any(v[i]);
        this.leave();
      }
    } else if (isObject(v)) {
      for (const key in v) {
        if (!this.checkKey(key)) continue;
        const item = v[key];
        if (item === null) {
          delete v[key];
          continue;
        }
        this.enter(key);
        this.any(item);
        this.leave();
      }
    }
  }
}

/** Thrown through the walk when the depth limit is hit; caught by the reader. */
export const TOO_DEEP: unique symbol = Symbol('too deep');

function zeroValue(type: TypeNode): unknown {
  switch (type.kind) {
    case 'boolean':
      return false;
    case 'string':
      return '';
    case 'int32':
    case 'int64':
    case 'int-or-string':
      return 0;
    case 'list':
      return [];
    default:
      return {};
  }
}
