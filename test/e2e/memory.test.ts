/**
 * What the Worker remembers across requests (the policy content cache, the string and violation
 * memos) must keep none of a request's text. The YAML reader slices scalars out of the body, and
 * V8 makes a slice of 13 characters or more a view into the whole string: one such name kept in a
 * memo kept its whole body, up to 1 MiB, alive. Before src/k8s/string-memo.ts ownString, 60
 * distinct ~0.9 MiB bodies sent twice each kept ~110 MB of heap, more than a Worker isolate may
 * use (128 MB); docs/performance.md, round 11.
 *
 * The bundle `wrangler deploy --dry-run` builds, run in this Node process (its fetch handler
 * called directly) so that the heap can be collected and measured.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const env = { PODSEC_MAX_BODY_BYTES: '1048576', ASSETS: { fetch: async () => new Response('asset') } };
const ctx = { waitUntil() {}, passThroughOnException() {} };

/** A body of ~0.9 MiB whose policy, container and capability names are long and its own (`i`). */
function body(i: number): string {
  return `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: a-rather-long-policy-name-${i}
  annotations:
    seccomp.security.alpha.kubernetes.io/allowedProfileNames: runtime/default,localhost/profile-${i}
spec:
  privileged: false
  allowedCapabilities: ['NET_BIND_SERVICE_LONG_${i}']
  seLinux: {rule: RunAsAny}
  runAsUser: {rule: MustRunAsNonRoot}
  supplementalGroups: {rule: RunAsAny}
  fsGroup: {rule: RunAsAny}
  volumes: ['configMap', 'secret']
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: padding
data:
  padding: ${'x'.repeat(900_000)}${i}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: a-deployment-with-a-long-name-${i}
spec:
  template:
    metadata:
      annotations:
        container.seccomp.security.alpha.kubernetes.io/a-container-with-a-long-name-${i}: localhost/another-profile-${i}
    spec:
      containers:
      - name: a-container-with-a-long-name-${i}
        image: registry.example.com/some/image-${i}:tag
        securityContext:
          capabilities:
            add: ['NET_BIND_SERVICE_LONG_${i}', 'SOMETHING_ELSE_LONG_${i}']
`;
}

describe('memory: what the Worker remembers keeps none of the request text', () => {
  it('40 distinct 0.9 MiB YAML bodies, each sent twice to /v1/evaluate and /v1/migration, keep less than 20 MB', async () => {
    const worker = (await import(pathToFileURL(resolve(import.meta.dirname, '../../dist/index.js')).href)) as {
      default: { fetch(r: Request, e: unknown, c: unknown): Promise<Response> };
    };
    const send = async (path: string, text: string) => {
      const res = await worker.default.fetch(new Request(`http://podsec${path}`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: text }), env, ctx);
      await res.text();
      return res.status;
    };
    // The app itself, its tables and caches, built before measuring.
    expect(await send('/v1/evaluate', body(-1))).toBe(200);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) {
      const text = body(i);
      for (let round = 0; round < 2; round++) {
        expect(await send('/v1/evaluate', text)).toBe(200);
        expect(await send('/v1/migration', text)).toBe(200);
      }
    }
    gc();
    gc();
    const keptMb = (process.memoryUsage().heapUsed - before) / 1048576;
    expect(keptMb).toBeLessThan(20);
  });
});
