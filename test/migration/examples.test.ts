/**
 * The Kubernetes documentation's example PSPs (kubernetes/website content/en/examples/policy,
 * fixture psp-examples.json, CC BY 4.0) through the migration engine.
 */
import { describe, expect, it } from 'vitest';
import type { PodSecurityPolicy } from '../../src/k8s/types';
import { migratePolicy } from '../../src/migration';
import { EXAMPLE_POLICIES } from '../../src/psp';
import fixture from './fixtures/psp-examples.json';

const privileged = fixture.policies.privileged as PodSecurityPolicy;
const baseline = fixture.policies.baseline as PodSecurityPolicy;
const restricted = fixture.policies.restricted as PodSecurityPolicy;

const SELINUX_TYPE_GAP = {
  field: 'seLinux',
  check: 'seLinuxOptions',
  level: 'baseline',
  message:
    'seLinux: RunAsAny lets pods set any seLinuxOptions.type, which baseline forbids except container_t, container_init_t, container_kvm_t and container_engine_t',
};
const SELINUX_USER_ROLE_GAP = {
  field: 'seLinux',
  check: 'seLinuxOptions',
  level: 'baseline',
  message: 'seLinux: RunAsAny lets pods set seLinuxOptions.user and role, which baseline forbids',
};
const PROBES_GAP = {
  field: '(no PSP field)',
  check: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  message: '(no PSP field) probe and lifecycle handlers may set host, which baseline forbids from v1.34',
};
const RUN_AS_NON_ROOT_GAP = {
  field: 'runAsUser',
  check: 'runAsNonRoot',
  level: 'restricted',
  message:
    'runAsUser: MustRunAsNonRoot admits containers that set a non-zero runAsUser without runAsNonRoot=true, and a pod-level runAsNonRoot=false that every container overrides, which restricted forbids',
};
const RUN_AS_USER_GAP = {
  field: 'runAsUser',
  check: 'runAsUser',
  level: 'restricted',
  message:
    "runAsUser: MustRunAsNonRoot checks only each container's effective runAsUser, so a pod-level runAsUser=0 that every container overrides is admitted, which restricted forbids",
};

