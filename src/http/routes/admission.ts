import type { Context } from 'hono';
import { readObject, type PodBearingObject, type PolicyObject } from '../../ingest';
import { parseJsonWithinDepth, type BoundedJson } from '../../ingest/nesting';
import { admitPod } from '../../psp';
import { admissionBody, podNameOf } from '../../report/admission-shape';
import type { PodsecApp, PodsecEnv } from '../app-types';
import { readBodyText } from '../body';
import { limitsFrom, readLimitsOf } from '../config';
import { registerEndpoint, type Endpoint } from '../endpoint';
import { ingestProblem, readManifestRequest, requireMediaKind } from '../manifests';
import { requireValidPolicies } from '../policies';
import { makeProblem, ProblemError, type ProblemFieldError } from '../problem';
import { AdmissionRequestSchema } from '../schemas/request';

export const admissionEndpoint = { method: 'post', path: '/v1/admission' } as const satisfies Endpoint;

export function registerAdmission(app: PodsecApp): void {
  registerEndpoint(app, admissionEndpoint, async (c) => {
    const kind = requireMediaKind(c);
    if (kind === 'yaml') {
      const manifests = await readManifestRequest(c);
      requireValidPolicies(manifests.policies);
      const policies = manifests.policies.map((p) => p.policy);
      const results = manifests.pods.map((p) => ({ object: p.ref, ...admissionBody(p, admitPod({ pod: p.template, policies, podName: podNameOf(p) })) }));
      return c.json({ results, skipped: manifests.skipped.map((s) => ({ object: s.ref, reason: s.reason })) }, 200);
    }
    const request = await readAdmissionRequest(c);
    requireValidPolicies(request.policies);
    const result = admitPod({
      pod: request.pod.template,
      policies: request.policies.map((p) => p.policy),
      operation: request.operation,
      ...(request.oldPod ? { oldPod: request.oldPod.template } : {}),
      ...(request.usablePolicies ? { usablePolicies: request.usablePolicies } : {}),
      podName: podNameOf(request.pod),
    });
    return c.json({ object: request.pod.ref, ...admissionBody(request.pod, result) }, 200);
  });
}

interface AdmissionRequest {
  pod: PodBearingObject;
  policies: PolicyObject[];
  operation: 'CREATE' | 'UPDATE';
  oldPod?: PodBearingObject;
  usablePolicies?: string[];
}

/** The JSON envelope: bounded like every body, its shape checked by its zod schema, its objects by the manifest reader. */
async function readAdmissionRequest(c: Context<PodsecEnv>): Promise<AdmissionRequest> {
  const limits = limitsFrom(c.env);
  const text = await readBodyText(c.req.raw, limits.maxBodyBytes);
  let parsed: BoundedJson;
  try {
    parsed = parseJsonWithinDepth(text, limits.maxDepth);
  } catch (err) {
    throw ingestProblem(err);
  }
  if (!parsed.ok) {
    throw new ProblemError(makeProblem('nesting-too-deep', `The body nests deeper than ${limits.maxDepth} levels (PODSEC_MAX_DEPTH) at line ${parsed.line}.`, { errors: [{ path: 'body', message: `nesting deeper than ${limits.maxDepth}`, line: parsed.line }] }));
  }
  const value = parsed.value;
  const envelope = AdmissionRequestSchema.safeParse(value);
  if (!envelope.success) {
    const errors: ProblemFieldError[] = envelope.error.issues.map((i) => ({ path: i.path.map(String).join('.') || 'body', message: i.message }));
    throw new ProblemError(makeProblem('invalid-body', `The body is not an admission request: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}.`, { errors }));
  }
  const readLimits = readLimitsOf(limits);
  const body = value as { pod: unknown; policies: unknown[]; oldPod?: unknown };
  if (envelope.data.policies.length > limits.maxPolicies) {
    throw new ProblemError(makeProblem('too-large', `The request holds ${envelope.data.policies.length} policies; the limit is ${limits.maxPolicies} (PODSEC_MAX_POLICIES).`, { status: 413, errors: [{ path: 'policies', message: `more than ${limits.maxPolicies} policies` }] }));
  }
  try {
    const pod = readObject(body.pod, 'pod', { limits: readLimits, defaultKind: 'Pod', expect: 'pod' });
    const policies = body.policies.map((p, i) => readObject(p, `policies[${i}]`, { limits: readLimits, defaultKind: 'PodSecurityPolicy', expect: 'policy' }));
    const oldPod = body.oldPod === undefined ? undefined : readObject(body.oldPod, 'oldPod', { limits: readLimits, defaultKind: 'Pod', expect: 'pod' });
    const request: AdmissionRequest = {
      pod: (pod as { pod: PodBearingObject }).pod,
      policies: policies.map((p) => (p as { policy: PolicyObject }).policy),
      operation: envelope.data.operation,
    };
    if (oldPod) request.oldPod = (oldPod as { pod: PodBearingObject }).pod;
    if (envelope.data.usablePolicies) request.usablePolicies = envelope.data.usablePolicies;
    return request;
  } catch (err) {
    throw ingestProblem(err);
  }
}
