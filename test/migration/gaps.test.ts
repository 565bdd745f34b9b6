/**
 * Every PSP field that moves a policy below a level: the gap (whole message), the resulting
 * guaranteedLevel, and a witness pod that the PSP admits (admitPod, stored form) but the PSS check
 * rejects — proof that the gap is real. Base policy: bestPsp(), which closes every closable rule
 * and so guarantees baseline at v1.33 (spec pod-security-standards.md §2.1: hostProbesAndHostLifecycle
 * only from v1.34).
 */
import { describe, expect, it } from 'vitest';
import type { PodSecurityPolicy, PodTemplate } from '../../src/k8s/types';
import { migratePolicy, type MigrationGap } from '../../src/migration';
import type { PssLevel } from '../../src/pss';
import { APPARMOR_ALLOWED, APPARMOR_DEFAULT, SECCOMP_ALLOWED, SECCOMP_DEFAULT, admitAndStore, bestPsp, container, failedChecks, pod } from './helpers';

const SECCOMP_FIELD = `metadata.annotations[${SECCOMP_ALLOWED}]`;
const APPARMOR_FIELD = `metadata.annotations[${APPARMOR_ALLOWED}]`;

interface GapCase {
  name: string;
  psp: PodSecurityPolicy;
  version?: string;
  gap: MigrationGap;
  guaranteed: PssLevel;
  witness: PodTemplate;
}

