/**
 * The nesting limit without a pre-scan on the common path (issue 6): JSON is parsed first (V8's
 * JSON.parse is iterative) and its depth checked on the value; the YAML fast path reports the depth
 * it read. The text is scanned only to name the line of a refusal, or when the fast path gives up.
 * Every answer must be the one the pre-scan gave: same refusals, same lines, same precedence.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { IngestError, checkNestingDepth, readManifests } from '../../src/ingest';
import { nestsDeeper, parseJsonWithinDepth } from '../../src/ingest/nesting';
import { readYamlFast } from '../../src/ingest/yaml-fast-path';
import { largeRequest, maxBodyRequest, referenceRequest } from '../../bench/requests';
import { ingestErrorOf } from './helpers';

const RUNS = Number(import.meta.env.FUZZ_RUNS) || 1000;
const corpus = import.meta.glob('../fixtures/corpus/*/*', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

const nestedArrays = (n: number, inner = '1') => '['.repeat(n) + inner + ']'.repeat(n);
const nestedObjects = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** The refusal the text pre-scan gives, as readManifests words it. */
function scanRefusal(text: string, maxDepth = 64, format: 'json' | 'yaml' = 'json') {
  const depth = checkNestingDepth(text, maxDepth, format);
  if (depth.ok) throw new Error('expected the scan to refuse');
  return {
    status: 400,
    title: 'Nesting too deep',
    detail: `nesting deeper than ${maxDepth} levels at line ${depth.line}`,
    errors: [{ path: '', message: `nesting deeper than ${maxDepth} levels`, line: depth.line }],
  };
}

function refusal(e: IngestError) {
  return { status: e.status, title: e.title, detail: e.detail, errors: e.errors };
}

describe('nestsDeeper (the depth of a parsed value; root collection = 1)', () => {
  it('counts arrays and objects, not scalars or strings holding brackets', () => {
    expect(nestsDeeper(JSON.parse(nestedArrays(64)), 64)).toBe(false);
    expect(nestsDeeper(JSON.parse(nestedArrays(65)), 64)).toBe(true);
    expect(nestsDeeper(JSON.parse(nestedObjects(64)), 64)).toBe(false);
    expect(nestsDeeper(JSON.parse(nestedObjects(65)), 64)).toBe(true);
    expect(nestsDeeper(JSON.parse(nestedArrays(3, '"[[[[{{{{"')), 3)).toBe(false);
    expect(nestsDeeper('[[[', 1)).toBe(false);
    expect(nestsDeeper(null, 1)).toBe(false);
    expect(nestsDeeper({}, 1)).toBe(false);
    expect(nestsDeeper({ a: [] }, 1)).toBe(true);
  });

  it('stops at the limit: a value 10^5 levels deep is answered without deep recursion', () => {
    expect(nestsDeeper(JSON.parse(nestedArrays(100_000)), 64)).toBe(true);
  });
});

describe('JSON bodies: the depth limit after JSON.parse gives the pre-scan answers', () => {
  it('JSON.parse reads 10^6 nested arrays without overflowing (iterative in V8, here in workerd)', () => {
    expect(() => JSON.parse(nestedArrays(1_000_000))).not.toThrow();
  });

  it('refuses too-deep bodies with the line of the first too-deep opening', () => {
    const pretty = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', x: JSON.parse(nestedArrays(70)) }] } }, null, 2);
    const deepInString = '{"a":"' + '['.repeat(100) + '",\n"b":\n' + nestedArrays(65) + '}';
    for (const text of [nestedArrays(65), nestedObjects(100_000), pretty, deepInString, '\n\n  ' + nestedObjects(65)]) {
      expect(refusal(ingestErrorOf(text, 'json'))).toEqual(scanRefusal(text));
    }
    expect(scanRefusal(pretty).errors[0]!.line).toBeGreaterThan(60);
  });

  it('refuses nesting inside objects that are skipped and never type-checked', () => {
    const configMap = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: JSON.parse(nestedObjects(70)) }, null, 1);
    expect(refusal(ingestErrorOf(configMap, 'json'))).toEqual(scanRefusal(configMap));
  });

  it('reads a body exactly at the limit, and honours a lower limit', () => {
    const atLimit = JSON.stringify([{ apiVersion: 'v1', kind: 'ConfigMap', data: JSON.parse(nestedArrays(62)) }]);
    expect(checkNestingDepth(atLimit, 64, 'json')).toEqual({ ok: true });
    expect(readManifests(atLimit, 'json').skipped).toHaveLength(1);
    expect(refusal(ingestErrorOf(atLimit, 'json', { maxDepth: 10 }))).toEqual(scanRefusal(atLimit, 10));
  });

  it('too deep wins over a syntax error, as when the text was scanned first', () => {
    for (const text of [nestedArrays(65).slice(0, -1), nestedArrays(65) + 'x', nestedObjects(100).replace('1', '1,')]) {
      expect(refusal(ingestErrorOf(text, 'json'))).toEqual(scanRefusal(text));
    }
    const shallowBroken = nestedArrays(10).slice(0, -1);
    expect(ingestErrorOf(shallowBroken, 'json').title).toBe('Invalid JSON');
  });

  it('a limit past what the value walk recurses through is checked on the text, as before', () => {
    const text = nestedArrays(1500);
    expect(refusal(ingestErrorOf(text, 'json', { maxDepth: 1200 }))).toEqual(scanRefusal(text, 1200));
    expect(readManifests(nestedArrays(1100), 'json', { maxDepth: 1200 }).skipped).toHaveLength(1);
  });
});

