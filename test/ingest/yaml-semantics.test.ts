import { describe, expect, it } from 'vitest';
import { readManifests } from '../../src/ingest';
import { ingestErrorOf, onlyPodSpec, pod } from './helpers';

const CONTAINER = '  containers:\n  - name: c\n';

function values(yaml: string): Record<string, unknown> {
  const m = readManifests(`apiVersion: v1\nkind: ConfigMap\ndata:\n${yaml}`, 'yaml');
  expect(m.skipped).toHaveLength(1);
  // Skipped objects are not exposed; read the same text as a Pod annotation-free spec instead.
  const p = readManifests(pod(CONTAINER + yaml.replace(/^ {2}/gm, '  ')), 'yaml');
  return p.pods[0]!.template.spec as Record<string, unknown>;
}

describe('YAML 1.1 scalars as Kubernetes reads them (cis-5.2 §4.3; go-yaml v2 resolve.go)', () => {
  it.each(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'])(
    '§4.3 hostNetwork: %s reads as true',
    (word) => {
      expect(onlyPodSpec(pod(`  hostNetwork: ${word}\n` + CONTAINER)).hostNetwork).toBe(true);
    },
  );

  it.each(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'])(
    '§4.3 hostPID: %s reads as false',
    (word) => {
      expect(onlyPodSpec(pod(`  hostPID: ${word}\n` + CONTAINER)).hostPID).toBe(false);
    },
  );

  it('§4.3 quoted "yes" stays a string, and a string where a boolean belongs is a 422', () => {
    const e = ingestErrorOf(pod(`  hostNetwork: "yes"\n` + CONTAINER));
    expect(e.status).toBe(422);
    expect(e.errors).toEqual([
      { path: 'spec.hostNetwork', message: 'expected boolean, got string "yes"', document: 0, line: 6, column: 16 },
    ]);
  });

  it('integers follow strconv.ParseInt base 0: 0755 is octal, 0x/0o/0b prefixes, underscores dropped, 08 is the float 8', () => {
    const spec = values(
      '  a: 0755\n  b: 0x1F\n  c: 0o17\n  d: 0b101\n  e: 1_000\n  f: 08\n  g: -0x10\n  h: +7\n  i: 1e3\n  j: .5\n',
    );
    expect(spec).toMatchObject({ a: 493, b: 31, c: 15, d: 5, e: 1000, f: 8, g: -16, h: 7, i: 1000, j: 0.5 });
  });

  it('timestamps, sexagesimal numbers, overflowing floats and NaN words stay strings (go-yaml v2)', () => {
    const spec = values('  a: 2001-12-14\n  b: 12:30\n  c: 1e400\n  d: NaN\n  e: 2001-12-14t21:59:43.10-05:00\n');
    expect(spec).toMatchObject({ a: '2001-12-14', b: '12:30', c: '1e400', d: 'NaN', e: '2001-12-14t21:59:43.10-05:00' });
  });

  it('keys resolve like values: `y:` and `on:` become "true" (sigs.k8s.io/yaml stringifies bool keys)', () => {
    const spec = values('  y: 1\n  off: 2\n  3: 4\n');
    expect(spec).toMatchObject({ true: 1, false: 2, '3': 4 });
  });

  it('.inf inside a pod is a 422: Kubernetes cannot turn it into JSON', () => {
    const e = ingestErrorOf(pod(CONTAINER + '  x: .inf\n'));
    expect(e.errors).toEqual([
      { path: 'spec.x', message: 'unsupported value +Inf: not representable in JSON', document: 0, line: 8, column: 6 },
    ]);
  });
});

describe('anchors, aliases and merge keys (issue "Bad input")', () => {
  it('aliases are expanded and `<<` merges, as go-yaml v2 does', () => {
    const spec = onlyPodSpec(
      pod('  securityContext: &sc\n    runAsUser: 1000\n  containers:\n  - name: c\n    securityContext:\n      <<: *sc\n      runAsNonRoot: true\n'),
    );
    expect(spec.securityContext).toEqual({ runAsUser: 1000 });
    expect((spec.containers as Array<Record<string, unknown>>)[0]!.securityContext).toEqual({ runAsUser: 1000, runAsNonRoot: true });
  });

  it('a key written before `<<` is overridden by the merged map (go-yaml v2 applies merges in order)', () => {
    const spec = onlyPodSpec(
      pod('  securityContext: &sc\n    runAsUser: 1000\n  containers:\n  - name: c\n    securityContext:\n      runAsUser: 0\n      <<: *sc\n'),
    );
    expect((spec.containers as Array<Record<string, unknown>>)[0]!.securityContext).toEqual({ runAsUser: 1000 });
  });

  it('a billion-laughs document is a 400', () => {
    const lol = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = String.fromCharCode(97 + i);
        const cur = String.fromCharCode(98 + i);
        return `${cur}: &${cur} [${Array(9).fill('*' + prev).join(',')}]`;
      }),
    ].join('\n');
    const e = ingestErrorOf(lol);
    expect(e.status).toBe(400);
    expect(e.title).toBe('Unsupported YAML');
    expect(e.detail).toBe('document 0 expands aliases beyond the limit (maxAliasCount 100)');
  });

  it('a quadratic blow-up (one big anchor aliased 1000 times) is a 400', () => {
    const big = `x: &x [${Array(1000).fill('1').join(',')}]\ny: [${Array(1000).fill('*x').join(',')}]\n`;
    const e = ingestErrorOf(big);
    expect(e.status).toBe(400);
    expect(e.detail).toBe('document 0 expands aliases beyond the limit (maxAliasCount 100)');
  });
});

describe('YAML that is refused with 400 (issue "Bad input")', () => {
  it.each([
    ['!!js/function', 'a: !!js/function "function(){}"\n', 'unsupported tag !!js/function', 1, 4],
    ['!foo', 'kind: Pod\nspec: !foo\n  x: 1\n', 'unsupported tag !foo', 2, 7],
    ['!!binary', 'a: !!binary aGVsbG8=\n', 'unsupported tag !!binary', 1, 4],
  ])('custom tag %s names the line', (_name, text, message, line, column) => {
    const e = ingestErrorOf(text);
    expect(e.status).toBe(400);
    expect(e.errors).toEqual([{ path: '', message, document: 0, line, column }]);
  });

  it('duplicate keys name the line of the second key', () => {
    const e = ingestErrorOf('---\napiVersion: v1\nkind: Pod\nkind: Pod\n');
    expect(e.status).toBe(400);
    expect(e.title).toBe('Invalid YAML');
    expect(e.errors).toEqual([{ path: '', message: 'Map keys must be unique', document: 0, line: 4, column: 1 }]);
  });

  it('syntax errors carry document, line and column', () => {
    const e = ingestErrorOf('a: 1\n---\nb: [1, 2\n');
    expect(e.status).toBe(400);
    expect(e.errors).toEqual([
      {
        path: '',
        message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
        document: 1,
        line: 4,
        column: 1,
      },
    ]);
  });

  it('a mapping key that is a collection (`{{ .x }}` template text) is refused', () => {
    const e = ingestErrorOf('metadata:\n  annotations:\n    {{ .ns }}: x\n');
    expect(e.errors).toEqual([
      // `{{ .ns }}` is a flow mapping whose only key is the flow mapping `{ .ns }`: two offending keys.
      { path: '', message: 'a mapping key must be a scalar, not a collection', document: 0, line: 3, column: 5 },
      { path: '', message: 'a mapping key must be a scalar, not a collection', document: 0, line: 3, column: 6 },
    ]);
  });
});