const CASES: GapCase[] = [
  {
    name: 'PSS §4.15 appArmorProfile: no AppArmor allow-list',
    psp: bestPsp({}, { [APPARMOR_ALLOWED]: undefined, [APPARMOR_DEFAULT]: undefined }),
    gap: {
      field: APPARMOR_FIELD,
      check: 'appArmorProfile',
      level: 'baseline',
      message: `${APPARMOR_ALLOWED}: unset lets containers use any AppArmor profile, including unconfined, which baseline forbids`,
    },
    guaranteed: 'privileged',
    witness: pod({}, { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }),
  },
  {
    name: 'PSS §4.15 appArmorProfile: allow-list with unconfined',
    psp: bestPsp({}, { [APPARMOR_ALLOWED]: 'runtime/default,unconfined' }),
    gap: {
      field: APPARMOR_FIELD,
      check: 'appArmorProfile',
      level: 'baseline',
      message: `${APPARMOR_ALLOWED}: "runtime/default,unconfined" lets containers use the unconfined AppArmor profile, which baseline forbids`,
    },
    guaranteed: 'privileged',
    witness: pod({}, { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }),
  },
  {
    name: 'PSS §4.5 capabilities_baseline: allowedCapabilities NET_ADMIN',
    psp: bestPsp({ allowedCapabilities: ['NET_ADMIN'] }),
    gap: {
      field: 'allowedCapabilities',
      check: 'capabilities_baseline',
      level: 'baseline',
      message: 'allowedCapabilities: ["NET_ADMIN"] lets containers add NET_ADMIN, which baseline forbids',
    },
    guaranteed: 'privileged',
    witness: pod({ containers: [container('app', { securityContext: { capabilities: { add: ['NET_ADMIN'] } } })] }),
  },
  {
    name: 'PSS §4.5 capabilities_baseline: allowedCapabilities is case-sensitive (chown)',
    psp: bestPsp({ allowedCapabilities: ['CHOWN', 'chown'] }),
    gap: {
      field: 'allowedCapabilities',
      check: 'capabilities_baseline',
      level: 'baseline',
      message: 'allowedCapabilities entry "chown" lets containers add chown, which baseline forbids',
    },
    guaranteed: 'privileged',
    witness: pod({ containers: [container('app', { securityContext: { capabilities: { add: ['chown'] } } })] }),
  },
  {
    name: 'PSS §4.5 capabilities_baseline: defaultAddCapabilities NET_RAW',
    psp: bestPsp({ defaultAddCapabilities: ['NET_RAW'] }),
    gap: {
      field: 'defaultAddCapabilities',
      check: 'capabilities_baseline',
      level: 'baseline',
      message: 'defaultAddCapabilities: ["NET_RAW"] adds NET_RAW to containers that do not drop it, which baseline forbids',
    },
    guaranteed: 'privileged',
    witness: pod(),
  },
  {
    name: 'PSS §4.2 hostNamespaces: hostNetwork',
    psp: bestPsp({ hostNetwork: true }),
    gap: { field: 'hostNetwork', check: 'hostNamespaces', level: 'baseline', message: 'hostNetwork: true lets pods set hostNetwork=true, which baseline forbids' },
    guaranteed: 'privileged',
    witness: pod({ hostNetwork: true }),
  },
  {
    name: 'PSS §4.2 hostNamespaces: hostPID',
    psp: bestPsp({ hostPID: true }),
    gap: { field: 'hostPID', check: 'hostNamespaces', level: 'baseline', message: 'hostPID: true lets pods set hostPID=true, which baseline forbids' },
    guaranteed: 'privileged',
    witness: pod({ hostPID: true }),
  },
  {
    name: 'PSS §4.2 hostNamespaces: hostIPC',
    psp: bestPsp({ hostIPC: true }),
    gap: { field: 'hostIPC', check: 'hostNamespaces', level: 'baseline', message: 'hostIPC: true lets pods set hostIPC=true, which baseline forbids' },
    guaranteed: 'privileged',
    witness: pod({ hostIPC: true }),
  },
  {
    name: 'PSS §4.4 hostPathVolumes: volumes lists hostPath (allowedHostPaths only narrows it)',
    psp: bestPsp({ volumes: ['secret', 'hostPath'], allowedHostPaths: [{ pathPrefix: '/var/log', readOnly: true }] }),
    gap: { field: 'volumes', check: 'hostPathVolumes', level: 'baseline', message: 'volumes entry "hostPath" lets pods use hostPath volumes, which baseline forbids' },
    guaranteed: 'privileged',
    witness: pod({
      containers: [container('app', { volumeMounts: [{ name: 'logs', mountPath: '/logs', readOnly: true }] })],
      volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }],
    }),
  },
  {
    name: 'PSS §4.3 hostPorts: a range with a usable port',
    psp: bestPsp({ hostPorts: [{ min: 80, max: 80 }] }),
    gap: { field: 'hostPorts', check: 'hostPorts', level: 'baseline', message: 'hostPorts: [{min: 80, max: 80}] lets pods use host port 80, which baseline forbids' },
    guaranteed: 'privileged',
    witness: pod({ containers: [container('app', { ports: [{ containerPort: 80, hostPort: 80 }] })] }),
  },
  {
    name: 'PSS §4.18 hostProbesAndHostLifecycle: no PSP field, from v1.34',
    psp: bestPsp(),
    version: 'v1.34',
    gap: {
      field: '(no PSP field)',
      check: 'hostProbesAndHostLifecycle',
      level: 'baseline',
      message: '(no PSP field) probe and lifecycle handlers may set host, which baseline forbids from v1.34',
    },
    guaranteed: 'privileged',
    witness: pod({ containers: [container('app', { livenessProbe: { httpGet: { host: 'example.com', port: 80 } } })] }),
  },
  {
    name: 'PSS §4.1 privileged',
    psp: bestPsp({ privileged: true }),
    gap: { field: 'privileged', check: 'privileged', level: 'baseline', message: 'privileged: true lets containers set securityContext.privileged=true, which baseline forbids' },
    guaranteed: 'privileged',
    witness: pod({ containers: [container('app', { securityContext: { privileged: true } })] }),
  },
  {
    name: 'PSS §4.13 procMount: allowedProcMountTypes Unmasked',
    psp: bestPsp({ allowedProcMountTypes: ['Default', 'Unmasked'] }),
    gap: {
      field: 'allowedProcMountTypes',
      check: 'procMount',
      level: 'baseline',
      message: 'allowedProcMountTypes entry "Unmasked" lets containers set procMount Unmasked, which baseline forbids',
    },
    guaranteed: 'privileged',
    witness: pod({ containers: [container('app', { securityContext: { procMount: 'Unmasked' } })] }),
  },
  {
    name: 'PSS §4.12 seLinuxOptions: MustRunAs with a forbidden type',
    psp: bestPsp({ seLinux: { rule: 'MustRunAs', seLinuxOptions: { type: 'spc_t' } } }),
    gap: {
      field: 'seLinux',
      check: 'seLinuxOptions',
      level: 'baseline',
      message: 'seLinux: MustRunAs with type "spc_t" sets seLinuxOptions.type "spc_t" on every pod, which baseline forbids',
    },
    guaranteed: 'privileged',
    witness: pod(),
  },
  {
    name: 'PSS §4.12 seLinuxOptions: MustRunAs with user and role',
    psp: bestPsp({ seLinux: { rule: 'MustRunAs', seLinuxOptions: { user: 'system_u', role: 'system_r', type: 'container_t' } } }),
    gap: {
      field: 'seLinux',
      check: 'seLinuxOptions',
      level: 'baseline',
      message: 'seLinux: MustRunAs with user "system_u" and role "system_r" sets seLinuxOptions.user and role on every pod, which baseline forbids',
    },
    guaranteed: 'privileged',
    witness: pod(),
  },
  {
    name: 'PSS §4.12 seLinuxOptions: RunAsAny (user and role)',
    psp: bestPsp({ seLinux: { rule: 'RunAsAny' } }),
    gap: { field: 'seLinux', check: 'seLinuxOptions', level: 'baseline', message: 'seLinux: RunAsAny lets pods set seLinuxOptions.user and role, which baseline forbids' },
    guaranteed: 'privileged',
    witness: pod({ securityContext: { seLinuxOptions: { user: 'system_u', role: 'system_r' } } }),
  },
  {
    name: 'PSS §4.10 seccompProfile_baseline v1.19+: allow-list with unconfined (field)',
    psp: bestPsp({}, { [SECCOMP_ALLOWED]: 'runtime/default,unconfined' }),
    gap: {
      field: SECCOMP_FIELD,
      check: 'seccompProfile_baseline',
      level: 'baseline',
      message: `${SECCOMP_ALLOWED}: "runtime/default,unconfined" lets pods use the unconfined seccomp profile, which baseline forbids`,
    },
    guaranteed: 'privileged',
    witness: pod({ securityContext: { seccompProfile: { type: 'Unconfined' } } }),
  },
  {
    name: 'PSS §4.10 seccompProfile_baseline v1.0–v1.18: allow-list * (annotations)',
    psp: bestPsp({}, { [SECCOMP_ALLOWED]: '*', [SECCOMP_DEFAULT]: undefined }),
    version: 'v1.18',
    gap: {
      field: SECCOMP_FIELD,
      check: 'seccompProfile_baseline',
      level: 'baseline',
      message: `${SECCOMP_ALLOWED}: "*" lets pods use any seccomp profile, including unconfined, which baseline forbids`,
    },
    guaranteed: 'privileged',
    witness: pod({}, { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }),
  },
  {
    name: 'PSS §4.14 sysctls: allowedUnsafeSysctls kernel.msgmax',
    psp: bestPsp({ allowedUnsafeSysctls: ['kernel.msgmax'] }),
    gap: { field: 'allowedUnsafeSysctls', check: 'sysctls', level: 'baseline', message: 'allowedUnsafeSysctls: ["kernel.msgmax"] lets pods set kernel.msgmax, which baseline forbids' },
    guaranteed: 'privileged',
    witness: pod({ securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }] } }),
  },
  {
    name: 'PSS §4.14 sysctls: a prefix pattern not fully covered by forbiddenSysctls',
    psp: bestPsp({ allowedUnsafeSysctls: ['kernel.msg*'], forbiddenSysctls: ['kernel.msgmax'] }),
    gap: { field: 'allowedUnsafeSysctls', check: 'sysctls', level: 'baseline', message: 'allowedUnsafeSysctls: ["kernel.msg*"] lets pods set kernel.msg* sysctls, which baseline forbids' },
    guaranteed: 'privileged',
    witness: pod({ securityContext: { sysctls: [{ name: 'kernel.msgmnb', value: '1' }] } }),
  },
  {
    name: 'PSS §4.16 windowsHostProcess: hostNetwork lets HostProcess pods in',
    psp: bestPsp({ hostNetwork: true }),
    gap: {
      field: 'hostNetwork',
      check: 'windowsHostProcess',
      level: 'baseline',
      message: 'hostNetwork: true lets Windows HostProcess pods (which must use the host network) set windowsOptions.hostProcess=true, which baseline forbids',
    },
    guaranteed: 'privileged',
    witness: pod({ hostNetwork: true, securityContext: { windowsOptions: { hostProcess: true } } }),
  },
  {
    name: 'PSS §4.7 allowPrivilegeEscalation: unset defaults to true',
    psp: bestPsp({ allowPrivilegeEscalation: undefined }),
    gap: {
      field: 'allowPrivilegeEscalation',
      check: 'allowPrivilegeEscalation',
      level: 'restricted',
      message: 'allowPrivilegeEscalation: unset (defaults to true) lets containers set allowPrivilegeEscalation=true or leave it unset, which restricted forbids',
    },
    guaranteed: 'baseline',
    witness: pod({ containers: [container('app', { securityContext: { allowPrivilegeEscalation: true } })] }),
  },
  {
    name: 'PSS §4.7 allowPrivilegeEscalation: true with defaultAllowPrivilegeEscalation false',
    psp: bestPsp({ allowPrivilegeEscalation: true, defaultAllowPrivilegeEscalation: false }),
    gap: {
      field: 'allowPrivilegeEscalation',
      check: 'allowPrivilegeEscalation',
      level: 'restricted',
      message: 'allowPrivilegeEscalation: true lets containers set allowPrivilegeEscalation=true, which restricted forbids',
    },
    guaranteed: 'baseline',
    witness: pod({ containers: [container('app', { securityContext: { allowPrivilegeEscalation: true } })] }),
  },
  {
    name: 'PSS §4.6 capabilities_restricted: requiredDropCapabilities without ALL',
    psp: bestPsp({ requiredDropCapabilities: ['NET_RAW'] }),
    gap: {
      field: 'requiredDropCapabilities',
      check: 'capabilities_restricted',
      level: 'restricted',
      message: 'requiredDropCapabilities: ["NET_RAW"] does not make containers drop ALL, which restricted requires',
    },
    guaranteed: 'baseline',
    witness: pod(),
  },
  {
    name: 'PSS §4.6 capabilities_restricted: allowedCapabilities CHOWN',
    psp: bestPsp({ allowedCapabilities: ['NET_BIND_SERVICE', 'CHOWN'] }),
    gap: {
      field: 'allowedCapabilities',
      check: 'capabilities_restricted',
      level: 'restricted',
      message: 'allowedCapabilities entry "CHOWN" lets containers add CHOWN, which restricted forbids',
    },
    guaranteed: 'baseline',
    witness: pod({ containers: [container('app', { securityContext: { capabilities: { add: ['CHOWN'], drop: ['ALL'] } } })] }),
  },
  {
    name: 'PSS §4.6 capabilities_restricted: defaultAddCapabilities CHOWN',
    psp: bestPsp({ defaultAddCapabilities: ['CHOWN'] }),
    gap: {
      field: 'defaultAddCapabilities',
      check: 'capabilities_restricted',
      level: 'restricted',
      message: 'defaultAddCapabilities: ["CHOWN"] adds CHOWN to containers that do not drop it, which restricted forbids',
    },
    guaranteed: 'baseline',
    witness: pod(),
  },
  {
    name: 'PSS §4.13 procMount_restricted (v1.35): Unmasked even with hostUsers: false',
    psp: bestPsp({ allowedProcMountTypes: ['Unmasked'] }),
    version: 'v1.35',
    gap: {
      field: 'allowedProcMountTypes',
      check: 'procMount_restricted',
      level: 'restricted',
      message: 'allowedProcMountTypes: ["Unmasked"] lets containers set procMount Unmasked, which restricted forbids even with hostUsers: false',
    },
    guaranteed: 'privileged',
    witness: pod({ containers: [container('app', { securityContext: { procMount: 'Unmasked' } })] }),
  },
  {
    name: 'PSS §4.17 restrictedVolumes: nfs',
    psp: bestPsp({ volumes: ['secret', 'nfs'] }),
    gap: { field: 'volumes', check: 'restrictedVolumes', level: 'restricted', message: 'volumes entry "nfs" lets pods use nfs volumes, which restricted forbids' },
    guaranteed: 'baseline',
    witness: pod({ volumes: [{ name: 'data', nfs: { server: 'nfs.example', path: '/' } }] }),
  },
  {
    name: 'PSS §4.8 runAsNonRoot: MustRunAsNonRoot admits a non-zero runAsUser without runAsNonRoot',
    psp: bestPsp(),
    gap: {
      field: 'runAsUser',
      check: 'runAsNonRoot',
      level: 'restricted',
      message:
        'runAsUser: MustRunAsNonRoot admits containers that set a non-zero runAsUser without runAsNonRoot=true, and a pod-level runAsNonRoot=false that every container overrides, which restricted forbids',
    },
    guaranteed: 'baseline',
    witness: pod({ containers: [container('app', { securityContext: { runAsUser: 1000 } })] }),
  },
  {
    name: 'PSS §4.8 runAsNonRoot: MustRunAsNonRoot admits pod-level runAsNonRoot=false overridden by every container',
    psp: bestPsp(),
    gap: {
      field: 'runAsUser',
      check: 'runAsNonRoot',
      level: 'restricted',
      message:
        'runAsUser: MustRunAsNonRoot admits containers that set a non-zero runAsUser without runAsNonRoot=true, and a pod-level runAsNonRoot=false that every container overrides, which restricted forbids',
    },
    guaranteed: 'baseline',
    witness: pod({ securityContext: { runAsNonRoot: false }, containers: [container('app', { securityContext: { runAsNonRoot: true } })] }),
  },
  {
    name: 'PSS §4.9 runAsUser: MustRunAs [1, 65535] admits pod-level runAsUser=0 overridden by every container',
    psp: bestPsp({ runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1, max: 65535 }] } }),
    gap: {
      field: 'runAsUser',
      check: 'runAsUser',
      level: 'restricted',
      message:
        "runAsUser: MustRunAs [{min: 1, max: 65535}] checks only each container's effective runAsUser, so a pod-level runAsUser=0 that every container overrides is admitted, which restricted forbids",
    },
    guaranteed: 'baseline',
    witness: pod({ securityContext: { runAsUser: 0 }, containers: [container('app', { securityContext: { runAsUser: 1000, runAsNonRoot: true } })] }),
  },
  {
    name: 'PSS §4.9 runAsUser: RunAsAny',
    psp: bestPsp({ runAsUser: { rule: 'RunAsAny' } }),
    gap: { field: 'runAsUser', check: 'runAsUser', level: 'restricted', message: 'runAsUser: RunAsAny lets containers set runAsUser=0, which restricted forbids' },
    guaranteed: 'baseline',
    witness: pod({ containers: [container('app', { securityContext: { runAsUser: 0 } })] }),
  },
  {
    name: 'PSS §4.11 seccompProfile_restricted: no allow-list forbids every profile',
    psp: bestPsp({}, { [SECCOMP_ALLOWED]: undefined, [SECCOMP_DEFAULT]: undefined }),
    gap: {
      field: SECCOMP_FIELD,
      check: 'seccompProfile_restricted',
      level: 'restricted',
      message: `${SECCOMP_ALLOWED}: unset forbids every seccomp profile, so pods never get the RuntimeDefault or Localhost profile restricted requires`,
    },
    guaranteed: 'baseline',
    witness: pod(),
  },
  {
    name: 'PSS §4.11 seccompProfile_restricted: allow-list * admits pods without a profile',
    psp: bestPsp({}, { [SECCOMP_ALLOWED]: '*', [SECCOMP_DEFAULT]: undefined }),
    gap: {
      field: SECCOMP_FIELD,
      check: 'seccompProfile_restricted',
      level: 'restricted',
      message: `${SECCOMP_ALLOWED}: "*" lets pods use no seccomp profile or unconfined, which restricted forbids`,
    },
    guaranteed: 'privileged',
    witness: pod(),
  },
];

