/**
 * What one evaluation request costs, split the way the bench reports it: ingest (readManifests),
 * engines (PSP validation + admission + CIS + PSS on already-ingested objects) and rendering
 * (JSON.stringify). Mirrors what the HTTP routes do, without HTTP.
 */
import { DEFAULT_BENCHMARK, evaluatePodControls, evaluatePolicySet } from '../src/cis';
import { readManifests, type Manifests, type MediaKind } from '../src/ingest';
import { admitPod } from '../src/psp';
import { validatePodSecurityPolicy } from '../src/psp/validation';
import { evaluatePss, minimumPssLevel } from '../src/pss';

const LIMITS = { maxDepth: 64, maxObjects: 1000, maxAliasCount: 100, maxContainers: 100 };

export function ingest(text: string, kind: MediaKind): Manifests {
  return readManifests(text, kind, LIMITS);
}

/** Every engine over every object of already-ingested manifests; returns the response body. */
export function evaluateManifests(m: Manifests): unknown {
  let invalid = 0;
  for (const p of m.policies) invalid += validatePodSecurityPolicy(p.policy).length;
  if (invalid > 0) throw new Error(`bench request holds ${invalid} invalid policy fields`);
  const policies = m.policies.map((p) => p.policy);
  const benchmark = DEFAULT_BENCHMARK;
  return {
    objects: m.pods.map((p) => {
      const pss = evaluatePss(p.template, 'restricted', 'latest', { isPod: p.isPod });
      return {
        object: p.ref,
        admission: admitPod({ pod: p.template, policies, podName: p.template.metadata.name ?? p.ref.name ?? '' }),
        cis: evaluatePodControls(p.template, { benchmark, isPod: p.isPod }),
        pss: { ...pss, minimumLevel: minimumPssLevel(p.template, 'latest', { isPod: p.isPod }) },
      };
    }),
    policySet: policies.length === 0 ? null : evaluatePolicySet(policies, { benchmark }),
    skipped: m.skipped,
  };
}

/** The whole request: body text in, response text out. */
export function evaluateRequest(text: string, kind: MediaKind): string {
  return JSON.stringify(evaluateManifests(ingest(text, kind)));
}
