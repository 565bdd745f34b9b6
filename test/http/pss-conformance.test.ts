/**
 * Issue 4 acceptance: every upstream Pod Security Admission fixture (test/fixtures/pss, Apache-2.0,
 * see its README) gives the expected verdict at its level and version THROUGH THE HTTP API, and
 * every fail fixture's message contains the expected substring (spec pod-security-standards.md §3).
 * One request per level/version folder: a JSON array of every fixture pod of that folder.
 */
import { describe, expect, it } from 'vitest';
import data from '../fixtures/pss/conformance.json';
import { api } from '../helpers/http';

interface FixtureCase { file: string; level: string; version: string; expect: 'pass' | 'fail'; pod: { metadata: { name: string } }; detail?: string }
const cases = data.cases as unknown as FixtureCase[];
const checks = data.checks as unknown as Record<string, { errorSubstring: string }>;

const groups = new Map<string, FixtureCase[]>();
for (const c of cases) {
  const key = `${c.level}:${c.version}`;
  let g = groups.get(key);
  if (!g) groups.set(key, (g = []));
  g.push(c);
}

interface PssObject { object: { name: string | null; document?: number }; allowed: boolean; message: string | null; minimumLevel: string }

describe('POST /v1/pss conformance with the upstream fixtures (100%)', () => {
  it('covers all 4,537 fixtures', () => {
    expect(cases).toHaveLength(4537);
  });

  for (const [key, group] of groups) {
    it(`${key}: ${group.length} fixtures`, async () => {
      const [level, version] = key.split(':') as [string, string];
      const res = await api(`/v1/pss?level=${level}&version=${version}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(group.map((c) => c.pod)),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { level: string; version: string; objects: PssObject[] };
      expect(body.level).toBe(level);
      expect(body.version).toBe(version);
      expect(body.objects).toHaveLength(group.length);
      const mismatches: string[] = [];
      group.forEach((c, i) => {
        const o = body.objects[i]!;
        if (o.object.name !== c.pod.metadata.name) mismatches.push(`${c.file}: answer ${i} names ${o.object.name}`);
        if (o.allowed !== (c.expect === 'pass')) mismatches.push(`${c.file}: allowed=${o.allowed}`);
        if (c.expect === 'fail') {
          const name = c.file.slice(c.file.lastIndexOf('/') + 1, -5).replace(/[0-9]+$/, '');
          const sub = checks[name]?.errorSubstring;
          const prefix = `violates PodSecurity "${level}:${version}": `;
          if (!o.message?.startsWith(prefix)) mismatches.push(`${c.file}: message ${o.message}`);
          else if (sub === undefined || !o.message.includes(sub)) mismatches.push(`${c.file}: no "${sub}" in ${o.message}`);
          else if (c.detail !== undefined && o.message !== prefix + c.detail) mismatches.push(`${c.file}: ${o.message} != ${c.detail}`);
        } else if (o.message !== null) {
          mismatches.push(`${c.file}: message on a pass ${o.message}`);
        }
      });
      expect(mismatches).toEqual([]);
    });
  }
});
