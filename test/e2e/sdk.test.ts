/**
 * The typed SDK (sdk/index.ts over sdk/schema.d.ts, generated from openapi/openapi.json) drives
 * every operation of the deployable bundle in Miniflare. The calls are typed: `npm run typecheck`
 * compiles this file against the generated types, so a route whose document changes shape breaks
 * here at compile time, and a document that misdescribes the answers breaks here at run time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Miniflare } from 'miniflare';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startBundle } from './bundle';
import { createPodsecClient, YAML, type PodsecClient, type Problem, type Schemas } from '../../sdk';

const root = resolve(import.meta.dirname, '../..');
const manifest = (name: string) => readFileSync(resolve(root, 'test/fixtures/contract/manifests', name), 'utf8');

let mf: Miniflare;
let podsec: PodsecClient;
let served: { paths: Record<string, Record<string, unknown>> };

beforeAll(async () => {
  const started = await startBundle();
  mf = started.mf;
  podsec = createPodsecClient(started.url);
  served = (await (await fetch(new URL('/openapi.json', started.url))).json()) as typeof served;
});
afterAll(async () => {
  await mf?.dispose();
});

const PRIVILEGED_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'shop' },
  spec: { containers: [{ name: 'c', image: 'nginx', securityContext: { privileged: true } }] },
};

const RESTRICTED_PSP = {
  apiVersion: 'policy/v1beta1',
  kind: 'PodSecurityPolicy',
  metadata: { name: 'restricted' },
  spec: { privileged: false, runAsUser: { rule: 'MustRunAsNonRoot' }, seLinux: { rule: 'RunAsAny' }, supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' } },
};

/** Operations this file drives through the SDK; the served document must list exactly these. */
const DRIVEN = [
  'GET /healthz',
  'GET /v1/benchmarks',
  'POST /v1/findings',
  'POST /v1/admission',
  'GET /v1/policies/examples',
  'POST /v1/pss',
  'POST /v1/migration',
  'POST /v1/evaluate',
  'POST /v1/admissionreview',
] as const;