describe('documentation example PSPs', () => {
  it('fixture equals the engine-bundled EXAMPLE_POLICIES', () => {
    expect(fixture.policies).toEqual(EXAMPLE_POLICIES);
  });

  it('privileged example guarantees privileged and is closest to privileged (v1.33 and latest)', () => {
    for (const v of ['v1.33', 'latest']) {
      const m = migratePolicy(privileged, v);
      expect(m.policy).toBe('privileged');
      expect(m.guaranteedLevel).toBe('privileged');
      expect(m.closestLevel).toBe('privileged');
      expect(m.mutations).toEqual([]);
    }
    expect(migratePolicy(privileged, 'v1.33').gaps.map((g) => `${g.level} ${g.check} ${g.field}`)).toEqual([
      'baseline appArmorProfile metadata.annotations[apparmor.security.beta.kubernetes.io/allowedProfileNames]',
      'baseline capabilities_baseline allowedCapabilities',
      'baseline hostNamespaces hostNetwork',
      'baseline hostNamespaces hostPID',
      'baseline hostNamespaces hostIPC',
      'baseline hostPathVolumes volumes',
      'baseline hostPorts hostPorts',
      'baseline privileged privileged',
      'baseline seLinuxOptions seLinux',
      'baseline seLinuxOptions seLinux',
      'baseline seccompProfile_baseline metadata.annotations[seccomp.security.alpha.kubernetes.io/allowedProfileNames]',
      'baseline windowsHostProcess hostNetwork',
      'restricted allowPrivilegeEscalation allowPrivilegeEscalation',
      'restricted capabilities_restricted requiredDropCapabilities',
      'restricted capabilities_restricted allowedCapabilities',
      'restricted restrictedVolumes volumes',
      'restricted runAsNonRoot runAsUser',
      'restricted runAsUser runAsUser',
      'restricted seccompProfile_restricted metadata.annotations[seccomp.security.alpha.kubernetes.io/allowedProfileNames]',
    ]);
  });

  it('baseline example is closest to baseline; NET_RAW, SELinux and unconfined seccomp keep it from guaranteeing baseline (v1.33)', () => {
    const m = migratePolicy(baseline, 'v1.33');
    expect(m.guaranteedLevel).toBe('privileged');
    expect(m.closestLevel).toBe('baseline');
    expect(m.gaps.filter((g) => g.level === 'baseline')).toEqual([
      {
        field: 'allowedCapabilities',
        check: 'capabilities_baseline',
        level: 'baseline',
        message: 'allowedCapabilities entry "NET_RAW" lets containers add NET_RAW, which baseline forbids',
      },
      SELINUX_TYPE_GAP,
      SELINUX_USER_ROLE_GAP,
      {
        field: 'metadata.annotations[seccomp.security.alpha.kubernetes.io/allowedProfileNames]',
        check: 'seccompProfile_baseline',
        level: 'baseline',
        message:
          'seccomp.security.alpha.kubernetes.io/allowedProfileNames: "docker/default,runtime/default,unconfined" lets pods use the unconfined seccomp profile, which baseline forbids',
      },
    ]);
  });

  it('restricted example is closest to restricted, with exactly these gaps at v1.33', () => {
    const m = migratePolicy(restricted, 'v1.33');
    expect(m.policy).toBe('restricted');
    expect(m.guaranteedLevel).toBe('privileged');
    expect(m.closestLevel).toBe('restricted');
    expect(m.gaps).toEqual([SELINUX_TYPE_GAP, SELINUX_USER_ROLE_GAP, RUN_AS_NON_ROOT_GAP, RUN_AS_USER_GAP]);
  });

  it('restricted example at latest adds the probe-host gap (v1.34) and stays closest to restricted', () => {
    const m = migratePolicy(restricted, 'latest');
    expect(m.closestLevel).toBe('restricted');
    expect(m.gaps).toEqual([PROBES_GAP, SELINUX_TYPE_GAP, SELINUX_USER_ROLE_GAP, RUN_AS_NON_ROOT_GAP, RUN_AS_USER_GAP]);
  });

  it('restricted example lists its mutations', () => {
    expect(migratePolicy(restricted, 'latest').mutations).toEqual([
      {
        field: 'spec.securityContext.supplementalGroups',
        default: [1],
        message: 'supplementalGroups: MustRunAs sets spec.securityContext.supplementalGroups to [1] on pods that leave it unset; workloads must now set it themselves',
      },
      {
        field: 'spec.securityContext.fsGroup',
        default: 1,
        message: 'fsGroup: MustRunAs sets spec.securityContext.fsGroup to 1 on pods that leave it unset; workloads must now set it themselves',
      },
      {
        field: 'metadata.annotations[container.apparmor.security.beta.kubernetes.io/*]',
        default: 'runtime/default',
        message:
          'apparmor.security.beta.kubernetes.io/defaultProfileName: "runtime/default" gives every container (init and ephemeral containers too) without an AppArmor profile the runtime/default profile; workloads must now set it themselves (annotation, or securityContext.appArmorProfile from Kubernetes 1.30)',
      },
      {
        field: 'spec.containers[*].securityContext.runAsNonRoot',
        default: true,
        message:
          'runAsUser: MustRunAsNonRoot sets securityContext.runAsNonRoot to true on every container (init and ephemeral containers too) without an effective runAsNonRoot or runAsUser; workloads must now set it themselves',
      },
      {
        field: 'spec.containers[*].securityContext.capabilities.drop',
        default: ['ALL'],
        message:
          'requiredDropCapabilities: ["ALL"] adds them to the drop list of every container (init and ephemeral containers too); workloads must now set it themselves',
      },
      {
        field: 'spec.containers[*].securityContext.allowPrivilegeEscalation',
        default: false,
        message:
          'allowPrivilegeEscalation: false sets securityContext.allowPrivilegeEscalation to false on every container (init and ephemeral containers too) that leaves it unset; workloads must now set it themselves',
      },
    ]);
  });
});