describe('gaps per PSP field, each with a witness pod', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const version = c.version ?? 'v1.33';
      const m = migratePolicy(c.psp, version);
      expect(m.gaps).toContainEqual(c.gap);
      expect(m.guaranteedLevel).toBe(c.guaranteed);
      const admitted = admitAndStore(c.psp, c.witness);
      expect(admitted).toHaveProperty('stored');
      if ('stored' in admitted) expect(failedChecks(admitted.stored, c.gap.level, version)).toContain(c.gap.check);
    });
  }

  it('bestPsp closes every closable rule: only the runAsNonRoot and runAsUser gaps remain at v1.33', () => {
    const m = migratePolicy(bestPsp(), 'v1.33');
    expect(m.guaranteedLevel).toBe('baseline');
    expect(m.closestLevel).toBe('restricted');
    expect(m.gaps.map((g) => g.check)).toEqual(['runAsNonRoot', 'runAsUser']);
  });

  it('PSS §4.12 seLinuxOptions: MustRunAs with no type, user or role closes both SELinux rules', () => {
    const m = migratePolicy(bestPsp({ seLinux: { rule: 'MustRunAs', seLinuxOptions: { level: 's0:c1,c2' } } }), 'v1.33');
    expect(m.gaps.filter((g) => g.check === 'seLinuxOptions')).toEqual([]);
  });

  it('PSS §4.3 hostPorts: a {0, 0} range opens no port', () => {
    expect(migratePolicy(bestPsp({ hostPorts: [{ min: 0, max: 0 }] }), 'v1.33').guaranteedLevel).toBe('baseline');
  });

  it('PSS §4.14 sysctls: a prefix entirely forbidden by forbiddenSysctls is no gap', () => {
    const m = migratePolicy(bestPsp({ allowedUnsafeSysctls: ['kernel.msg*'], forbiddenSysctls: ['kernel.*'] }), 'v1.33');
    expect(m.guaranteedLevel).toBe('baseline');
  });

  it('PSP §5.8 requiredDropCapabilities [ALL] closes the drop half of capabilities_restricted; NET_BIND_SERVICE may be added', () => {
    const m = migratePolicy(bestPsp({ allowedCapabilities: ['NET_BIND_SERVICE'], defaultAddCapabilities: ['NET_BIND_SERVICE'] }), 'v1.33');
    expect(m.gaps.filter((g) => g.check === 'capabilities_restricted' || g.check === 'capabilities_baseline')).toEqual([]);
  });
});
