/**
 * Soundness: every pod a PSP admits (admitPod, after its mutation, stored with the API server's
 * seccomp sync) is admitted by evaluatePss at the PSP's guaranteedLevel, and every PSS check such a
 * pod fails (at baseline or restricted) is named by one of the PSP's gaps. Pods are generated
 * from PSP-era fields only (no appArmorProfile, hostUsers or image volumes), API-valid where that
 * matters (HostProcess only with hostNetwork, AppArmor annotations only for real containers,
 * seccomp annotation only where the field is unset). Deterministic: fixed fast-check seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Container, PodSecurityPolicy, PodTemplate, Volume } from '../../src/k8s/types';
import { migratePolicy } from '../../src/migration';
import { EXAMPLE_POLICIES } from '../../src/psp';
import { evaluatePss } from '../../src/pss';
import { APPARMOR_ALLOWED, SECCOMP_ALLOWED, SECCOMP_DEFAULT, admitAndStore, bestPsp } from './helpers';

/** Mostly unset (3 in 4), so that restrictive policies still admit a fair share of the pods. */
const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const seccomp = fc.constantFrom({ type: 'RuntimeDefault' }, { type: 'Unconfined' }, { type: 'Localhost', localhostProfile: 'p.json' });

const containerArb = (name: string) =>
  fc
    .record({
      privileged: opt(fc.boolean()),
      allowPrivilegeEscalation: opt(fc.boolean()),
      runAsUser: opt(fc.constantFrom(0, 1000)),
      runAsNonRoot: opt(fc.boolean()),
      procMount: opt(fc.constantFrom('Default', 'Unmasked')),
      add: opt(fc.subarray(['NET_BIND_SERVICE', 'CHOWN', 'NET_RAW', 'NET_ADMIN'], { minLength: 1 })),
      drop: opt(fc.subarray(['ALL', 'NET_RAW'], { minLength: 1 })),
      seccompProfile: opt(seccomp),
      seLinuxOptions: opt(fc.constantFrom({ type: 'container_t' }, { type: 'spc_t' }, { user: 'u', role: 'r' })),
      hostPort: opt(fc.constantFrom(80, 8080)),
      probeHost: opt(fc.constantFrom('example.com')),
    })
    .map((r): Container => {
      const sc: Record<string, unknown> = {};
      for (const k of ['privileged', 'allowPrivilegeEscalation', 'runAsUser', 'runAsNonRoot', 'procMount', 'seccompProfile', 'seLinuxOptions'] as const) {
        if (r[k] !== undefined) sc[k] = r[k];
      }
      if (r.add !== undefined || r.drop !== undefined) sc['capabilities'] = { ...(r.add ? { add: r.add } : {}), ...(r.drop ? { drop: r.drop } : {}) };
      return {
        name,
        image: 'img',
        ...(Object.keys(sc).length > 0 ? { securityContext: sc } : {}),
        ...(r.hostPort !== undefined ? { ports: [{ containerPort: 80, hostPort: r.hostPort }] } : {}),
        ...(r.probeHost !== undefined ? { livenessProbe: { httpGet: { host: r.probeHost, port: 80 } } } : {}),
      };
    });

const VOLUMES: Record<string, Volume> = {
  emptyDir: { name: 'v-empty', emptyDir: {} },
  secret: { name: 'v-secret', secret: { secretName: 's' } },
  hostPath: { name: 'v-host', hostPath: { path: '/var/log' } },
  nfs: { name: 'v-nfs', nfs: { server: 'n', path: '/' } },
  csi: { name: 'v-csi', csi: { driver: 'd' } },
};

