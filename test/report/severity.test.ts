import { describe, expect, it } from 'vitest';
import { CONTROLS } from '../../src/cis';
import { PSS_CHECKS } from '../../src/pss';
import { PSP_RULES, SEVERITY, pspRuleOf } from '../../src/report';

describe('severity table', () => {
  it('issue 5: one row per CIS canonical key, PSS check ID and PSP rule, and no other', () => {
    const expected = [
      ...Object.keys(CONTROLS).map((k) => `cis/${k}`),
      ...PSS_CHECKS.map((c) => `pss/${c.id}`),
      ...PSP_RULES,
    ].sort();
    expect(Object.keys(SEVERITY).sort()).toEqual(expected);
  });

  it('issue 5: every row has a one-line rationale', () => {
    for (const row of Object.values(SEVERITY)) {
      expect(row.rationale).toMatch(/^[A-Za-z].*\.$/);
      expect(row.rationale).not.toContain('\n');
    }
  });
});

describe('PSP rule of a violation field (psp-admission §5 field paths)', () => {
  const cases: Array<[string, string]> = [
    ['spec.containers[0].securityContext.privileged', 'psp/privileged'], // §5.2
    ['spec.securityContext.hostNetwork', 'psp/hostNetwork'], // §5.3, internal layout §2.2
    ['spec.securityContext.hostPID', 'psp/hostPID'],
    ['spec.securityContext.hostIPC', 'psp/hostIPC'],
    ['spec.initContainers[1].ports[0].hostPort', 'psp/hostPorts'], // §5.4
    ['spec.containers[0].securityContext.runAsUser', 'psp/runAsUser'], // §5.5
    ['spec.containers[0].securityContext.runAsNonRoot', 'psp/runAsUser'],
    ['spec.ephemeralContainers[0].securityContext', 'psp/runAsGroup'], // §5.6: no .runAsGroup suffix
    ['spec.securityContext.fsGroup', 'psp/fsGroup'],
    ['spec.securityContext.supplementalGroups', 'psp/supplementalGroups'],
    ['spec.volumes[2]', 'psp/volumes'], // §5.7
    ['spec.volumes[0].hostPath.pathPrefix', 'psp/allowedHostPaths'],
    ['spec.containers[1].volumeMounts[0].readOnly', 'psp/allowedHostPaths'],
    ['spec.volumes[0].driver', 'psp/allowedFlexVolumes'],
    ['spec.volumes[0].csi.driver', 'psp/allowedCSIDrivers'],
    ['spec.containers[0].securityContext.capabilities.add', 'psp/allowedCapabilities'], // §5.8
    ['spec.containers[0].securityContext.capabilities.drop', 'psp/requiredDropCapabilities'],
    ['spec.containers[0].securityContext.capabilities', 'psp/requiredDropCapabilities'],
    ['spec.containers[0].securityContext.allowPrivilegeEscalation', 'psp/allowPrivilegeEscalation'], // §5.9
    ['spec.containers[0].securityContext.readOnlyRootFilesystem', 'psp/readOnlyRootFilesystem'], // §5.10
    ['spec.containers[0].securityContext.procMount', 'psp/allowedProcMountTypes'], // §5.11
    ['spec.securityContext.seLinuxOptions', 'psp/seLinux'], // §5.12
    ['spec.containers[0].securityContext.seLinuxOptions.level', 'psp/seLinux'],
    ['pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]', 'psp/seccomp'], // §5.13
    ['pod.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]', 'psp/seccomp'],
    ['pod.metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]', 'psp/appArmor'], // §5.14
    ['pod.spec.securityContext.sysctls[0]', 'psp/sysctls'], // §5.15
    ['spec.runtimeClassName', 'psp/runtimeClass'], // §5.16
    ['something.else', 'psp/admission'],
  ];
  for (const [field, rule] of cases) {
    it(`issue 5: ${field} → ${rule}`, () => expect(pspRuleOf(field)).toBe(rule));
  }
});