describe('parseJsonWithinDepth (the envelope routes: /v1/admission, /v1/admissionreview)', () => {
  it('gives the value, or the line and depth the text scan finds, in the scan-first precedence', () => {
    const pretty = JSON.stringify({ a: [1, { b: JSON.parse(nestedArrays(70)) }] }, null, 2);
    for (const text of [nestedArrays(65), nestedObjects(100_000), pretty, '\n\n  ' + nestedObjects(65), nestedArrays(65) + 'x', nestedArrays(65).slice(0, -1)]) {
      const scan = checkNestingDepth(text, 64, 'json');
      expect(scan.ok).toBe(false);
      expect(parseJsonWithinDepth(text, 64)).toEqual(scan);
    }
    expect(parseJsonWithinDepth(pretty, 80)).toEqual({ ok: true, value: JSON.parse(pretty) });
    expect(parseJsonWithinDepth(nestedArrays(1500), 1200)).toEqual(checkNestingDepth(nestedArrays(1500), 1200, 'json'));
    expect(parseJsonWithinDepth(nestedArrays(1100), 1200).ok).toBe(true);
  });

  it('throws the located syntax error for shallow invalid JSON', () => {
    expect(() => parseJsonWithinDepth('{"a": [1,]}', 64)).toThrow(IngestError);
    expect(() => parseJsonWithinDepth('{"a": [1,]}', 64)).toThrow("the body is not valid JSON: unexpected ']', expected a value at line 1, column 10");
  });
});

/** Asserts that the fast path's depth is the depth the pre-scan finds; says whether it read the text. */
function depthAgrees(text: string): boolean {
  const fast = readYamlFast(text);
  if (fast === undefined) return false;
  const d = fast.depth;
  expect(checkNestingDepth(text, d), `fast path depth ${d} is less than the scan's:\n${text}`).toEqual({ ok: true });
  if (d > 1) expect(checkNestingDepth(text, d - 1).ok, `fast path depth ${d} is more than the scan's:\n${text}`).toBe(false);
  return true;
}

function nestedBlockMaps(levels: number, leaf = 'v'): string {
  let s = '';
  for (let i = 0; i < levels; i++) s += ' '.repeat(i) + 'k' + i + ':' + (i === levels - 1 ? ' ' + leaf : '') + '\n';
  return s;
}

describe('YAML fast path: its depth is the pre-scan depth, so the scan is skipped only when it would pass', () => {
  it('on the bench bodies and every corpus file it reads', () => {
    let taken = 0;
    for (const r of [referenceRequest(), largeRequest(), maxBodyRequest(256 * 1024)]) expect(depthAgrees(r.yaml), r.name).toBe(true);
    for (const [name, text] of Object.entries(corpus)) {
      if (!/\.ya?ml$/.test(name)) continue;
      if (depthAgrees(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) taken++;
    }
    expect(taken).toBeGreaterThan(100);
  });

  it('on deep block mappings, sequences at their key’s column, `{}` and `[]` leaves', () => {
    for (const n of [1, 2, 63, 64, 65, 200]) {
      for (const leaf of ['v', '{}', '[]', "'q'"]) expect(depthAgrees(nestedBlockMaps(n, leaf))).toBe(true);
      let sameColumn = 'k:\n';
      for (let i = 0; i < n; i++) sameColumn += ' '.repeat(2 * i) + '- k:\n';
      sameColumn += ' '.repeat(2 * n) + '- x: 1\n';
      expect(depthAgrees(sameColumn)).toBe(true);
      expect(depthAgrees('a: 1\n---\n' + nestedBlockMaps(n) + '---\nb: 2\n')).toBe(true);
    }
  });

  it('on random documents written by yaml.stringify', () => {
    const key = fc.constantFrom('a', 'name', 'spec', 'k b', 'x-y');
    const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('[', '{', '[a]', 'a: b', '#', '- a'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'medium', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 3 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    }));
    const doc = fc.dictionary(key, value.node, { minKeys: 1, maxKeys: 4 });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.integer({ min: 1, max: 4 }), (docs, indentSeq, indent) => {
        depthAgrees(docs.map((d) => stringify(d, { indentSeq, indent })).join('---\n'));
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses too-deep fast-path text with the pre-scan line; reads it at the limit', () => {
    const deep = 'a: 1\n---\n' + nestedBlockMaps(65);
    expect(readYamlFast(deep)?.depth).toBe(65);
    const e = ingestErrorOf(deep, 'yaml');
    expect(refusal(e)).toEqual(scanRefusal(deep, 64, 'yaml'));
    expect(e.detail).toBe('nesting deeper than 64 levels at line 67');
    expect(readManifests(nestedBlockMaps(63, '{}'), 'yaml').skipped).toHaveLength(1);
    expect(ingestErrorOf(nestedBlockMaps(64, '{}'), 'yaml').errors).toEqual([{ path: '', message: 'nesting deeper than 64 levels', line: 64 }]);
    expect(ingestErrorOf(nestedBlockMaps(20), 'yaml', { maxDepth: 5 }).detail).toBe('nesting deeper than 5 levels at line 6');
  });
});
