/**
 * POST /v1/migration (issue 4): the Kubernetes documentation's PSPs, with and without workloads.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_POLICIES } from '../../src/psp';
import { postJson, problemOf } from '../helpers/http';

interface Migration { policy: string; guaranteedLevel: string; closestLevel: string; gaps: Array<{ field: string; check: string; level: string; message: string }>; mutations: Array<{ field: string; default: unknown; message: string }> }
interface Body { version: string; resolvedVersion: string; policies: Migration[]; workloads?: Array<{ object: { name: string }; admittedBy: string | null; minimumLevel: string }>; namespaces?: Array<{ namespace: string; labels: Record<string, string>; workloads: number }> }

const pod = (name: string, ns: string, sc: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns }, spec: { containers: [{ name: 'c', image: 'x', securityContext: sc }] } });

describe('POST /v1/migration', () => {
  it('the privileged example guarantees privileged; the restricted example is closest to restricted, with seLinux RunAsAny among its gaps', async () => {
    const res = await postJson('/v1/migration', [EXAMPLE_POLICIES.privileged, EXAMPLE_POLICIES.restricted]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body;
    expect(body.version).toBe('latest');
    expect(body.resolvedVersion).toBe('v1.37');
    const [priv, restricted] = body.policies;
    expect([priv!.policy, priv!.guaranteedLevel, priv!.closestLevel]).toEqual(['privileged', 'privileged', 'privileged']);
    expect([restricted!.policy, restricted!.closestLevel]).toEqual(['restricted', 'restricted']);
    expect(restricted!.gaps).toContainEqual({ field: 'seLinux', check: 'seLinuxOptions', level: 'baseline', message: 'seLinux: RunAsAny lets pods set seLinuxOptions.user and role, which baseline forbids' });
    expect(restricted!.mutations.length).toBeGreaterThan(0);
    expect(body.workloads).toBeUndefined();
  });

  it('version dependence: before v1.34 probe hosts are no gap (pinned version kept)', async () => {
    const at = async (v: string) => ((await (await postJson(`/v1/migration?version=${v}`, [EXAMPLE_POLICIES.restricted])).json()) as Body).policies[0]!.gaps.some((g) => g.check === 'hostProbesAndHostLifecycle');
    expect(await at('v1.33')).toBe(false);
    expect(await at('v1.34')).toBe(true);
  });

  it('with workloads: the admitting PSP today, the level each passes, and the namespace labels', async () => {
    const hardened = { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };
    const res = await postJson('/v1/migration?version=v1.30', [EXAMPLE_POLICIES.privileged, EXAMPLE_POLICIES.restricted, pod('a', 'team-a', hardened), pod('b', 'team-b', { privileged: true })]);
    const body = (await res.json()) as Body;
    expect(body.workloads!.map((w) => [w.object.name, w.admittedBy, w.minimumLevel])).toEqual([['a', 'privileged', 'restricted'], ['b', 'privileged', 'privileged']]);
    expect(body.namespaces).toEqual([
      { namespace: 'team-a', labels: { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.30' }, workloads: 1, minimumLevel: 'restricted' },
      { namespace: 'team-b', labels: { 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/enforce-version': 'v1.30' }, workloads: 1, minimumLevel: 'privileged' },
    ]);
  });

  it('an invalid version is a 400 naming the query parameter', async () => {
    const res = await postJson('/v1/migration?version=1.25', [EXAMPLE_POLICIES.restricted]);
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors![0]!.path).toBe('query.version');
  });
});
