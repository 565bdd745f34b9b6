/**
 * The YAML fast path (src/ingest/yaml-fast-path.ts) must give exactly the values the `yaml`
 * package path gives (parseYamlWithAst, go-yaml v2 scalar rules), or give up. Whenever the slow
 * path refuses a text (syntax error, duplicate key, unsupported YAML), the fast path must give up
 * too, so that the error messages stay the slow path's.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { IngestError, readManifests } from '../../src/ingest';
import { resolveLimits } from '../../src/ingest/limits';
import { parseYamlWithAst } from '../../src/ingest/parse-yaml';
import { parseYamlFast } from '../../src/ingest/yaml-fast-path';
import { largeRequest, maxBodyRequest, referenceRequest } from '../../bench/requests';

const LIMITS = resolveLimits(undefined);
const RUNS = Number(import.meta.env.FUZZ_RUNS) || 2000;

type SlowResult = { ok: true; documents: Array<{ index: number; value: unknown; line?: number }> } | { ok: false };

function slow(text: string): SlowResult {
  try {
    const s = parseYamlWithAst(text, LIMITS);
    return { ok: true, documents: s.documents.map(({ index, value, line }) => ({ index, value, line })) };
  } catch (e) {
    if (e instanceof IngestError) return { ok: false };
    throw e;
  }
}

/** Asserts the contract and says whether the fast path took the text. */
function agree(text: string): boolean {
  const fast = parseYamlFast(text);
  const expected = slow(text);
  if (fast === undefined) return false;
  expect(expected.ok, `the slow path refuses what the fast path read:\n${text}`).toBe(true);
  if (!expected.ok) return true;
  // The fast path never takes empty documents, so both list the same documents.
  expect(fast).toEqual(expected.documents);
  return true;
}

