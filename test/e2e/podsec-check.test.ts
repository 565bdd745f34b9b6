/**
 * scripts/podsec-check (bash + curl) against the deployable bundle in Miniflare: exit codes 0 / 1 /
 * 2 and the lines it prints, on temporary folders of clean and failing manifests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Miniflare } from 'miniflare';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBundle } from './bundle';

const root = resolve(import.meta.dirname, '../..');
const script = join(root, 'scripts/podsec-check');
const manifests = join(root, 'test/fixtures/contract/manifests');

let mf: Miniflare;
let url: string;
let work: string;

beforeAll(async () => {
  const started = await startBundle();
  mf = started.mf;
  url = started.url.origin;
  work = mkdtempSync(join(tmpdir(), 'podsec-check-'));
});
afterAll(async () => {
  await mf?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Run { code: number; stdout: string; stderr: string }

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile('bash', [script, ...args], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PODSEC_URL: url, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** A fresh folder holding copies of the named fixture manifests (`to` renames, `sub/` nests). */
function folder(name: string, files: Array<string | { from: string; to: string }>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const from = typeof f === 'string' ? f : f.from;
    const to = join(dir, typeof f === 'string' ? f : f.to);
    mkdirSync(resolve(to, '..'), { recursive: true });
    cpSync(join(manifests, from), to);
  }
  return dir;
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '');
const verdicts = (s: string) => lines(s).filter((l) => l.startsWith('podsec-check: '));

