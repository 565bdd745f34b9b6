import { describe, expect, it } from 'vitest';
import { jsonText } from '../../src/http/json-text';

/** A string made of pieces at run time (V8 keeps it as a concatenation until something flattens it). */
function pieced(...parts: string[]): string {
  let s = '';
  for (const p of parts) s += p;
  return s;
}

const LONG = 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation';

function values(): Record<string, unknown> {
  const source = `prefix ${LONG} suffix`;
  return {
    primitives: [null, true, false, 0, -0, 1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY, '', 'short'],
    concatenated: pieced('container "', 'web-c2', '" sets ', LONG, '=true'),
    sliced: source.slice(7, 7 + LONG.length),
    escapes: pieced('quote " backslash \\ newline \n tab \t nul \u0000 del \u007f ', LONG),
    unicode: pieced('été ', '🙂 ', 'lone \ud800 surrogate ', LONG),
    nested: { a: [{ b: [pieced(LONG, '[1]'), { c: pieced(LONG, '.c') }] }], empty: {}, list: [] },
    skipped: { undefinedValue: undefined, fn: () => 1, symbol: Symbol('s') },
    holes: [1, undefined, 3],
    date: new Date(0),
    withToJson: { toJSON: () => pieced('replaced by toJSON: ', LONG) },
  };
}

describe('jsonText: JSON.stringify on the fast path', () => {
  it('is JSON.stringify, for every kind of value and string', () => {
    for (const [name, v] of Object.entries(values())) expect(jsonText(v), name).toBe(JSON.stringify(v));
    expect(jsonText(values())).toBe(JSON.stringify(values()));
    for (const v of [undefined, null, 1, 'x', pieced(LONG, LONG), [], {}]) expect(jsonText(v)).toBe(JSON.stringify(v));
  });

  it('the same strings shared by several places of the value, and the same value twice', () => {
    const message = pieced('container "a" ', LONG);
    const ref = { kind: 'Deployment', name: pieced('a-name-longer-than-thirteen-', 'characters') };
    const report = { objects: [{ ref, message }], findings: [{ ref, message }, { ref, message }] };
    const expected = JSON.stringify(report);
    expect(jsonText(report)).toBe(expected);
    expect(jsonText(report)).toBe(expected);
  });

  it('only reads the value', () => {
    const v = values();
    const before = JSON.stringify(v);
    const nested = v.nested;
    jsonText(v);
    expect(JSON.stringify(v)).toBe(before);
    expect(v.nested).toBe(nested);
    expect(Object.keys(v.skipped as object)).toEqual(['undefinedValue', 'fn', 'symbol']);
  });
});
