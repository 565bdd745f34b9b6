/**
 * POST /v1/admissionreview replayed with AdmissionReview requests exactly as a kube-apiserver sends
 * them (test/fixtures/admission-review). Spec sections: psp-admission.md §3 (PSP), and
 * pod-security-standards.md §1.4, §3.1 (PSA wording). Behaviour verified against
 * pod-security-admission admission/admission.go and apiserver webhook/request/admissionreview.go.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import podCreate from '../fixtures/admission-review/pod-create.json';
import podCreateDryRun from '../fixtures/admission-review/pod-create-dry-run.json';
import podCreateV1beta1 from '../fixtures/admission-review/pod-create-v1beta1.json';
import podCreatePrivileged from '../fixtures/admission-review/pod-create-privileged.json';
import podCreateGenerateName from '../fixtures/admission-review/pod-create-generate-name-privileged.json';
import podUpdateLabels from '../fixtures/admission-review/pod-update-labels.json';
import podUpdateImage from '../fixtures/admission-review/pod-update-image.json';
import podStatusUpdate from '../fixtures/admission-review/pod-status-update.json';
import podEphemeral from '../fixtures/admission-review/pod-ephemeralcontainers-update.json';
import deploymentCreate from '../fixtures/admission-review/deployment-create-privileged.json';
import deploymentScale from '../fixtures/admission-review/deployment-scale-update.json';
import policies from '../fixtures/admission-review/policies.json';

const app = createApp();
type Env = Record<string, string>;

interface Answer {
  apiVersion: string;
  kind: string;
  response: {
    uid: string;
    allowed: boolean;
    status?: { metadata: object; status: string; message: string; reason: string; code: number; details?: { name?: string; kind: string } };
    patchType?: string;
    patch?: string;
    warnings?: string[];
    auditAnnotations?: Record<string, string>;
  };
}

async function send(body: unknown, env: Env, mode?: string): Promise<{ res: Response; answer: Answer }> {
  const path = '/v1/admissionreview' + (mode ? `?mode=${mode}&timeout=10s` : '?timeout=10s');
  const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }, env);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { res, answer: (await res.json()) as Answer };
}

/** RFC 6902 add/replace/remove, as the apiserver applies a webhook's patch. */
function applyPatch(doc: unknown, ops: Array<{ op: string; path: string; value?: unknown }>): unknown {
  const root = structuredClone(doc) as Record<string, unknown>;
  for (const op of ops) {
    const tokens = op.path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = tokens.pop()!;
    let parent: any = root;
    for (const t of tokens) parent = parent[t];
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'add') parent.splice(i, 0, op.value);
      else if (op.op === 'replace') parent[i] = op.value;
      else parent.splice(i, 1);
    } else if (op.op === 'remove') {
      delete parent[last];
    } else {
      if (op.op === 'replace' && !(last in parent)) throw new Error(`replace of a missing member ${op.path}`);
      parent[last] = op.value;
    }
  }
  return root;
}

