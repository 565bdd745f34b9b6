/**
 * POST /v1/findings and GET /v1/benchmarks through the Worker (spec cis-5.2.md).
 * The acceptance scenario of issue 2: a YAML stream with a Deployment, a CronJob with an init
 * container, a bare Pod, two PSPs and a Service.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import stream from '../fixtures/http/acceptance-stream.yaml?raw';
import { api, postJson, postYaml, problemOf } from '../helpers/http';

interface Finding { path: string; container?: string; reason: string; message: string; remediation: string; inheritedFrom?: string }
interface Control { id: string; key: string; title: string; assessment: string | null; status: string; findings: Finding[]; notes: Array<{ code: string }> }
interface FindingsBody {
  benchmark: { name: string; section: string; group: string };
  objects: Array<{ object: Record<string, unknown>; controls: Control[] }>;
  policySet: null | { policies: Array<Record<string, unknown>>; controls: Array<Control & { quantifier: string | null; satisfiedBy: string[]; policies: Array<{ policy: string; status: string }> }> };
  skipped: Array<{ object: Record<string, unknown>; reason: string }>;
  notes: Array<{ code: string; message: string }>;
}

const statuses = (controls: Control[]) => Object.fromEntries(controls.map((c) => [c.id, c.status]));

describe('POST /v1/findings: the acceptance stream under cis-1.24', () => {
  let body: FindingsBody;
  beforeAll(async () => {
    const res = await postYaml('/v1/findings?benchmark=cis-1.24', stream);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    body = (await res.json()) as FindingsBody;
  });

  it('names the benchmark and identifies each object by kind, name, document and line', () => {
    expect(body.benchmark).toMatchObject({ name: 'cis-1.24', section: '5.2', group: 'Pod Security Standards' });
    expect(body.objects.map((o) => o.object)).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web', document: 0, line: 1 },
      { apiVersion: 'batch/v1', kind: 'CronJob', namespace: 'shop', name: 'backup', document: 1, line: 22 },
      { apiVersion: 'v1', kind: 'Pod', namespace: null, name: 'debug', document: 2, line: 45 },
    ]);
    expect(body.skipped).toEqual([
      { object: { apiVersion: 'v1', kind: 'Service', namespace: null, name: 'web', document: 5, line: 86 }, reason: 'kind Service has no pod spec to evaluate' },
    ]);
  });

  it('§7 worked example 2: the hostNetwork Deployment fails 5.2.5 and 5.2.9 only', () => {
    expect(statuses(body.objects[0]!.controls)).toEqual({
      '5.2.1': 'manual', '5.2.2': 'pass', '5.2.3': 'pass', '5.2.4': 'pass', '5.2.5': 'fail', '5.2.6': 'pass', '5.2.7': 'pass',
      '5.2.8': 'pass', '5.2.9': 'fail', '5.2.10': 'pass', '5.2.11': 'pass', '5.2.12': 'pass', '5.2.13': 'pass',
    });
    const added = body.objects[0]!.controls.find((c) => c.id === '5.2.9')!;
    expect(added.findings.map((f) => [f.path, f.reason])).toEqual([['spec.template.spec.containers[0].securityContext.capabilities.add', 'capabilities-added']]);
  });

  it('§4.1/§4.2: the CronJob is judged on its job template, init container first, with object paths', () => {
    const controls = body.objects[1]!.controls;
    const privileged = controls.find((c) => c.key === 'privileged')!;
    expect(privileged).toMatchObject({ id: '5.2.2', status: 'fail', title: 'Minimize the admission of privileged containers', assessment: 'Manual' });
    expect(privileged.findings.map((f) => [f.path, f.container])).toEqual([['spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.privileged', 'prepare']]);
    const root = controls.find((c) => c.key === 'root')!;
    expect(root.status).toBe('fail');
    expect(root.findings.map((f) => [f.container, f.reason])).toEqual([['prepare', 'unverified-user']]);
  });

  it('§7 worked example 1: a bare pod with no securityContext', () => {
    expect(statuses(body.objects[2]!.controls)).toEqual({
      '5.2.1': 'manual', '5.2.2': 'pass', '5.2.3': 'pass', '5.2.4': 'pass', '5.2.5': 'pass', '5.2.6': 'pass', '5.2.7': 'fail',
      '5.2.8': 'fail', '5.2.9': 'pass', '5.2.10': 'fail', '5.2.11': 'pass', '5.2.12': 'pass', '5.2.13': 'pass',
    });
    const escalation = body.objects[2]!.controls.find((c) => c.id === '5.2.6')!;
    expect(escalation.notes.map((n) => n.code)).toContain('escalation-unset');
  });

  it('§5: the PSP set, at least one policy satisfying, added capabilities universal', () => {
    expect(body.policySet!.policies.map((p) => p.name)).toEqual(['restricted', 'privileged']);
    const set = Object.fromEntries(body.policySet!.controls.map((c) => [c.key, [c.status, c.quantifier, c.satisfiedBy]]));
    expect(set['privileged']).toEqual(['pass', 'exists', ['restricted']]);
    expect(set['added-capabilities']).toEqual(['fail', 'all', ['restricted']]);
    expect(set['windows-hostprocess']).toEqual(['notApplicable', null, []]);
  });

  it('lists every decision point as a note', () => {
    expect(body.notes.length).toBeGreaterThan(10);
    for (const n of body.notes) expect(n.message.length).toBeGreaterThan(0);
  });
});

describe('POST /v1/findings: benchmarks and options', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'x', securityContext: { privileged: true } }] } };

  it('defaults to the newest CIS Kubernetes benchmark (cis-1.12, 5.2.2 privileged)', async () => {
    const res = await postJson('/v1/findings', pod);
    const body = (await res.json()) as FindingsBody;
    expect(body.benchmark.name).toBe('cis-1.12');
    expect(body.objects[0]!.controls.find((c) => c.key === 'privileged')!.id).toBe('5.2.2');
    expect(body.objects[0]!.controls.some((c) => c.key === 'added-capabilities')).toBe(false);
    expect(body.policySet).toBeNull();
  });

  it('§2.1: the same control has the benchmark\'s own ID (5.2.1 under cis-1.20, 4.2.1 under eks-1.5.0)', async () => {
    for (const [benchmark, id] of [['cis-1.20', '5.2.1'], ['eks-1.5.0', '4.2.1'], ['cis-1.24', '5.2.2']] as const) {
      const body = (await (await postJson(`/v1/findings?benchmark=${benchmark}`, pod)).json()) as FindingsBody;
      expect(body.objects[0]!.controls.find((c) => c.key === 'privileged')!.id).toBe(id);
    }
  });

  it('an unknown benchmark is a 400 listing the valid names', async () => {
    const res = await postJson('/v1/findings?benchmark=cis-9.9', pod);
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.type).toBe('urn:podsec:problem:invalid-query');
    expect(p.errors![0]!.path).toBe('query.benchmark');
    expect(p.allowed).toContain('cis-1.12');
    expect(p.allowed).toContain('eks-1.8.0');
    expect(p.allowed).toContain('ack-1.0');
  });

  it('§4.2 containerScope=containers ignores init containers, as kube-bench does', async () => {
    const withInit = { ...pod, spec: { initContainers: [{ name: 'init', image: 'x', securityContext: { privileged: true } }], containers: [{ name: 'app', image: 'x' }] } };
    const all = (await (await postJson('/v1/findings?benchmark=cis-1.24', withInit)).json()) as FindingsBody;
    const only = (await (await postJson('/v1/findings?benchmark=cis-1.24&containerScope=containers', withInit)).json()) as FindingsBody;
    expect(all.objects[0]!.controls.find((c) => c.key === 'privileged')!.status).toBe('fail');
    expect(only.objects[0]!.controls.find((c) => c.key === 'privileged')!.status).toBe('pass');
  });

  it('an invalid PodSecurityPolicy in the body is a 422 with the apiserver\'s message', async () => {
    const psp = { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'bad' }, spec: { runAsUser: { rule: 'Sometimes' }, seLinux: { rule: 'RunAsAny' }, supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' } } };
    const res = await postJson('/v1/findings', [pod, psp]);
    expect(res.status).toBe(422);
    const p = await problemOf(res);
    expect(p.type).toBe('urn:podsec:problem:invalid-policy');
    expect(p.errors).toEqual([
      { path: 'spec.runAsUser.rule', message: 'spec.runAsUser.rule: Unsupported value: "Sometimes": supported values: "MustRunAs", "MustRunAsNonRoot", "RunAsAny"', object: 'PodSecurityPolicy/bad', document: 1 },
    ]);
  });
});

describe('GET /v1/benchmarks', () => {
  it('lists every benchmark with its Kubernetes versions and controls', async () => {
    const res = await api('/v1/benchmarks');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { default: string; benchmarks: Array<{ name: string; kubernetesVersions: string[] | null; controls: Array<{ id: string; key: string }> }> };
    expect(body.default).toBe('cis-1.12');
    const names = body.benchmarks.map((b) => b.name);
    for (const n of ['cis-1.5', 'cis-1.6', 'cis-1.20', 'cis-1.23', 'cis-1.24', 'cis-1.7', 'cis-1.8', 'cis-1.9', 'cis-1.10', 'cis-1.11', 'cis-1.12', 'eks-1.0.1', 'eks-1.8.0', 'gke-1.0', 'gke-1.9.0', 'aks-1.0', 'aks-1.8', 'ack-1.0']) {
      expect(names).toContain(n);
    }
    const cis112 = body.benchmarks.find((b) => b.name === 'cis-1.12')!;
    expect(cis112.kubernetesVersions).toEqual(['1.32', '1.33', '1.34']);
    expect(cis112.controls.map((c) => c.id)).toEqual(['5.2.1', '5.2.2', '5.2.3', '5.2.4', '5.2.5', '5.2.6', '5.2.7', '5.2.8', '5.2.9', '5.2.10', '5.2.11', '5.2.12']);
  });
});
