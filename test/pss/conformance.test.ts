/**
 * Conformance against the upstream fixtures of k8s.io/pod-security-admission (test/testdata at
 * kubernetes/pod-security-admission 8f84a87c), converted by scripts/import-pss-fixtures.mjs.
 *
 * - Verdict (authoritative): every pass/ fixture is admitted and every fail/ fixture rejected at
 *   exactly its level and version.
 * - Substring (authoritative): a fail fixture's aggregated detail contains the errorSubstring of
 *   its prefix in checks.json (at restricted, the overriding restricted check may be the one that
 *   rejects it; the substrings were chosen upstream to match either message).
 * - Full detail (unofficial, derived by us): equals expected-messages.derived.tsv.
 */
import { describe, expect, it } from 'vitest';
import type { PodTemplate } from '../../src/k8s/types';
import { aggregateForbidden, evaluatePss, type PssLevel } from '../../src/pss';
import data from '../fixtures/pss/conformance.json';

interface FixtureCase {
  file: string;
  level: PssLevel;
  version: string;
  expect: 'pass' | 'fail';
  pod: PodTemplate;
  detail?: string;
}

interface PrefixInfo {
  checkId: string;
  level: string;
  firstVersion: string;
  errorSubstring: string;
}

const cases = data.cases as unknown as FixtureCase[];
const checks = data.checks as unknown as Record<string, PrefixInfo>;

/** `restrictedvolumes12.yaml` → `restrictedvolumes`. */
function prefixOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1, -'.yaml'.length);
  return name.replace(/[0-9]+$/, '');
}

/** Groups by `<level>/<version>` folder, in fixture order. */
const folders = new Map<string, FixtureCase[]>();
for (const c of cases) {
  const key = `${c.level}/${c.version}`;
  let list = folders.get(key);
  if (list === undefined) folders.set(key, (list = []));
  list.push(c);
}

describe('PSS conformance fixtures (upstream test/testdata)', () => {
  it('has all 4,537 fixtures (3,486 fail) in 76 level/version folders', () => {
    expect(cases.length).toBe(4537);
    expect(cases.filter((c) => c.expect === 'fail').length).toBe(3486);
    expect(folders.size).toBe(76);
  });

  for (const [folder, list] of folders) {
    it(`§1.3 verdicts, §2 checks, errorSubstrings and derived details: ${folder}`, () => {
      const mismatches: string[] = [];
      for (const c of list) {
        // Fixtures are Pods: the upstream test posts them to an API server.
        const r = evaluatePss(c.pod, c.level, c.version, { isPod: true });
        if (r.allowed !== (c.expect === 'pass')) {
          mismatches.push(`${c.file}: expected ${c.expect}, got ${r.allowed ? 'pass' : `fail: ${r.message}`}`);
          continue;
        }
        if (c.expect === 'pass') {
          if (r.message !== null) mismatches.push(`${c.file}: allowed but message ${r.message}`);
          continue;
        }
        const { detail } = aggregateForbidden(r.forbidden);
        const info = checks[prefixOf(c.file)];
        if (info === undefined) {
          mismatches.push(`${c.file}: no checks.json prefix`);
        } else if (!detail.includes(info.errorSubstring)) {
          mismatches.push(`${c.file}: detail ${JSON.stringify(detail)} lacks ${JSON.stringify(info.errorSubstring)}`);
        }
        if (detail !== c.detail) {
          mismatches.push(`${c.file}: detail\n  got      ${detail}\n  expected ${c.detail}`);
        }
        if (r.message !== `violates PodSecurity "${c.level}:${c.version}": ${c.detail}`) {
          mismatches.push(`${c.file}: message ${r.message}`);
        }
      }
      expect(mismatches, mismatches.join('\n')).toEqual([]);
    });
  }

  it('README derived: every restricted pass fixture also passes baseline at the same version', () => {
    const bad = cases
      .filter((c) => c.level === 'restricted' && c.expect === 'pass')
      .filter((c) => !evaluatePss(c.pod, 'baseline', c.version, { isPod: true }).allowed)
      .map((c) => c.file);
    expect(bad).toEqual([]);
  });

  it('README derived: restricted/v1.0/pass pods fail restricted v1.8+ (allowPrivilegeEscalation)', () => {
    const v10 = cases.filter((c) => c.file.startsWith('restricted/v1.0/pass/'));
    expect(v10.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const c of v10) {
      for (const version of ['v1.8', 'v1.24', 'latest']) {
        const r = evaluatePss(c.pod, 'restricted', version, { isPod: true });
        if (r.allowed || !r.forbidden.some((f) => f.check === 'allowPrivilegeEscalation')) {
          bad.push(`${c.file} at ${version}`);
        }
      }
      if (!evaluatePss(c.pod, 'restricted', 'v1.7', { isPod: true }).allowed) bad.push(`${c.file} at v1.7`);
    }
    expect(bad).toEqual([]);
  });
});