const corpus = import.meta.glob('../fixtures/corpus/*/*', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

describe('YAML fast path = yaml package path (go-yaml v2 semantics)', () => {
  it('takes the bench bodies (kubectl/yaml.stringify style) and reads them identically', () => {
    for (const r of [referenceRequest(), largeRequest(), maxBodyRequest(256 * 1024)]) {
      expect(agree(r.yaml), r.name).toBe(true);
    }
  });

  it('agrees on every file of the real-world corpus (or gives up)', () => {
    let taken = 0;
    const names = Object.keys(corpus).filter((n) => /\.ya?ml$/.test(n));
    for (const name of names) {
      const text = corpus[name]!;
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      if (agree(body)) taken++;
    }
    // Most real manifests are in the subset (the rest use block scalars, flow sequences, anchors...).
    expect(taken).toBeGreaterThan(names.length / 3);
  });

  it('go-yaml v2 scalars and the subset edges: same values or give up', () => {
    const cases = [
      'a: 1\nb: 0755\nc: 0x1F\nd: 1_000\ne: 08\nf: 1e400\ng: .5\nh: -.inf\ni: .nan\nj: +12\nk: 9223372036854775808\n',
      'a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: n\ng: true\nh: ~\ni: null\nj: NULL\nk:\nl: Null\n',
      'a: 2001-12-14\nb: 12:30\nc: a:b\nd: http://x/y?z#w\ne: a #comment\nf: a#b\ng: "a # b"\nh: \'it\'\'s\'\n',
      'a: "x\\"y\\\\z\\/\\n\\t"\nb: "\\u0041"\nc: "\\x41"\nd: \'\'\ne: ""\n',
      'a: {}\nb: []\nc: { }\nd: [ ]\ne: {a: 1}\nf: [1, 2]\ng: {} # c\nh: []x\n',
      'y: 1\n', 'n: 1\n', '1: a\n', 'true: a\n', '"y": 1\n', "'1': a\n", 'null: 1\n', '~: 1\n', '<<: {}\n', '__proto__: 1\n',
      'constructor: 1\n', 'toString: a\nvalueOf: b\n', 'a: 1\na: 2\n', 'a: 1\n"a": 2\n',
      'a:\n- 1\n- 2\nb: 3\n', 'a:\n  - 1\n  -\n  - - 2\n', 'a:\n  -\n    b: 1\n  - c: 2\n    d: 3\n  -   e: 4\n      f: 5\n',
      'a:\n  - b: 1\n   c: 2\n', 'a: 1\n  b: 2\n', 'a:\n  b: 1\n c: 2\n', 'a: b\n  c\n', 'a: "b\n  c"\n', 'a: |\n  x\n', 'a: >-\n  x\n',
      'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: !foo 1\n', '%YAML 1.1\n---\na: 1\n', 'a: 1\n...\n', 'a: 1\n---\n', '---\n---\na: 1\n',
      '# c\n---\na: 1\n---\nb: 2 # x\n', '--- # c\na: 1\n', '--- a: 1\n', '---x: 1\n', '', '# only\n', '\n\n', 'a: 1\r\nb: 2\r\n', 'a:\t1\n',
      '  a: 1\n', '- a\n', 'a\n', 'a: b: c\n', 'a: b:\n', 'a : 1\n', 'a:b\n', 'a:\n  #c\n  b: 1\n\n  c: 2\n', '"a\\nb": 1\n', "'a''b': 1\n",
      'a: - b\n', 'a: -\n', 'a: -1\n', 'a: --x\n', 'a:\n  - --port=8080\n  - -v\n', 'a: "unterminated\n', "a: 'x' y\n", 'a: "x"#c\n', 'a: "x" #c\n',
      'a: @x\n', 'a: `x\n', 'a: %x\n', 'a: ?x\n', 'a: :x\n', 'a: ,x\n', 'a: x,y\n', 'a: x]\n', 'a: x}\n', 'a: x ]\n', 'a: é\n', 'é: 1\n',
      'a: 1 \nb: 2  # c  \n', 'a:   \n', 'a: "" \n', `${'k'.repeat(1100)}: 1\n`, 'a:\n  b:\n    c:\n      d: 1\ne: 2\n',
    ];
    for (const text of cases) agree(text);
  });

  it('scalar shortcuts (decimal integers, true/false, long words) and line ends on offsets: same values or give up', () => {
    const cases = [
      // Decimal integers up to 15 digits are read digit by digit; 16+ digits, `0`, `00`, `01`, `1_0`, `1.`, `1e3` are not.
      'a: 1\nb: 9\nc: 10\nd: 999999999999999\ne: 9999999999999999\nf: 123456789012345678901\ng: 0\nh: 00\ni: 01\nj: 1_0\nk: 1.\nl: 1e3\nm: 1x\nq: 12 # c\no: 1:2\np: 1 \n',
      '- 1\n', 'a:\n  - 7\n  - 42\n  - 007\n  - 8a\n', 'a: 1', 'a: 12', 'a: 5\n---\nb: 6',
      // Words: null and bool spellings are at most 5 letters; longer letter-first scalars are strings.
      'a: false\nb: true\nc: False\nd: TRUE\ne: falsey\nf: truely\ng: Nooooo\nh: nullable\ni: offset\nj: yes\nk: Yes!\nl: onward\nm: NULL\nn: Null0\n',
      'false: 1\n', 'falsey: 1\n', 'nulls: 1\n', 'name: a\ntype: b\nnull_: c\n', 'offset: 1\nonly: 2\n', 'abcdef: 1\n', 'Z12345: 1\n', '_false: 1\n',
      // Line and text ends, with and without a final newline.
      'a:', 'a:\n', 'a: "x"', "a: 'x'", 'a: "x', 'a: "x\\', 'a: "x\\"', 'a: {}', 'a: []', 'a: -', 'a:\n-', 'a:\n- ', 'a:\n  b', 'a: x #', 'a: x ', '"a":', "'a':x", 'a: b\n\n\n',
      '---', '--- ', '---\na: 1', '---\na: 1\n---', 'a: 1\n--- # c', '...', 'a: 1\n#', 'a: 1\n  # c', '  \na: 1', 'a: 1\n   ', '- a: 1',
    ];
    for (const text of cases) agree(text);
    expect(parseYamlFast(cases[0]!)?.[0]?.value).toEqual({
      a: 1, b: 9, c: 10, d: 999999999999999, e: 9999999999999999, f: 123456789012345678901, g: 0, h: 0, i: 1, j: 10, k: 1, l: 1000, m: '1x', q: 12, o: '1:2', p: 1,
    });
  });

  it('random documents written by yaml.stringify in several styles: same values or give up', () => {
    const key = fc.oneof(fc.constantFrom('a', 'name', 'y', 'n', 'on', '1', 'true', 'null', '~', '<<', 'a b', 'a:b', 'a #b', '-a', 'constructor'), fc.string({ maxLength: 6 }));
    const scalar = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('yes', 'No', '0755', '0x1F', '1_0', '08', '.5', '1e400', '-.inf', '12:30', '2001-12-14', 'a: b', 'a #b', '- a', '', ' a', 'a ', "'", '"', '\\', '#'),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
    })).map;
    const options = fc.record({
      indentSeq: fc.boolean(),
      indent: fc.integer({ min: 1, max: 4 }),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
      lineWidth: fc.constantFrom(0, 20, 80),
    } as const);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), options, (docs, opts) => {
        agree(docs.map((d) => stringify(d, opts)).join('---\n'));
      }),
      { numRuns: RUNS },
    );
  });

  it('random line soup: whatever the fast path takes, the slow path reads the same', () => {
    const token = fc.constantFrom('a', 'b', 'y', '1', '0x1', ': ', ':', '- ', '-', ' ', '  ', '\n', '\n', '\n---\n', '#', ' #', '"', "'", '\\', '{}', '[]', '{', '~', '.5', '<<', 'é');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        agree(tokens.join(''));
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('fast-path key table (keys already read are reused, not re-sliced)', () => {
  it('repeated, seeded and colliding keys read as the slow path reads them', () => {
    // Seeded names (FIELD_TYPES), names seen again, prefixes and extensions of known names, and
    // more distinct keys than the table holds (the overflow is sliced as before).
    const many = Array.from({ length: 3000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\n';
    const cases = [
      'name: a\nnames: b\nnam: c\nimage: d\nimages: e\nspec: f\nspecs: g\n',
      'a:\n  name: x\n  image: y\nb:\n  name: z\n  image: w\n  imag: v\n  imagePullPolicy: u\n',
      'containers:\n- name: c1\n  securityContext:\n    runAsUser: 1\n- name: c2\n  securityContext:\n    runAsUser: 2\n',
      many,
      many + '---\n' + many,
      // A key equal to a seeded name but spelled otherwise: quoted, or followed by more text.
      '"name": a\nname2: b\n', "'spec': 1\nspec: 2\n", 'spec: 1\n"spec": 2\n', 'name: 1\nname: 2\n',
      // Keys that are not strings when plain stay refused, also after the same text was a quoted key.
      '"on": 1\non: 2\n', "'true': 1\ntrue: 2\n", '"1": a\n1: b\n', '"<<": a\n<<: {}\n', '"__proto__": 1\n',
      // Known keys found through the next `:` of the text: that `:` must end this very key.
      'name:x: 1\n', 'name::\n', 'na:me: 1\n', 'name : 1\n', 'name: 1\nname :\n', 'name x: 1\n', 'name #c: 1\n', 'name# c: 1\n',
      'a:\n- name: 1\n  name:x: 2\n', 'a:\n- name\n- image\n- name: x\n', 'kind:\n- a\n- b\nname: c\n', 'name:', 'name:\timage: 1\n',
      'name: a:\n', 'x:y: 1\nx:y: 2\n', 'a:b:\n  a:b: 1\n', `a:\n${'- x\n'.repeat(20000)}name: 1\n`,
    ];
    for (const text of cases) agree(text);
    const doc = parseYamlFast(many)?.[0]?.value as Record<string, unknown>;
    expect(Object.keys(doc)).toHaveLength(3000);
    expect(doc.k2999).toBe(2999);
  });

  it('two reads of the same text share no objects', () => {
    const text = referenceRequest().yaml;
    const a = parseYamlFast(text)!;
    const b = parseYamlFast(text)!;
    expect(b).toEqual(a);
    expect(b[0]!.value).not.toBe(a[0]!.value);
    (a[0]!.value as Record<string, unknown>).kind = 'Changed';
    expect(parseYamlFast(text)![0]!.value).toEqual(b[0]!.value);
  });
});

describe('characters left to the yaml package are found wherever they are', () => {
  it('tabs, CR, controls, NEL, LS, PS, BOM in keys, values, quotes, comments and after ---: the fast path gives up', () => {
    const bad = ['\t', '\r', '\x00', '\x01', '\x0b', '\x1f', '\x7f', '\x85', '\x9f', '\u2028', '\u2029', '\ufeff'];
    const places = [
      (c: string) => `a${c}b: 1\n`, (c: string) => `a: b${c}c\n`, (c: string) => `a: "b${c}"\n`, (c: string) => `a: 'b${c}'\n`,
      (c: string) => `a: 1 # x${c}\n`, (c: string) => `# x${c}\na: 1\n`, (c: string) => `a: 1\n  # ${c}\n`, (c: string) => `--- # ${c}\na: 1\n`,
      (c: string) => `a: {} #${c}\n`, (c: string) => `a: "x" #${c}\n`, (c: string) => `a: # ${c}\n  b: 1\n`, (c: string) => `a:\n- # ${c}\n  b: 1\n`,
      (c: string) => `a: 1${c}\n`, (c: string) => `${c}a: 1\n`, (c: string) => `a:\n  ${c}b: 1\n`, (c: string) => `a:\n- ${c}\n`, (c: string) => `a: 1\n${c}\n`,
    ];
    for (const c of bad) {
      for (const place of places) {
        const text = place(c);
        expect(parseYamlFast(text), JSON.stringify(text)).toBeUndefined();
        agree(text);
      }
    }
    // The same places with supported non-ASCII characters are read.
    expect(parseYamlFast('a: "b\u00e9" # \u00a0x\u2030\n# \u00ff\nc\u00e9: d\u2027\n')).toEqual([
      { index: 0, value: { a: 'b\u00e9', 'c\u00e9': 'd\u2027' }, line: 1 },
    ]);
  });
});

describe('positions on the fast path come from the AST built on demand', () => {
  it('a type error in a fast-path document carries its line and column', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: "true"\n  containers:\n    - name: c\n      image: nginx\n';
    expect(parseYamlFast(text)).toBeDefined();
    let error: unknown;
    try {
      readManifests(text, 'yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).errors).toEqual([
      { path: 'spec.hostNetwork', message: 'expected boolean, got string "true"', document: 0, line: 6, column: 16 },
    ]);
  });

  it('List items in a fast-path document carry their lines', () => {
    const text = '# list\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: a\n    spec:\n      containers:\n        - name: c\n          image: nginx\n  - apiVersion: v1\n    kind: Service\n';
    expect(parseYamlFast(text)).toBeDefined();
    expect(readManifests(text, 'yaml').objects.map((o) => o.ref)).toEqual([
      { apiVersion: 'v1', kind: 'Pod', namespace: null, name: 'a', document: 0, line: 5, item: 0 },
      { apiVersion: 'v1', kind: 'Service', namespace: null, name: null, document: 0, line: 13, item: 1 },
    ]);
  });
});
