/**
 * The webhook's configuration, from the Worker's variables: PODSEC_POLICIES (PodSecurityPolicy
 * YAML or JSON, read by the manifest reader and validated as the apiserver validated PSPs),
 * PODSEC_PSS_LEVEL and PODSEC_PSS_VERSION. Parsed once per isolate per distinct value.
 */
import { IngestError, readManifests } from '../ingest';
import { formatFieldError } from '../k8s/field-error';
import type { PodSecurityPolicy } from '../k8s/types';
import { isPssLevel, parsePssVersion, type PssLevel } from '../pss';
import { validatePodSecurityPolicy } from '../psp/validation';
import type { PssPolicy, WebhookConfig, WebhookConfigError } from './types';

export interface WebhookVariables {
  PODSEC_POLICIES?: unknown;
  PODSEC_PSS_LEVEL?: unknown;
  PODSEC_PSS_VERSION?: unknown;
}

/** Warnings and audit annotations go to the strictest level: every level above the enforced one. */
const WARN_AND_AUDIT_LEVEL: PssLevel = 'restricted';
const DEFAULT_PSS_VERSION = 'latest';
/** Distinct configurations kept per isolate (one in practice; a few while a deployment rolls). */
const CACHE_SIZE = 8;

const cache = new Map<string, WebhookConfig | WebhookConfigError>();
/** The last lookup: the variables of one deployment are the same strings on every request. */
let last: { policies: unknown; level: unknown; version: unknown; config: WebhookConfig | WebhookConfigError } | undefined;

export function isConfigError(c: WebhookConfig | WebhookConfigError): c is WebhookConfigError {
  return 'error' in c;
}

export function loadWebhookConfig(vars: WebhookVariables): WebhookConfig | WebhookConfigError {
  const { PODSEC_POLICIES: policies, PODSEC_PSS_LEVEL: level, PODSEC_PSS_VERSION: version } = vars;
  for (const [name, v] of [['PODSEC_POLICIES', policies], ['PODSEC_PSS_LEVEL', level], ['PODSEC_PSS_VERSION', version]] as const) {
    if (v !== undefined && typeof v !== 'string') return { error: `${name} must be a string (a text variable or secret), got ${Array.isArray(v) ? 'array' : typeof v}` };
  }
  if (last !== undefined && last.policies === policies && last.level === level && last.version === version) return last.config;
  const key = `${policies ?? '\u0000'}\u0000${level ?? '\u0000'}\u0000${version ?? '\u0000'}`;
  let config = cache.get(key);
  if (config === undefined) {
    config = buildConfig(policies as string | undefined, level as string | undefined, version as string | undefined);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, config);
  }
  last = { policies, level, version, config };
  return config;
}

function buildConfig(policies: string | undefined, level: string | undefined, version: string | undefined): WebhookConfig | WebhookConfigError {
  const config: WebhookConfig = {};
  const pss = readPssPolicy(level, version);
  if (pss !== undefined) {
    if ('error' in pss) return pss;
    config.pss = pss;
  }
  if (policies !== undefined && policies.trim() !== '') {
    const read = readPolicies(policies);
    if ('error' in read) return read;
    config.policies = read.policies;
  }
  return config;
}

function readPssPolicy(level: string | undefined, version: string | undefined): PssPolicy | WebhookConfigError | undefined {
  if (level === undefined || level === '') {
    if (version !== undefined && version !== '') return { error: 'PODSEC_PSS_VERSION is set but PODSEC_PSS_LEVEL is not: set the level to enforce (privileged, baseline or restricted)' };
    return undefined;
  }
  if (!isPssLevel(level)) return { error: `PODSEC_PSS_LEVEL: ${JSON.stringify(level)} is not a Pod Security Standards level: use privileged, baseline or restricted` };
  const v = version === undefined || version === '' ? DEFAULT_PSS_VERSION : version;
  const parsed = parsePssVersion(v);
  if (!parsed.ok) return { error: `PODSEC_PSS_VERSION: ${JSON.stringify(v)} ${parsed.error}` };
  return {
    enforce: { level, version: v },
    warn: { level: WARN_AND_AUDIT_LEVEL, version: v },
    audit: { level: WARN_AND_AUDIT_LEVEL, version: v },
  };
}

function readPolicies(text: string): { policies: PodSecurityPolicy[] } | WebhookConfigError {
  let manifests;
  try {
    manifests = readManifests(text, 'yaml');
  } catch (e) {
    if (e instanceof IngestError) {
      const where = e.errors[0]?.line !== undefined ? ` (line ${e.errors[0].line})` : '';
      return { error: `PODSEC_POLICIES cannot be read: ${e.detail}${where}` };
    }
    throw e;
  }
  const others = [...manifests.pods.map((p) => p.ref), ...manifests.skipped.map((s) => s.ref)];
  if (others.length > 0) {
    const ref = others[0]!;
    return { error: `PODSEC_POLICIES must hold only PodSecurityPolicy objects (policy/v1beta1); it holds ${ref.kind ?? 'an object without kind'}${ref.name ? ` "${ref.name}"` : ''}` };
  }
  if (manifests.policies.length === 0) return { error: 'PODSEC_POLICIES holds no PodSecurityPolicy (unset it to turn PodSecurityPolicy admission off)' };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { policy } of manifests.policies) {
    const name = policy.metadata.name ?? '';
    for (const e of validatePodSecurityPolicy(policy)) problems.push(`PodSecurityPolicy "${name}": ${formatFieldError(e)}`);
    if (seen.has(name)) problems.push(`PodSecurityPolicy "${name}": metadata.name: Duplicate value: "${name}": a cluster holds one PodSecurityPolicy per name`);
    seen.add(name);
  }
  if (problems.length > 0) return { error: `PODSEC_POLICIES holds a PodSecurityPolicy the apiserver would reject: ${problems.join('; ')}` };
  return { policies: Object.freeze(manifests.policies.map((p) => p.policy)) as PodSecurityPolicy[] };
}
