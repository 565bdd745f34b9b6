/**
 * POST /v1/admission and GET /v1/policies/examples: the Kubernetes documentation's example
 * (restricted and privileged PSPs with a privileged pod and a plain pod), spec psp-admission.md §3.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_POLICIES } from '../../src/psp';
import { api, postJson, postYaml } from '../helpers/http';

const plain = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pause', namespace: 'psp-example' }, spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause' }] } };
const privileged = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'privileged', namespace: 'psp-example' }, spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause', securityContext: { privileged: true } }] } };
const SECCOMP_DENIALS =
  'pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Forbidden:  is not an allowed seccomp profile. Valid values are docker/default,runtime/default ' +
  'pod.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/pause]: Forbidden:  is not an allowed seccomp profile. Valid values are docker/default,runtime/default';

interface Result { allowed: boolean; policy: string | null; pod?: { metadata: { annotations?: Record<string, string> } }; patch: unknown[]; reason?: string; evaluations: Array<{ policy: string; usable: boolean; allowed: boolean; mutating: boolean; violations: Array<{ message: string }> }>; auditAnnotations?: Record<string, string> }

describe('POST /v1/admission: the Kubernetes documentation example', () => {
  it('§3.3: with restricted and privileged usable, a plain pod is admitted unchanged by privileged (non-mutating, first by name)', async () => {
    const res = await postJson('/v1/admission', { pod: plain, policies: [EXAMPLE_POLICIES.restricted, EXAMPLE_POLICIES.privileged] });
    expect(res.status).toBe(200);
    const r = (await res.json()) as Result;
    expect(r.allowed).toBe(true);
    expect(r.policy).toBe('privileged');
    expect(r.patch).toEqual([{ op: 'add', path: '/metadata/annotations', value: { 'kubernetes.io/psp': 'privileged' } }]);
    expect(r.pod).toEqual({ ...plain, metadata: { ...plain.metadata, annotations: { 'kubernetes.io/psp': 'privileged' } } });
    expect(r.evaluations).toEqual([{ policy: 'privileged', usable: true, allowed: true, mutating: false, violations: [] }]);
    expect(r.auditAnnotations).toEqual({ 'podsecuritypolicy.policy.k8s.io/admit-policy': 'privileged' });
  });

  it('§3.6: with only restricted usable, the privileged pod is refused with the apiserver\'s whole message', async () => {
    const res = await postJson('/v1/admission', { pod: privileged, policies: [EXAMPLE_POLICIES.restricted, EXAMPLE_POLICIES.privileged], usablePolicies: ['restricted'] });
    expect(res.status).toBe(200);
    const r = (await res.json()) as Result;
    expect(r.allowed).toBe(false);
    expect(r.policy).toBeNull();
    expect(r.patch).toEqual([]);
    expect(r.pod).toBeUndefined();
    expect(r.reason).toBe(
      `pods "privileged" is forbidden: PodSecurityPolicy: unable to admit pod: [${SECCOMP_DENIALS} spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed]`,
    );
    // §3.6: the unusable privileged policy contributes nothing to the message.
    expect(r.evaluations.map((e) => [e.policy, e.usable, e.allowed])).toEqual([['privileged', false, true], ['restricted', true, false]]);
  });

  it('§3.6: no usable policy at all gives the empty list', async () => {
    const r = (await (await postJson('/v1/admission', { pod: plain, policies: [EXAMPLE_POLICIES.restricted], usablePolicies: [] })).json()) as Result;
    expect(r.reason).toBe('pods "pause" is forbidden: PodSecurityPolicy: unable to admit pod: []');
  });

  it('§3.5/§10.3: UPDATE never mutates: a policy that admits only after defaulting is skipped without an error', async () => {
    const nonRoot = { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'nonroot' }, spec: { runAsUser: { rule: 'MustRunAsNonRoot' }, seLinux: { rule: 'RunAsAny' }, supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' }, volumes: ['*'] } };
    const create = (await (await postJson('/v1/admission', { pod: plain, policies: [nonRoot] })).json()) as Result;
    expect(create.policy).toBe('nonroot');
    expect(create.patch).toContainEqual({ op: 'add', path: '/spec/containers/0/securityContext', value: { runAsNonRoot: true } });
    const update = (await (await postJson('/v1/admission', { pod: plain, policies: [nonRoot], operation: 'UPDATE', oldPod: { ...plain, spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.9' }] } } })).json()) as Result;
    expect(update.allowed).toBe(false);
    expect(update.reason).toBe('pods "pause" is forbidden: PodSecurityPolicy: unable to validate pod: []');
  });

  it('a YAML stream: policies and several pod-bearing objects give one result each, in order', async () => {
    const yaml = `${JSON.stringify(EXAMPLE_POLICIES.restricted)}\n---\n${JSON.stringify(EXAMPLE_POLICIES.privileged)}\n---\n${JSON.stringify(plain)}\n---\n${JSON.stringify(privileged)}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: app, image: nginx, securityContext: {privileged: true}}]\n`;
    const res = await postYaml('/v1/admission', yaml);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: Array<Result & { object: { kind: string; name: string; document: number } }> };
    expect(body.results.map((r) => [r.object.kind, r.object.name, r.object.document, r.allowed, r.policy])).toEqual([
      ['Pod', 'pause', 2, true, 'privileged'],
      ['Pod', 'privileged', 3, true, 'privileged'],
      ['Deployment', 'web', 4, true, 'privileged'],
    ]);
    // For a workload, pod and patch are for the pod template.
    expect(body.results[2]!.patch).toEqual([{ op: 'add', path: '/metadata/annotations', value: { 'kubernetes.io/psp': 'privileged' } }]);
    expect(Object.keys(body.results[2]!.pod!)).toEqual(['metadata', 'spec']);
  });
});

describe('GET /v1/policies/examples', () => {
  it('answers the documentation\'s three PSPs as JSON', async () => {
    const res = await api('/v1/policies/examples');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { policies: Array<{ metadata: { name: string } }> };
    expect(body.policies.map((p) => p.metadata.name)).toEqual(['privileged', 'baseline', 'restricted']);
  });

  it('answers a YAML stream that POST /v1/admission reads back', async () => {
    const res = await api('/v1/policies/examples?names=restricted,privileged&format=yaml');
    expect(res.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    const yaml = new TextDecoder().decode(await res.arrayBuffer());
    expect(yaml.startsWith('apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\n')).toBe(true);
    const admitted = (await (await postYaml('/v1/admission', `${yaml}---\n${JSON.stringify(privileged)}\n`)).json()) as { results: Result[] };
    expect(admitted.results.map((r) => r.policy)).toEqual(['privileged']);
  });

  it('an unknown name is a 400', async () => {
    expect((await api('/v1/policies/examples?names=strict')).status).toBe(400);
  });
});
