import { describe, expect, it } from 'vitest';
import { IngestError, checkNestingDepth, readManifests } from '../../src/ingest';

function nestedBlockMaps(levels: number): string {
  let s = '';
  for (let i = 0; i < levels; i++) s += ' '.repeat(i) + 'k:\n';
  return s;
}

describe('checkNestingDepth (issue "Bad input": nesting deeper than 64 → 400 before parsing)', () => {
  it('counts JSON nesting exactly, ignoring brackets in strings', () => {
    const ok = '{"a":'.repeat(64) + '"[[[[{{{{"' + '}'.repeat(64);
    expect(checkNestingDepth(ok, 64, 'json')).toEqual({ ok: true });
    expect(checkNestingDepth('[' + ok + ']', 64, 'json')).toEqual({ ok: false, line: 1, depth: 65 });
  });

  it('YAML block mappings: 64 levels pass, 65 fail at the 65th line', () => {
    expect(checkNestingDepth(nestedBlockMaps(64), 64)).toEqual({ ok: true });
    expect(checkNestingDepth(nestedBlockMaps(65), 64)).toEqual({ ok: false, line: 65, depth: 65 });
  });

  it('YAML sequences at the same column as their key count as one level deeper', () => {
    // root map, the sequence under `a`, the map `b:`, the sequence under `b`
    const text = 'a:\n- b:\n  - c\n';
    expect(checkNestingDepth(text, 4)).toEqual({ ok: true });
    expect(checkNestingDepth(text, 3)).toEqual({ ok: false, line: 3, depth: 4 });
  });

  it('compact sequences `- - - x` count every dash', () => {
    expect(checkNestingDepth('- '.repeat(65) + 'x', 64)).toEqual({ ok: false, line: 1, depth: 65 });
  });

  it('YAML flow collections and quoted strings', () => {
    expect(checkNestingDepth('a: "' + '['.repeat(500) + '"\n', 64)).toEqual({ ok: true });
    expect(checkNestingDepth('a: ' + '['.repeat(64), 64)).toEqual({ ok: false, line: 1, depth: 65 });
  });

  it('block scalar contents are skipped, but not lines the lexer would end the scalar at', () => {
    expect(checkNestingDepth('a: |\n  ' + '['.repeat(500) + '\nb: 1\n', 64)).toEqual({ ok: true });
    // `- k: |` content must be indented past `k`; a line at the dash's column is structure.
    expect(checkNestingDepth('- k: |\n  ' + '['.repeat(100), 64).ok).toBe(false);
  });

  it('a quote on a plain-scalar continuation line is not trusted (the lexer reads it as plain text)', () => {
    expect(checkNestingDepth('a: b\n  "x: ' + '['.repeat(100) + '"', 64).ok).toBe(false);
  });

  it('10^5 nested brackets (JSON and YAML flow) and 3000 block levels are refused without parsing', () => {
    const flow = '['.repeat(100_000);
    expect(checkNestingDepth(flow, 64, 'json')).toEqual({ ok: false, line: 1, depth: 65 });
    expect(checkNestingDepth(flow, 64)).toEqual({ ok: false, line: 1, depth: 65 });
    const deepJson = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    for (const [text, format] of [
      [deepJson, 'json'],
      [flow, 'yaml'],
      [nestedBlockMaps(3000), 'yaml'],
    ] as const) {
      let error: unknown;
      try {
        readManifests(text, format);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).status).toBe(400);
      expect((error as IngestError).title).toBe('Nesting too deep');
      expect((error as IngestError).errors).toEqual([
        { path: '', message: 'nesting deeper than 64 levels', line: format === 'json' || text === flow ? 1 : 65 },
      ]);
    }
  });
});