describe('scripts/podsec-check against the bundle (issue 5)', () => {
  it('exit 0 on a folder of clean manifests, one verdict per file and a total', async () => {
    const dir = folder('clean', ['clean-pod.yaml', { from: 'clean-pod.yaml', to: 'nested/again.yml' }]);
    writeFileSync(join(dir, 'README.md'), 'not a manifest\n');
    const r = await run([dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(verdicts(r.stdout)).toEqual([
      `podsec-check: ${dir}/clean-pod.yaml: ok`,
      `podsec-check: ${dir}/nested/again.yml: ok`,
      'podsec-check: 2 file(s) checked, 0 over the threshold, 0 not checked',
    ]);
  });

  it('exit 1 when a file has findings over --fail-on; every file is still checked', async () => {
    const dir = folder('failing', ['clean-pod.yaml', 'privileged-deployment.yaml', 'restricted-psp.yaml']);
    const r = await run(['--fail-on', 'fail', dir]);
    expect(r.code, r.stderr).toBe(1);
    expect(verdicts(r.stdout)).toEqual([
      `podsec-check: ${dir}/clean-pod.yaml: ok`,
      `podsec-check: ${dir}/privileged-deployment.yaml: findings over --fail-on fail`,
      `podsec-check: ${dir}/restricted-psp.yaml: ok`,
      'podsec-check: 3 file(s) checked, 1 over the threshold, 0 not checked',
    ]);
  });

  it('checks single files, JSON as application/json, and reads PODSEC_URL or --url', async () => {
    const dir = folder('single', ['privileged-deployment.yaml']);
    const json = join(dir, 'pod.json');
    writeFileSync(json, JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostPID: true, containers: [{ name: 'c', image: 'nginx' }] } }));
    const r = await run(['--url', url, '--fail-on=fail', json], { PODSEC_URL: 'http://127.0.0.1:1' });
    expect(r.code, r.stderr).toBe(1);
    expect(verdicts(r.stdout)).toEqual([`podsec-check: ${json}: findings over --fail-on fail`, 'podsec-check: 1 file(s) checked, 1 over the threshold, 0 not checked']);
  });

  it('exit 2 when the server cannot read a file (invalid PodSecurityPolicy), after checking the rest', async () => {
    const dir = folder('invalid', ['clean-pod.yaml', 'invalid-psp.yaml']);
    const r = await run([dir]);
    expect(r.code).toBe(2);
    expect(verdicts(r.stdout)).toEqual([`podsec-check: ${dir}/clean-pod.yaml: ok`, 'podsec-check: 2 file(s) checked, 0 over the threshold, 1 not checked']);
    expect(lines(r.stderr)).toContain(
      `podsec-check: ${dir}/invalid-psp.yaml: not checked: HTTP 422: The apiserver would reject a field of the PodSecurityPolicies in the request (broken); invalid policies are never evaluated.`,
    );
  });

  it('exit 2 on a usage error: no path, unknown option, missing path, folder without manifests', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty, { recursive: true });
    for (const [args, message] of [
      [[], 'podsec-check: no manifest file or folder given'],
      [['--frobnicate', manifests], 'podsec-check: unknown option --frobnicate'],
      [[join(work, 'nowhere')], `podsec-check: no such file or folder: ${join(work, 'nowhere')}`],
      [[empty], `podsec-check: no *.yaml, *.yml or *.json file in ${empty}`],
      [['--fail-on'], 'podsec-check: --fail-on needs a value'],
    ] as const) {
      const r = await run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(lines(r.stderr)[0]).toBe(message);
      expect(r.stderr).toContain('usage: podsec-check');
    }
  });

  it('exit 2 when the server refuses the query (unknown --benchmark, --fail-on), before any verdict', async () => {
    const dir = folder('query', ['clean-pod.yaml']);
    for (const [args, path] of [
      [['--benchmark', 'cis-0.1'], 'query.benchmark'],
      [['--fail-on', 'critical'], 'query.failOn'],
      [['--level', 'strict'], 'query.level'],
    ] as const) {
      const r = await run([...args, dir]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(verdicts(r.stdout)).toEqual([]);
      expect(lines(r.stderr)[0]?.startsWith(`podsec-check: ${path}: `), r.stderr).toBe(true);
    }
  });

  it('exit 2 when the URL is not a podsec server (404 on /v1/evaluate)', async () => {
    const dir = folder('not-podsec', ['clean-pod.yaml']);
    const r = await run(['--url', `${url}/somewhere/else/`, dir]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`podsec-check: ${url}/somewhere/else has no POST /v1/evaluate: is it a podsec server (0.1.0 or later)?`]);
  });

  it('exit 2 when the server is unreachable', async () => {
    const dir = folder('unreachable', ['clean-pod.yaml']);
    const r = await run([dir], { PODSEC_URL: 'http://127.0.0.1:1' });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toContain('podsec-check: cannot reach http://127.0.0.1:1 (curl exit 7)');
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toBe('usage: podsec-check [--url URL] [--fail-on LIST] [--benchmark NAME] [--level LEVEL] [--pss-version VERSION] PATH...');
  });

  it('prints the server text report: one `file:line:` line per finding, then the summary line', async () => {
    const dir = folder('report', ['privileged-deployment.yaml']);
    const file = `${dir}/privileged-deployment.yaml`;
    const r = await run(['--fail-on', 'high', '--pss-version', 'v1.30', '--level', 'baseline', dir]);
    expect(r.code, r.stderr).toBe(1);
    const report = lines(r.stdout).filter((l) => !l.startsWith('podsec-check: '));
    expect(report).toContain(
      `${file}:2: high cis/privileged (5.2.2) Deployment/shop/web spec.template.spec.containers[0].securityContext.privileged: container "app" sets securityContext.privileged=true`,
    );
    expect(report).toContain(
      `${file}:2: high pss/privileged (baseline:v1.30) Deployment/shop/web spec.template.spec: privileged (container "app" must not set securityContext.privileged=true)`,
    );
    for (const l of report.slice(0, -1)) expect(l.startsWith(`${file}:2: `), l).toBe(true);
    expect(report.at(-1)).toMatch(/^summary: objects=1 policies=0 skipped=0 findings=\d+ .* failOn=high crossed=high$/);
  });
});