describe('the generated SDK against the bundle (issue 5)', () => {
  it('sdk/schema.d.ts is what `npm run sdk` generates from openapi/openapi.json', async () => {
    const result = await new Promise<{ code: number; out: string }>((done) =>
      execFile(process.execPath, [resolve(root, 'scripts/sdk.mjs'), '--check'], { cwd: root }, (err, stdout, stderr) =>
        done({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
      ),
    );
    expect(result.out.trim()).toBe('sdk/schema.d.ts is up to date.');
    expect(result.code).toBe(0);
  });

  it('drives every operation of the served document', () => {
    const listed = Object.entries(served.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(listed.filter((op) => !(DRIVEN as readonly string[]).includes(op)), 'operations without an SDK call in test/e2e/sdk.test.ts').toEqual([]);
    expect(DRIVEN.filter((op) => !listed.includes(op)), 'SDK calls for operations the document no longer lists').toEqual([]);
  });

  it('GET /healthz', async () => {
    const { data, error, response } = await podsec.GET('/healthz');
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.status).toBe('ok');
    expect(data?.service).toBe('podsec');
  });

  it('GET /v1/benchmarks: the default is one of the benchmarks', async () => {
    const { data } = await podsec.GET('/v1/benchmarks');
    const names = data?.benchmarks.map((b) => b.name) ?? [];
    expect(names).toContain(data?.default);
    expect(data?.benchmarks.every((b) => b.controls.length > 0)).toBe(true);
  });

  it('POST /v1/findings, JSON body and typed query: the privileged container fails 5.2.2', async () => {
    const { data, error } = await podsec.POST('/v1/findings', { params: { query: { benchmark: 'cis-1.8', containerScope: 'all' } }, body: PRIVILEGED_POD });
    expect(error).toBeUndefined();
    expect(data?.benchmark.name).toBe('cis-1.8');
    const privileged = data?.objects[0]?.controls.find((c) => c.key === 'privileged');
    expect(privileged?.status).toBe('fail');
    expect(privileged?.findings.map((f) => f.path)).toEqual(['spec.containers[0].securityContext.privileged']);
    expect(data?.policySet).toBeNull();
  });

  it('POST /v1/findings, YAML stream (headers: YAML): objects in order, the PSP set evaluated', async () => {
    const body = [manifest('clean-pod.yaml'), manifest('restricted-psp.yaml')].join('---\n');
    const { data } = await podsec.POST('/v1/findings', { body, headers: YAML });
    expect(data?.objects.map((o) => `${o.object.kind}/${o.object.name}`)).toEqual(['Pod/clean']);
    expect(data?.policySet?.policies.map((p) => p.name)).toEqual(['restricted']);
  });

  it('POST /v1/findings, a wrong field type: the typed error is the 422 Problem', async () => {
    const { data, error, response } = await podsec.POST('/v1/findings', { body: JSON.parse(manifest('wrong-types.json')) as Schemas['KubernetesObject'] });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem: Problem | undefined = error;
    expect(problem).toEqual({
      type: 'urn:podsec:problem:invalid-object',
      title: 'Invalid object',
      status: 422,
      detail: 'expected boolean, got string "true" at spec.containers[0].securityContext.privileged',
      errors: [{ path: 'spec.containers[0].securityContext.privileged', message: 'expected boolean, got string "true"' }],
    });
  });

  it('POST /v1/admission, JSON request: the restricted policy rejects the privileged pod', async () => {
    const { data, error } = await podsec.POST('/v1/admission', { body: { pod: PRIVILEGED_POD, policies: [RESTRICTED_PSP], operation: 'CREATE' } });
    expect(error).toBeUndefined();
    // JSON body → one AdmissionResult; the response type is the union with the YAML-stream answer.
    if (!data || !('allowed' in data)) throw new Error(`expected one AdmissionResult, got ${JSON.stringify(data)}`);
    expect(data.allowed).toBe(false);
    expect(data.reason).toBe(
      'pods "p" is forbidden: PodSecurityPolicy: unable to admit pod: [spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed]',
    );
  });

  it('POST /v1/admission, YAML stream: one result per pod-bearing object', async () => {
    const body = [manifest('restricted-psp.yaml'), manifest('clean-pod.yaml'), manifest('privileged-deployment.yaml')].join('---\n');
    const { data } = await podsec.POST('/v1/admission', { body, headers: YAML });
    if (!data || !('results' in data)) throw new Error(`expected {results}, got ${JSON.stringify(data)}`);
    expect(data.results.map((r) => [r.object?.name, r.allowed])).toEqual([
      ['clean', true],
      ['web', false],
    ]);
  });

  it('POST /v1/pss, typed level and version: minimum level per object', async () => {
    const body = [manifest('clean-pod.yaml'), manifest('privileged-deployment.yaml')].join('---\n');
    const { data } = await podsec.POST('/v1/pss', { params: { query: { level: 'baseline', version: 'v1.30' } }, body, headers: YAML });
    expect(data?.level).toBe('baseline');
    expect(data?.objects.map((o) => [o.object.name, o.allowed, o.minimumLevel])).toEqual([
      ['clean', true, 'restricted'],
      ['web', false, 'privileged'],
    ]);
  });

  it('POST /v1/pss, a level outside the enum: a compile error, and a 400 Problem at run time', async () => {
    // @ts-expect-error `strict` is not a PssLevel: the generated types refuse it.
    const { error, response } = await podsec.POST('/v1/pss', { params: { query: { level: 'strict' } }, body: PRIVILEGED_POD });
    expect(response.status).toBe(400);
    expect(error?.type).toBe('urn:podsec:problem:invalid-query');
  });

  it('GET /v1/policies/examples: the documentation\'s policies, as JSON and as YAML text', async () => {
    const { data } = await podsec.GET('/v1/policies/examples', { params: { query: { names: 'restricted' } } });
    expect(data?.policies.map((p) => [p.kind, p.metadata?.name])).toEqual([['PodSecurityPolicy', 'restricted']]);
    const yaml = await podsec.GET('/v1/policies/examples', { params: { query: { names: 'restricted', format: 'yaml' } }, parseAs: 'text' });
    expect(yaml.response.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(yaml.data).toMatch(/^apiVersion: policy\/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\n/);
  });

  it('POST /v1/migration, typed version: the restricted PSP and its workloads', async () => {
    const body = [manifest('restricted-psp.yaml'), manifest('clean-pod.yaml'), manifest('privileged-deployment.yaml')].join('---\n');
    const { data, error } = await podsec.POST('/v1/migration', { params: { query: { version: 'v1.25' } }, body, headers: YAML });
    expect(error).toBeUndefined();
    expect(data?.resolvedVersion).toBe('v1.25');
    expect(data?.policies.map((p) => p.policy)).toEqual(['restricted']);
    expect(data?.workloads?.map((w) => w.object.name)).toEqual(['clean', 'web']);
  });

  it('POST /v1/evaluate, JSON: the report and its failOn verdict', async () => {
    const { data, error, response } = await podsec.POST('/v1/evaluate', { params: { query: { failOn: 'high', format: 'json' } }, body: manifest('clean-pod.yaml'), headers: YAML });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    // The 200 body is EvaluateResponse | SarifLog (both JSON); format=json picks the first.
    const report = data as Schemas['EvaluateResponse'] | undefined;
    expect(report?.failOn).toEqual({ conditions: ['high'], crossed: [] });
    expect(report?.summary.findings).toBe(0);
  });

  it('POST /v1/evaluate, failOn crossed: 422, and the typed error still carries the whole report', async () => {
    const { data, error, response } = await podsec.POST('/v1/evaluate', { params: { query: { failOn: 'high', source: 'deploy/web.yaml' } }, body: manifest('privileged-deployment.yaml'), headers: YAML });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    // The 422 body is the report (EvaluateResponse | SarifLog) or a Problem; here, the JSON report.
    const report = error as Schemas['EvaluateResponse'] | undefined;
    expect(report?.failOn).toEqual({ conditions: ['high'], crossed: ['high'] });
    expect(report?.source).toBe('deploy/web.yaml');
  });

  it('POST /v1/evaluate, format=text with parseAs: the terminal report', async () => {
    const { data, response } = await podsec.POST('/v1/evaluate', { params: { query: { format: 'text' } }, body: manifest('clean-pod.yaml'), headers: YAML, parseAs: 'text' });
    expect(response.status).toBe(200);
    expect(data).toBe('summary: objects=1 policies=0 skipped=0 findings=0 high=0 medium=0 low=0 cis.fail=0 pss.forbidden=0 psp.denied=- failOn=none crossed=none\n');
  });

  it('POST /v1/admissionreview: an AdmissionReview answer with the request uid', async () => {
    const uid = '705ab4f5-6393-11e8-b7cc-42010a800002';
    const { data } = await podsec.POST('/v1/admissionreview', {
      body: {
        apiVersion: 'admission.k8s.io/v1',
        kind: 'AdmissionReview',
        request: {
          uid,
          kind: { group: '', version: 'v1', kind: 'Pod' },
          resource: { group: '', version: 'v1', resource: 'pods' },
          namespace: 'shop',
          operation: 'CREATE',
          userInfo: { username: 'admin' },
          object: PRIVILEGED_POD,
        },
      },
    });
    expect(data?.kind).toBe('AdmissionReview');
    expect(data?.response.uid).toBe(uid);
    expect(typeof data?.response.allowed).toBe('boolean');
  });

  it('a string body without a YAML content type is refused before it is sent', async () => {
    await expect(podsec.POST('/v1/findings', { body: manifest('clean-pod.yaml') })).rejects.toThrow(
      'podsec: a string body is a YAML stream; send it with `headers: YAML` (content-type: application/yaml).',
    );
  });
});