function decodePatch(b64: string): Array<{ op: string; path: string; value?: unknown }> {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

const RESTRICTED_WARNING =
  'would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
const RESTRICTED_PRIVILEGED =
  'would violate PodSecurity "restricted:latest": privileged (container "app" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
const PSP_PRIVILEGED_ERRORS = '[spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed]';

const PSP_ONLY: Env = { PODSEC_POLICIES: policies.restricted };
const PSS_BASELINE: Env = { PODSEC_PSS_LEVEL: 'baseline' };
const BOTH: Env = { PODSEC_PSS_LEVEL: 'baseline', PODSEC_POLICIES: policies.restrictedAndPrivileged };

describe('POST /v1/admissionreview?mode=mutating: the PSP plugin mutating phase (psp-admission §3.5)', () => {
  it('§3.5 CREATE: the policy defaults become a base64 JSONPatch that turns the sent pod into the admitted one', async () => {
    const { answer } = await send(podCreate, PSP_ONLY, 'mutating');
    expect(answer.apiVersion).toBe('admission.k8s.io/v1');
    expect(answer.kind).toBe('AdmissionReview');
    expect(answer.response.uid).toBe(podCreate.request.uid);
    expect(answer.response.allowed).toBe(true);
    expect(answer.response.status).toBeUndefined();
    expect(answer.response.patchType).toBe('JSONPatch');
    expect(answer.response.auditAnnotations).toEqual({ 'admit-policy': 'restricted' });
    const ops = decodePatch(answer.response.patch!);
    expect(ops).toEqual([
      { op: 'add', path: '/metadata/annotations', value: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default', 'kubernetes.io/psp': 'restricted' } },
      { op: 'add', path: '/spec/containers/0/securityContext', value: { runAsNonRoot: true, capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false } },
      { op: 'add', path: '/spec/securityContext/supplementalGroups', value: [1] },
      { op: 'add', path: '/spec/securityContext/fsGroup', value: 1 },
    ]);
    const patched = applyPatch(podCreate.request.object, ops) as typeof podCreate.request.object & { metadata: { annotations: Record<string, string> } };
    expect(patched.metadata.annotations['kubernetes.io/psp']).toBe('restricted');
    expect(patched.spec.securityContext).toEqual({ supplementalGroups: [1], fsGroup: 1 });
    // Everything the apiserver sent and the policy did not touch is left alone.
    expect({ ...patched, metadata: { ...patched.metadata, annotations: undefined }, spec: { ...patched.spec, securityContext: {}, containers: patched.spec.containers.map((c) => ({ ...c, securityContext: undefined })) } }).toEqual({
      ...podCreate.request.object,
      metadata: { ...podCreate.request.object.metadata, annotations: undefined },
      spec: { ...podCreate.request.object.spec, containers: podCreate.request.object.spec.containers.map((c) => ({ ...c, securityContext: undefined })) },
    });
  });

  it('§3.5 the patched pod passes the validating phase unchanged, with the kubernetes.io/psp hint (validate-policy)', async () => {
    const { answer: mutated } = await send(podCreate, PSP_ONLY, 'mutating');
    const patched = applyPatch(podCreate.request.object, decodePatch(mutated.response.patch!));
    const { answer } = await send({ ...podCreate, request: { ...podCreate.request, object: patched } }, PSP_ONLY);
    expect(answer.response).toEqual({ uid: podCreate.request.uid, allowed: true, auditAnnotations: { 'validate-policy': 'restricted' } });
  });

  it('§3.6 CREATE denied: status carries the apiserver message, 403 Forbidden, no patch', async () => {
    const { answer } = await send(podCreatePrivileged, PSP_ONLY, 'mutating');
    expect(answer.response).toEqual({
      uid: podCreatePrivileged.request.uid,
      allowed: false,
      status: {
        metadata: {},
        status: 'Failure',
        message: `pods "web" is forbidden: PodSecurityPolicy: unable to admit pod: ${PSP_PRIVILEGED_ERRORS}`,
        reason: 'Forbidden',
        details: { name: 'web', kind: 'pods' },
        code: 403,
      },
    });
  });

  it('§3.6 CREATE by generateName (request.name empty): the message names the generateName', async () => {
    const { answer } = await send(podCreateGenerateName, PSP_ONLY, 'mutating');
    expect(answer.response.status!.message).toBe(`pods "web-7d4b9c6f5-" is forbidden: PodSecurityPolicy: unable to admit pod: ${PSP_PRIVILEGED_ERRORS}`);
  });

  it('§3.5 UPDATE: the mutating phase does nothing (allowed, no patch)', async () => {
    const { answer } = await send(podUpdateImage, PSP_ONLY, 'mutating');
    expect(answer.response).toEqual({ uid: podUpdateImage.request.uid, allowed: true });
  });

  it('§3.5 dry-run: the same decision and patch as the real request', async () => {
    const real = await send(podCreate, PSP_ONLY, 'mutating');
    const dry = await send(podCreateDryRun, PSP_ONLY, 'mutating');
    expect({ ...dry.answer.response, uid: '' }).toEqual({ ...real.answer.response, uid: '' });
    expect(dry.answer.response.uid).toBe(podCreateDryRun.request.uid);
  });

  it('§3.1 subresources are ignored (pods/status allowed untouched)', async () => {
    const { answer } = await send(podStatusUpdate, PSP_ONLY, 'mutating');
    expect(answer.response).toEqual({ uid: podStatusUpdate.request.uid, allowed: true });
  });

  it('workloads are never looked at by the mutating phase', async () => {
    const { answer } = await send(deploymentCreate, BOTH, 'mutating');
    expect(answer.response).toEqual({ uid: deploymentCreate.request.uid, allowed: true });
  });

  it('v1beta1 reviews are answered as v1beta1 with the patch', async () => {
    const { answer } = await send(podCreateV1beta1, PSP_ONLY, 'mutating');
    expect(answer.apiVersion).toBe('admission.k8s.io/v1beta1');
    expect(answer.response.uid).toBe(podCreateV1beta1.request.uid);
    expect(answer.response.patchType).toBe('JSONPatch');
  });
});

describe('POST /v1/admissionreview (validating): Pod Security Admission (pod-security-standards §1.4, §3.1)', () => {
  it('§3.1 enforce denies a pod: pods "<name>" is forbidden: violates PodSecurity, with enforce-policy and audit-violations', async () => {
    const { answer } = await send(podCreatePrivileged, PSS_BASELINE);
    expect(answer.response).toEqual({
      uid: podCreatePrivileged.request.uid,
      allowed: false,
      status: {
        metadata: {},
        status: 'Failure',
        message: 'pods "web" is forbidden: violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)',
        reason: 'Forbidden',
        details: { name: 'web', kind: 'pods' },
        code: 403,
      },
      auditAnnotations: { 'enforce-policy': 'baseline:latest', 'audit-violations': RESTRICTED_PRIVILEGED },
    });
  });

  it('§3.1 an allowed pod gets the warning of the level above the enforced one', async () => {
    const { answer } = await send(podCreate, PSS_BASELINE);
    expect(answer.response).toEqual({
      uid: podCreate.request.uid,
      allowed: true,
      warnings: [RESTRICTED_WARNING],
      auditAnnotations: { 'enforce-policy': 'baseline:latest', 'audit-violations': RESTRICTED_WARNING },
    });
  });

  it('§1.2 PODSEC_PSS_VERSION is kept as requested in messages', async () => {
    const { answer } = await send(podCreatePrivileged, { PODSEC_PSS_LEVEL: 'baseline', PODSEC_PSS_VERSION: 'v1.50' });
    expect(answer.response.status!.message).toBe('pods "web" is forbidden: violates PodSecurity "baseline:v1.50": privileged (container "app" must not set securityContext.privileged=true)');
    expect(answer.response.auditAnnotations!['enforce-policy']).toBe('baseline:v1.50');
  });

  it('§5 a Deployment is never denied: PSA warnings and audit only (no enforce-policy), PSP verdict on its template as a warning', async () => {
    const { answer } = await send(deploymentCreate, { PODSEC_PSS_LEVEL: 'baseline', PODSEC_POLICIES: policies.restricted });
    expect(answer.response).toEqual({
      uid: deploymentCreate.request.uid,
      allowed: true,
      warnings: [RESTRICTED_PRIVILEGED, `pods of this Deployment would be forbidden: PodSecurityPolicy: unable to admit pod: ${PSP_PRIVILEGED_ERRORS}`],
      auditAnnotations: { 'audit-violations': RESTRICTED_PRIVILEGED },
    });
  });

  it('workload subresources (deployments/scale) are allowed untouched', async () => {
    const { answer } = await send(deploymentScale, BOTH);
    expect(answer.response).toEqual({ uid: deploymentScale.request.uid, allowed: true });
  });

  it('UPDATE that changes only labels is not significant to PSA; PSP validates with the kubernetes.io/psp hint (§3.2)', async () => {
    const { answer } = await send(podUpdateLabels, BOTH);
    expect(answer.response).toEqual({ uid: podUpdateLabels.request.uid, allowed: true, auditAnnotations: { 'validate-policy': 'privileged' } });
  });

  it('UPDATE of an image is significant: PSA enforce denies the privileged pod', async () => {
    const { answer } = await send(podUpdateImage, BOTH);
    expect(answer.response.allowed).toBe(false);
    expect(answer.response.status!.message).toBe('pods "web" is forbidden: violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)');
    expect(answer.response.patch).toBeUndefined();
  });

  it('§3.5 UPDATE denied by PSP uses the validating prefix (unable to validate pod)', async () => {
    const { answer } = await send(podUpdateImage, PSP_ONLY);
    expect(answer.response.status!.message).toBe(`pods "web" is forbidden: PodSecurityPolicy: unable to validate pod: ${PSP_PRIVILEGED_ERRORS}`);
    expect(answer.response.status!.code).toBe(403);
  });

  it('pods/ephemeralcontainers is evaluated by PSA (not in its ignored subresources) and ignored by PSP', async () => {
    const { answer } = await send(podEphemeral, { PODSEC_PSS_LEVEL: 'baseline', PODSEC_POLICIES: policies.restricted });
    expect(answer.response.status!.message).toBe('pods "web" is forbidden: violates PodSecurity "baseline:latest": privileged (container "debugger-x2k9f" must not set securityContext.privileged=true)');
    const pspOnly = await send(podEphemeral, PSP_ONLY);
    expect(pspOnly.answer.response).toEqual({ uid: podEphemeral.request.uid, allowed: true });
  });

  it('pods/status is ignored by PSA and PSP', async () => {
    const { answer } = await send(podStatusUpdate, BOTH);
    expect(answer.response).toEqual({ uid: podStatusUpdate.request.uid, allowed: true });
  });

  it('dry-run: the same answer as the real request', async () => {
    const real = await send(podCreatePrivileged, PSS_BASELINE);
    const dry = await send({ ...podCreateDryRun, request: { ...podCreateDryRun.request, object: podCreatePrivileged.request.object } }, PSS_BASELINE);
    expect({ ...dry.answer.response, uid: '' }).toEqual({ ...real.answer.response, uid: '' });
  });

  it('never returns a patch (a validating webhook may not)', async () => {
    const { answer } = await send(podCreate, BOTH);
    expect(answer.response.patch).toBeUndefined();
    expect(answer.response.patchType).toBeUndefined();
  });

  it('without configuration every review is allowed', async () => {
    for (const body of [podCreatePrivileged, deploymentCreate, podUpdateImage]) {
      const { answer } = await send(body, {});
      expect(answer.response).toEqual({ uid: body.request.uid, allowed: true });
    }
  });
});

describe('POST /v1/admissionreview: malformed reviews get a well-formed refusal, never a 5xx', () => {
  const refusal = (uid: string, message: string, code = 400, reason = 'BadRequest') => ({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    response: { uid, allowed: false, status: { metadata: {}, status: 'Failure', message, reason, code } },
  });

  it('a body that is not JSON', async () => {
    const { answer } = await send('{"kind": "AdmissionReview",', PSS_BASELINE);
    expect(answer.response.uid).toBe('');
    expect(answer.response.allowed).toBe(false);
    expect(answer.response.status!.code).toBe(400);
    expect(answer.response.status!.message).toMatch(/^the body is not valid JSON: /);
  });

  it('a wrong apiVersion keeps the uid', async () => {
    const { answer } = await send({ ...podCreate, apiVersion: 'admission.k8s.io/v2' }, PSS_BASELINE);
    expect(answer).toEqual(refusal(podCreate.request.uid, 'apiVersion: expected one of "admission.k8s.io/v1", "admission.k8s.io/v1beta1", got "admission.k8s.io/v2"'));
  });

  it('a wrong kind', async () => {
    const { answer } = await send({ ...podCreate, kind: 'AdmissionRequest' }, PSS_BASELINE);
    expect(answer).toEqual(refusal(podCreate.request.uid, 'kind: expected "AdmissionReview", got "AdmissionRequest"'));
  });

  it('no request', async () => {
    const { answer } = await send({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }, PSS_BASELINE);
    expect(answer).toEqual(refusal('', 'request: expected object, got undefined'));
  });

  it('no uid', async () => {
    const { uid: _uid, ...request } = podCreate.request;
    const { answer } = await send({ ...podCreate, request }, PSS_BASELINE);
    expect(answer).toEqual(refusal('', 'request.uid: required'));
  });

  it('an unknown operation and a resource without its name', async () => {
    const { answer } = await send({ ...podCreate, request: { ...podCreate.request, operation: 'PATCH', resource: { group: '', version: 'v1' } } }, PSS_BASELINE);
    expect(answer).toEqual(refusal(podCreate.request.uid, 'malformed AdmissionReview: request.resource.resource: required; request.operation: expected one of "CREATE", "UPDATE", "DELETE", "CONNECT", got "PATCH"'));
  });

  it('wrong types in the pod are named with their path', async () => {
    const object = { ...podCreate.request.object, spec: { ...podCreate.request.object.spec, hostNetwork: 'true' } };
    const { answer } = await send({ ...podCreate, request: { ...podCreate.request, object } }, PSS_BASELINE);
    expect(answer).toEqual(refusal(podCreate.request.uid, 'malformed AdmissionReview: expected boolean, got string "true" at request.object.spec.hostNetwork'));
  });

  it('UPDATE without oldObject', async () => {
    const { answer } = await send({ ...podUpdateImage, request: { ...podUpdateImage.request, oldObject: null } }, PSS_BASELINE);
    expect(answer).toEqual(refusal(podUpdateImage.request.uid, 'malformed AdmissionReview: request.oldObject: required for this operation'));
  });

  it('an unknown mode in the webhook URL', async () => {
    const { answer } = await send(podCreate, PSS_BASELINE, 'both');
    expect(answer).toEqual(refusal(podCreate.request.uid, 'unknown mode "both" in the webhook URL: use ?mode=validating (the default) or ?mode=mutating'));
  });

  it('a body over PODSEC_MAX_BODY_BYTES is a 413 inside the AdmissionReview', async () => {
    const { answer } = await send(podCreate, { ...PSS_BASELINE, PODSEC_MAX_BODY_BYTES: '1024' });
    expect(answer).toEqual(refusal('', 'The request body exceeds the limit of 1024 bytes (PODSEC_MAX_BODY_BYTES).', 413, 'RequestEntityTooLarge'));
  });

  it('a v1beta1 refusal is answered as v1beta1', async () => {
    const { answer } = await send({ ...podCreateV1beta1, kind: 'Nope' }, PSS_BASELINE);
    expect(answer.apiVersion).toBe('admission.k8s.io/v1beta1');
    expect(answer.response.uid).toBe(podCreateV1beta1.request.uid);
  });
});

describe('POST /v1/admissionreview: a misconfigured Worker fails closed for pods, open for workloads', () => {
  it('PODSEC_POLICIES that is not YAML refuses pods with 500 InternalError and says why', async () => {
    const { answer } = await send(podCreate, { PODSEC_POLICIES: policies.notYaml });
    expect(answer.response).toEqual({
      uid: podCreate.request.uid,
      allowed: false,
      status: {
        metadata: {},
        status: 'Failure',
        message: 'the podsec admission webhook is misconfigured, so it refuses every pod until it is fixed: PODSEC_POLICIES cannot be read: document 0 is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (line 3)',
        reason: 'InternalError',
        code: 500,
      },
    });
  });

  it('§1.4 an invalid PodSecurityPolicy is named with the apiserver validation message', async () => {
    const { answer } = await send(podCreate, { PODSEC_POLICIES: policies.invalidPolicy }, 'mutating');
    expect(answer.response.status!.message).toBe(
      'the podsec admission webhook is misconfigured, so it refuses every pod until it is fixed: PODSEC_POLICIES holds a PodSecurityPolicy the apiserver would reject: PodSecurityPolicy "broken": spec.runAsUser.rule: Unsupported value: "MustRunAsRoot": supported values: "MustRunAs", "MustRunAsNonRoot", "RunAsAny"',
    );
  });

  it('an unknown PODSEC_PSS_LEVEL', async () => {
    const { answer } = await send(podCreate, { PODSEC_PSS_LEVEL: 'strict' });
    expect(answer.response.status!.message).toBe('the podsec admission webhook is misconfigured, so it refuses every pod until it is fixed: PODSEC_PSS_LEVEL: "strict" is not a Pod Security Standards level: use privileged, baseline or restricted');
  });

  it('an invalid PODSEC_PSS_VERSION', async () => {
    const { answer } = await send(podCreate, { PODSEC_PSS_LEVEL: 'baseline', PODSEC_PSS_VERSION: '1.25' });
    expect(answer.response.status!.message).toBe('the podsec admission webhook is misconfigured, so it refuses every pod until it is fixed: PODSEC_PSS_VERSION: "1.25" must be "latest" or "v1.x"');
  });

  it('workloads are allowed with a warning and an error audit annotation (as PSA on controllers)', async () => {
    const { answer } = await send(deploymentCreate, { PODSEC_PSS_LEVEL: 'strict' });
    const error = 'PODSEC_PSS_LEVEL: "strict" is not a Pod Security Standards level: use privileged, baseline or restricted';
    expect(answer.response).toEqual({
      uid: deploymentCreate.request.uid,
      allowed: true,
      warnings: [`the podsec admission webhook is misconfigured and did not evaluate this object: ${error}`],
      auditAnnotations: { error },
    });
  });

  it('requests the webhook never evaluates stay allowed (pods/status)', async () => {
    const { answer } = await send(podStatusUpdate, { PODSEC_PSS_LEVEL: 'strict' });
    expect(answer.response).toEqual({ uid: podStatusUpdate.request.uid, allowed: true });
  });
});
