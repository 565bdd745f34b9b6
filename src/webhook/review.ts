/**
 * Reading an AdmissionReview request: what the apiserver sends (webhook/request/admissionreview.go
 * CreateV1AdmissionReview / CreateV1beta1AdmissionReview). Anything else is a malformed review,
 * answered with a refusal that still carries the uid when it could be read.
 */
import { REVIEW_API_VERSIONS, REVIEW_KIND } from './messages';
import type { GroupVersionKind, GroupVersionResource, ReviewApiVersion, ReviewRequest } from './types';

export type ParsedReview =
  | { ok: true; apiVersion: ReviewApiVersion; request: ReviewRequest }
  | { ok: false; apiVersion: ReviewApiVersion; uid: string; message: string };

const OPERATIONS: ReadonlySet<string> = new Set(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']);
const API_VERSIONS: ReadonlySet<string> = new Set(REVIEW_API_VERSIONS);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

/** Fields Go would decode as strings: absent or null is '', anything else not a string is an error. */
function optionalString(holder: Record<string, unknown>, key: string, path: string, problems: string[]): string {
  const v = holder[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') {
    problems.push(`${path}.${key}: expected string, got ${typeName(v)}`);
    return '';
  }
  return v;
}

function groupVersion<K extends 'kind' | 'resource'>(
  holder: Record<string, unknown>,
  key: K,
  problems: string[],
): K extends 'kind' ? GroupVersionKind : GroupVersionResource {
  const path = `request.${key}`;
  const v = holder[key];
  const out: Record<string, string> = { group: '', version: '', [key]: '' };
  if (!isObject(v)) {
    problems.push(`${path}: expected object, got ${typeName(v)}`);
  } else {
    for (const field of Object.keys(out)) out[field] = optionalString(v, field, path, problems);
    if (out[key] === '') problems.push(`${path}.${key}: required`);
  }
  return out as never;
}

/** Checks the envelope and the request's fields; objects are read later by the manifest reader. */
export function parseAdmissionReview(body: unknown): ParsedReview {
  if (!isObject(body)) {
    return { ok: false, apiVersion: 'admission.k8s.io/v1', uid: '', message: `the body is not an AdmissionReview: expected a JSON object, got ${typeName(body)}` };
  }
  const rawVersion = body.apiVersion;
  const apiVersion: ReviewApiVersion = rawVersion === 'admission.k8s.io/v1beta1' ? 'admission.k8s.io/v1beta1' : 'admission.k8s.io/v1';
  const request = body.request;
  const uid = isObject(request) && typeof request.uid === 'string' ? request.uid : '';
  const refuse = (message: string): ParsedReview => ({ ok: false, apiVersion, uid, message });

  if (typeof rawVersion !== 'string' || !API_VERSIONS.has(rawVersion)) {
    return refuse(`apiVersion: expected one of ${REVIEW_API_VERSIONS.map((v) => JSON.stringify(v)).join(', ')}, got ${typeof rawVersion === 'string' ? JSON.stringify(rawVersion) : typeName(rawVersion)}`);
  }
  if (body.kind !== REVIEW_KIND) {
    return refuse(`kind: expected "${REVIEW_KIND}", got ${typeof body.kind === 'string' ? JSON.stringify(body.kind) : typeName(body.kind)}`);
  }
  if (!isObject(request)) return refuse(`request: expected object, got ${typeName(request)}`);
  if (uid === '') return refuse(request.uid === undefined || request.uid === '' ? 'request.uid: required' : `request.uid: expected string, got ${typeName(request.uid)}`);

  const problems: string[] = [];
  const kind = groupVersion(request, 'kind', problems);
  const resource = groupVersion(request, 'resource', problems);
  const subResource = optionalString(request, 'subResource', 'request', problems);
  const name = optionalString(request, 'name', 'request', problems);
  const namespace = optionalString(request, 'namespace', 'request', problems);
  const operation = request.operation;
  if (typeof operation !== 'string' || !OPERATIONS.has(operation)) {
    problems.push(`request.operation: expected one of "CREATE", "UPDATE", "DELETE", "CONNECT", got ${typeof operation === 'string' ? JSON.stringify(operation) : typeName(operation)}`);
  }
  const dryRun = request.dryRun;
  if (dryRun !== undefined && dryRun !== null && typeof dryRun !== 'boolean') problems.push(`request.dryRun: expected boolean, got ${typeName(dryRun)}`);
  for (const key of ['object', 'oldObject'] as const) {
    const v = request[key];
    if (v !== undefined && v !== null && !isObject(v)) problems.push(`request.${key}: expected object, got ${typeName(v)}`);
  }
  if (problems.length > 0) return refuse(`malformed AdmissionReview: ${problems.join('; ')}`);

  return {
    ok: true,
    apiVersion,
    request: {
      uid,
      kind,
      resource,
      subResource,
      name,
      namespace,
      operation: operation as ReviewRequest['operation'],
      object: request.object ?? undefined,
      oldObject: request.oldObject ?? undefined,
      dryRun: dryRun === true,
    },
  };
}