const podArb: fc.Arbitrary<PodTemplate> = fc
  .record({
    app: containerArb('app'),
    init: opt(containerArb('init')),
    hostNetwork: opt(fc.boolean()),
    hostPID: opt(fc.boolean()),
    hostIPC: opt(fc.boolean()),
    hostProcess: opt(fc.constant(true)),
    runAsUser: opt(fc.constantFrom(0, 1000)),
    runAsNonRoot: opt(fc.boolean()),
    seccompProfile: opt(seccomp),
    seccompAnnotation: opt(fc.constantFrom('runtime/default', 'docker/default', 'unconfined')),
    seLinuxOptions: opt(fc.constantFrom({ type: 'container_t' }, { type: 'spc_t' }, { user: 'u' })),
    sysctl: opt(fc.constantFrom('kernel.shm_rmid_forced', 'net.ipv4.tcp_keepalive_time', 'kernel.msgmax')),
    appArmor: opt(fc.constantFrom('runtime/default', 'unconfined', 'localhost/p')),
    volumes: fc.oneof({ weight: 2, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: fc.subarray(Object.keys(VOLUMES)) }),
  })
  .map((r): PodTemplate => {
    const psc: Record<string, unknown> = {};
    if (r.runAsUser !== undefined) psc['runAsUser'] = r.runAsUser;
    if (r.runAsNonRoot !== undefined) psc['runAsNonRoot'] = r.runAsNonRoot;
    if (r.seccompProfile !== undefined) psc['seccompProfile'] = r.seccompProfile;
    if (r.seLinuxOptions !== undefined) psc['seLinuxOptions'] = r.seLinuxOptions;
    if (r.sysctl !== undefined) psc['sysctls'] = [{ name: r.sysctl, value: '1' }];
    // API validation: HostProcess pods must use the host network.
    if (r.hostProcess && r.hostNetwork === true) psc['windowsOptions'] = { hostProcess: true };
    const annotations: Record<string, string> = {};
    if (r.seccompAnnotation !== undefined && r.seccompProfile === undefined) annotations['seccomp.security.alpha.kubernetes.io/pod'] = r.seccompAnnotation;
    if (r.appArmor !== undefined) annotations['container.apparmor.security.beta.kubernetes.io/app'] = r.appArmor;
    const volumes = r.volumes.map((k) => VOLUMES[k]!);
    return {
      metadata: { name: 'p', ...(Object.keys(annotations).length > 0 ? { annotations } : {}) },
      spec: {
        containers: [r.app],
        ...(r.init !== undefined ? { initContainers: [r.init] } : {}),
        ...(r.hostNetwork !== undefined ? { hostNetwork: r.hostNetwork } : {}),
        ...(r.hostPID !== undefined ? { hostPID: r.hostPID } : {}),
        ...(r.hostIPC !== undefined ? { hostIPC: r.hostIPC } : {}),
        ...(Object.keys(psc).length > 0 ? { securityContext: psc } : {}),
        ...(volumes.length > 0 ? { volumes } : {}),
      },
    };
  });

const POLICIES: Array<[string, PodSecurityPolicy]> = [
  ['privileged example', EXAMPLE_POLICIES.privileged],
  ['baseline example', EXAMPLE_POLICIES.baseline],
  ['restricted example', EXAMPLE_POLICIES.restricted],
  ['bestPsp', bestPsp()],
  ['bestPsp + hostPorts 80', bestPsp({ hostPorts: [{ min: 80, max: 80 }] })],
  ['bestPsp + NET_RAW, nfs, Unmasked, msgmax', bestPsp({ allowedCapabilities: ['NET_RAW'], volumes: ['secret', 'nfs', 'hostPath'], allowedProcMountTypes: ['Default', 'Unmasked'], allowedUnsafeSysctls: ['kernel.msgmax'] })],
  ['bestPsp without seccomp/AppArmor allow-lists', bestPsp({ allowPrivilegeEscalation: true }, { [SECCOMP_ALLOWED]: undefined, [SECCOMP_DEFAULT]: undefined, [APPARMOR_ALLOWED]: undefined })],
  ['bestPsp RunAsAny user, MustRunAs range', bestPsp({ runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] }, seLinux: { rule: 'RunAsAny' } })],
];
const VERSIONS = ['v1.18', 'v1.22', 'v1.28', 'v1.30', 'v1.33', 'v1.35', 'latest'];

describe('soundness property', () => {
  for (const [name, psp] of POLICIES) {
    it(`${name}: admitted pods pass guaranteedLevel and fail only checks named by gaps`, () => {
      const migrations = VERSIONS.map((v) => [v, migratePolicy(psp, v)] as const);
      let admittedCount = 0;
      fc.assert(
        fc.property(podArb, (p) => {
          const r = admitAndStore(psp, p);
          if (!('stored' in r)) return;
          admittedCount++;
          for (const [v, m] of migrations) {
            const atGuaranteed = evaluatePss(r.stored, m.guaranteedLevel, v, { isPod: true });
            expect(atGuaranteed.message, `${v} ${JSON.stringify(p)}`).toBeNull();
            const gapChecks = new Set(m.gaps.map((g) => g.check));
            for (const level of ['baseline', 'restricted'] as const) {
              for (const f of evaluatePss(r.stored, level, v, { isPod: true }).forbidden) {
                expect(gapChecks.has(f.check), `${v} ${level} ${f.check} ${JSON.stringify(p)}`).toBe(true);
              }
            }
          }
        }),
        { seed: 20240601, numRuns: 2000 },
      );
      expect(admittedCount).toBeGreaterThan(20);
    });
  }
});
