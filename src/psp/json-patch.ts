/**
 * RFC 6902 JSON Patch between two JSON values, plus carrying a policy's changes from the defaulted
 * pod over to the submitted one. Both rely on copy-on-write sharing: unchanged subtrees are the
 * same objects, so comparisons stop at `===`.
 */
import type { JsonPatchOp } from './types';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 6901 reference token escaping. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ak = Object.keys(a).filter((k) => a[k] !== undefined);
  const bk = Object.keys(b).filter((k) => b[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(a[k], b[k]));
}

/** Operations that turn `from` into `to` (keys with undefined values count as absent). */
export function diffJson(from: unknown, to: unknown, path = '', ops: JsonPatchOp[] = []): JsonPatchOp[] {
  if (from === to) return ops;
  if (isPlainObject(from) && isPlainObject(to)) {
    for (const key of Object.keys(from)) {
      if (from[key] !== undefined && to[key] === undefined) ops.push({ op: 'remove', path: `${path}/${escapePointerToken(key)}` });
    }
    for (const key of Object.keys(to)) {
      const t = to[key];
      if (t === undefined) continue;
      const f = from[key];
      const p = `${path}/${escapePointerToken(key)}`;
      if (f === undefined) ops.push({ op: 'add', path: p, value: t });
      else diffJson(f, t, p, ops);
    }
    return ops;
  }
  if (Array.isArray(from) && Array.isArray(to)) {
    const common = Math.min(from.length, to.length);
    for (let i = 0; i < common; i++) diffJson(from[i], to[i], `${path}/${i}`, ops);
    for (let i = common; i < to.length; i++) ops.push({ op: 'add', path: `${path}/${i}`, value: to[i] });
    for (let i = from.length - 1; i >= common; i--) ops.push({ op: 'remove', path: `${path}/${i}` });
    return ops;
  }
  if (!deepEqual(from, to)) ops.push({ op: 'replace', path, value: to });
  return ops;
}

/**
 * Applies to `submitted` exactly the changes that turned `before` into `after`, so values that only
 * `before` has (the pre-admission defaults of §2.1) are not written back.
 */
export function carryChanges(submitted: unknown, before: unknown, after: unknown): unknown {
  if (after === before) return submitted;
  if (isPlainObject(before) && isPlainObject(after)) {
    const base = isPlainObject(submitted) ? submitted : {};
    let out: Record<string, unknown> | undefined;
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      if (after[key] === before[key]) continue;
      out ??= { ...base };
      if (after[key] === undefined) delete out[key];
      else out[key] = carryChanges(base[key], before[key], after[key]);
    }
    return out ?? base;
  }
  if (Array.isArray(before) && Array.isArray(after) && Array.isArray(submitted) && before.length === after.length && submitted.length === after.length) {
    let out: unknown[] | undefined;
    for (let i = 0; i < after.length; i++) {
      if (after[i] === before[i]) continue;
      out ??= submitted.slice();
      out[i] = carryChanges(submitted[i], before[i], after[i]);
    }
    return out ?? submitted;
  }
  return after;
}
