import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../../src/k8s/field-error';
import type { PodSecurityPolicy, PodSecurityPolicySpec } from '../../src/k8s/types';
import { validatePodSecurityPolicy } from '../../src/psp/validation';

/** A valid, permissive policy; each test overrides only what it exercises. */
function psp(spec: Partial<PodSecurityPolicySpec> = {}, metadata: PodSecurityPolicy['metadata'] = { name: 'p' }): PodSecurityPolicy {
  return {
    apiVersion: 'policy/v1beta1',
    kind: 'PodSecurityPolicy',
    metadata,
    spec: {
      seLinux: { rule: 'RunAsAny' },
      runAsUser: { rule: 'RunAsAny' },
      supplementalGroups: { rule: 'RunAsAny' },
      fsGroup: { rule: 'RunAsAny' },
      ...spec,
    },
  };
}

const messages = (p: PodSecurityPolicy): string[] => validatePodSecurityPolicy(p).map(formatFieldError);

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QUALIFIED_NAME =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const ALL_VOLUMES =
  '"*", "awsElasticBlockStore", "azureDisk", "azureFile", "cephFS", "cinder", "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", "hostPath", "iscsi", "nfs", "persistentVolumeClaim", "photonPersistentDisk", "portworxVolume", "projected", "quobyte", "rbd", "scaleIO", "secret", "storageos", "vsphereVolume"';
const SYSCTL_REGEX = 'must have at most 253 characters and match regex ([a-z0-9]([-_a-z0-9]*[a-z0-9])?\\.)*([a-z0-9][-_a-z0-9]*)?[a-z0-9*]';

describe('PSP object validation (§1.4)', () => {
  it('§1.4 a minimal valid policy has no errors', () => {
    expect(messages(psp())).toEqual([]);
  });

  it('§1.4 a valid-but-unusable policy (MustRunAs without ranges/options) is accepted', () => {
    expect(
      messages(
        psp({
          runAsUser: { rule: 'MustRunAs' },
          seLinux: { rule: 'MustRunAs' },
          supplementalGroups: { rule: 'MustRunAs' },
          fsGroup: { rule: 'MayRunAs' },
          hostPorts: [{ min: 9000, max: 10 }, { min: 1, max: 70000 }],
        }),
      ),
    ).toEqual([]);
  });

  describe('§1.4 metadata', () => {
    it('§1.4 missing name is Required', () => {
      expect(messages(psp({}, {}))).toEqual(['metadata.name: Required value: name or generateName is required']);
    });
    it('§1.4 name must be a DNS-1123 subdomain', () => {
      expect(messages(psp({}, { name: 'Bad_Name' }))).toEqual([`metadata.name: Invalid value: "Bad_Name": ${SUBDOMAIN}`]);
    });
    it('§1.4 name longer than 253 characters gets only the length error', () => {
      const name = 'a'.repeat(254);
      expect(messages(psp({}, { name }))).toEqual([`metadata.name: Invalid value: "${name}": must be no more than 253 characters`]);
    });
    it('§1.4 generateName allows a trailing dash but is still a subdomain prefix', () => {
      expect(messages(psp({}, { name: 'p', generateName: 'ok-' }))).toEqual([]);
      expect(messages(psp({}, { name: 'p', generateName: 'Bad-' }))).toEqual([
        `metadata.generateName: Invalid value: "Bad-": ${SUBDOMAIN}`,
      ]);
    });
    it('§1.4 PSPs are cluster scoped: a namespace is Forbidden', () => {
      expect(messages(psp({}, { name: 'p', namespace: 'default' }))).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
    });
    it('§1.4 label keys and values follow the qualified-name / label-value rules', () => {
      expect(messages(psp({}, { name: 'p', labels: { 'a/b/c': 'x', ok: '-bad' } }))).toEqual([
        `metadata.labels: Invalid value: "a/b/c": a qualified name ${QUALIFIED_NAME} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
        `metadata.labels: Invalid value: "-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ]);
    });
    it('§1.4 annotation keys are qualified names checked case-insensitively', () => {
      expect(messages(psp({}, { name: 'p', annotations: { 'Example.COM/Key': 'v', '/x': 'v' } }))).toEqual([
        'metadata.annotations: Invalid value: "/x": prefix part must be non-empty',
      ]);
    });
    it('§1.4 total annotation size over 256 kB is Too long', () => {
      expect(messages(psp({}, { name: 'p', annotations: { big: 'x'.repeat(262142) } }))).toEqual([
        'metadata.annotations: Too long: must have at most 262144 bytes',
      ]);
      expect(messages(psp({}, { name: 'p', annotations: { big: 'x'.repeat(262141) } }))).toEqual([]);
    });
  });

  describe('§1.4 PSP annotations', () => {
    const ann = (annotations: Record<string, string>) => psp({}, { name: 'p', annotations });
    it('§1.4 AppArmor default profile must be runtime/default, unconfined or localhost/*', () => {
      expect(messages(ann({ 'apparmor.security.beta.kubernetes.io/defaultProfileName': 'docker-default' }))).toEqual([
        'metadata.annotations[apparmor.security.beta.kubernetes.io/defaultProfileName]: Invalid value: "docker-default": invalid AppArmor profile name: "docker-default"',
      ]);
    });
    it('§1.4 AppArmor allow-list errors print the whole list, once per bad entry', () => {
      expect(
        messages(ann({ 'apparmor.security.beta.kubernetes.io/allowedProfileNames': 'runtime/default,foo, localhost/x,localhost/ok' })),
      ).toEqual([
        'metadata.annotations[apparmor.security.beta.kubernetes.io/allowedProfileNames]: Invalid value: "runtime/default,foo, localhost/x,localhost/ok": invalid AppArmor profile name: "foo"',
        'metadata.annotations[apparmor.security.beta.kubernetes.io/allowedProfileNames]: Invalid value: "runtime/default,foo, localhost/x,localhost/ok": invalid AppArmor profile name: " localhost/x"',
      ]);
    });
    it('§1.4 seccomp allow-list entries are not trimmed: a space after the comma is invalid', () => {
      expect(messages(ann({ 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': 'runtime/default, docker/default' }))).toEqual([
        'metadata.annotations[seccomp.security.alpha.kubernetes.io/allowedProfileNames]: Invalid value: " docker/default": must be a valid seccomp profile',
      ]);
    });
    it('§1.4 seccomp allow-list accepts *, runtime/default, docker/default, unconfined, localhost/<rel>', () => {
      expect(
        messages(ann({ 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': '*,runtime/default,docker/default,unconfined,localhost/a/b.json' })),
      ).toEqual([]);
    });
    it('§1.4 seccomp localhost profiles must be relative and free of ..; the value is the path', () => {
      expect(messages(ann({ 'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'localhost//etc/../x' }))).toEqual([
        'metadata.annotations[seccomp.security.alpha.kubernetes.io/defaultProfileName]: Invalid value: "/etc/../x": must be a relative path',
        `metadata.annotations[seccomp.security.alpha.kubernetes.io/defaultProfileName]: Invalid value: "/etc/../x": must not contain '..'`,
      ]);
    });
    it('§1.4 a bad seccomp default profile', () => {
      expect(messages(ann({ 'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'RuntimeDefault' }))).toEqual([
        'metadata.annotations[seccomp.security.alpha.kubernetes.io/defaultProfileName]: Invalid value: "RuntimeDefault": must be a valid seccomp profile',
      ]);
    });
  });

  describe('§1.4 strategies', () => {
    it('§1.4 runAsUser rule must be one of the three', () => {
      expect(messages(psp({ runAsUser: { rule: 'MustRunAsRoot' } }))).toEqual([
        'spec.runAsUser.rule: Unsupported value: "MustRunAsRoot": supported values: "MustRunAs", "MustRunAsNonRoot", "RunAsAny"',
      ]);
    });
    it('§1.4 runAsUser missing entirely is an unsupported empty rule', () => {
      const p = psp();
      delete p.spec.runAsUser;
      expect(messages(p)).toEqual(['spec.runAsUser.rule: Unsupported value: "": supported values: "MustRunAs", "MustRunAsNonRoot", "RunAsAny"']);
    });
    it('§1.4 ID ranges: negative min/max and min > max', () => {
      expect(messages(psp({ runAsUser: { rule: 'MustRunAs', ranges: [{ min: -1, max: -2 }, { min: 5, max: 1 }] } }))).toEqual([
        'spec.runAsUser.ranges[0].min: Invalid value: -1: min cannot be negative',
        'spec.runAsUser.ranges[0].max: Invalid value: -2: max cannot be negative',
        'spec.runAsUser.ranges[0].min: Invalid value: -1: min cannot be greater than max',
        'spec.runAsUser.ranges[1].min: Invalid value: 5: min cannot be greater than max',
      ]);
    });
    it('§1.4 seLinux rule must be MustRunAs or RunAsAny', () => {
      expect(messages(psp({ seLinux: { rule: 'MayRunAs' } }))).toEqual([
        'spec.seLinux.rule: Unsupported value: "MayRunAs": supported values: "MustRunAs", "RunAsAny"',
      ]);
    });
    it('§1.4 supplementalGroups and fsGroup rules (empty rule invalid), ranges checked', () => {
      expect(messages(psp({ supplementalGroups: {}, fsGroup: { rule: 'MustRunAs', ranges: [{ min: 2, max: 1 }] } }))).toEqual([
        'spec.supplementalGroups.rule: Unsupported value: "": supported values: "MayRunAs", "MustRunAs", "RunAsAny"',
        'spec.fsGroup.ranges[0].min: Invalid value: 2: min cannot be greater than max',
      ]);
    });
    it('§1.4 runAsGroup RunAsAny with ranges: Ranges must be empty', () => {
      expect(messages(psp({ runAsGroup: { rule: 'RunAsAny', ranges: [{ min: 1, max: 2 }] } }))).toEqual([
        'spec.runAsGroup.ranges: Invalid value: []policy.IDRange{policy.IDRange{Min:1, Max:2}}: Ranges must be empty',
      ]);
    });
    it('§1.4 runAsGroup MustRunAs/MayRunAs without ranges', () => {
      expect(messages(psp({ runAsGroup: { rule: 'MustRunAs' } }))).toEqual([
        'spec.runAsGroup.ranges: Invalid value: []policy.IDRange(nil): must provide at least one range',
      ]);
      expect(messages(psp({ runAsGroup: { rule: 'MayRunAs', ranges: [] } }))).toEqual([
        'spec.runAsGroup.ranges: Invalid value: []policy.IDRange{}: must provide at least one range',
      ]);
    });
    it('§1.4 runAsGroup unknown rule lists supported values in declaration order', () => {
      expect(messages(psp({ runAsGroup: { rule: 'MustRunAsNonRoot' } }))).toEqual([
        'spec.runAsGroup.rule: Unsupported value: "MustRunAsNonRoot": supported values: "MustRunAs", "RunAsAny", "MayRunAs"',
      ]);
    });
  });

  it('§1.2/§1.4 volumes: there is no "none" type; supported values are sorted', () => {
    expect(messages(psp({ volumes: ['secret', 'none'] }))).toEqual([`spec.volumes: Unsupported value: "none": supported values: ${ALL_VOLUMES}`]);
  });

  describe('§1.4 capabilities', () => {
    it('§1.4 requiredDropCapabilities with a * allowed capability (path without spec.)', () => {
      expect(messages(psp({ allowedCapabilities: ['*'], requiredDropCapabilities: ['NET_RAW', 'SYS_ADMIN'] }))).toEqual([
        'requiredDropCapabilities: Invalid value: []core.Capability{"NET_RAW", "SYS_ADMIN"}: must be empty when all capabilities are allowed by a wildcard',
      ]);
    });
    it('§1.4 a capability both default-added / allowed and required to drop', () => {
      expect(
        messages(psp({ defaultAddCapabilities: ['CHOWN'], allowedCapabilities: ['NET_ADMIN', 'CHOWN'], requiredDropCapabilities: ['CHOWN'] })),
      ).toEqual([
        'defaultAddCapabilities: Invalid value: "CHOWN": capability is listed in defaultAddCapabilities and requiredDropCapabilities',
        'allowedCapabilities: Invalid value: "CHOWN": capability is listed in allowedCapabilities and requiredDropCapabilities',
      ]);
    });
    it('§1.4 capability spelling is not checked', () => {
      expect(messages(psp({ allowedCapabilities: ['net_admin', 'CAP_SYS_TIME'] }))).toEqual([]);
    });
  });

  it('§1.3/§1.4 defaultAllowPrivilegeEscalation true needs allowPrivilegeEscalation (omitted = true)', () => {
    expect(messages(psp({ defaultAllowPrivilegeEscalation: true, allowPrivilegeEscalation: false }))).toEqual([
      'spec.defaultAllowPrivilegeEscalation: Invalid value: true: Cannot set DefaultAllowPrivilegeEscalation to true without also setting AllowPrivilegeEscalation to true',
    ]);
    expect(messages(psp({ defaultAllowPrivilegeEscalation: true }))).toEqual([]);
  });

  it('§1.4 allowedProcMountTypes values', () => {
    expect(messages(psp({ allowedProcMountTypes: ['Default', 'unmasked'] }))).toEqual([
      'spec.allowedProcMountTypes[1]: Unsupported value: "unmasked": supported values: "Default", "Unmasked"',
    ]);
  });

  it('§1.4 allowedHostPaths: .. segments rejected, checking stops at the first empty prefix', () => {
    expect(
      messages(psp({ allowedHostPaths: [{ pathPrefix: '/var/../etc' }, { pathPrefix: 'relative/ok' }, { pathPrefix: '' }, { pathPrefix: '/..' }] })),
    ).toEqual([`spec.allowedHostPaths[0]: Invalid value: "/var/../etc": must not contain '..'`, 'spec.allowedHostPaths[2]: Required value: is required']);
  });

  it('§1.4 allowedFlexVolumes empty driver (doubled path segment)', () => {
    expect(messages(psp({ allowedFlexVolumes: [{ driver: 'example/lvm' }, { driver: '' }] }))).toEqual([
      'spec.allowedFlexVolumes.allowedFlexVolumes[1].driver: Required value: must specify a driver',
    ]);
  });

  describe('§1.4 allowedCSIDrivers', () => {
    it('§1.4 an empty name is Required and also fails the subdomain check', () => {
      expect(messages(psp({ allowedCSIDrivers: [{ name: '' }] }))).toEqual([
        'spec.allowedCSIDrivers.allowedCSIDriver[0].name: Required value',
        `spec.allowedCSIDrivers.allowedCSIDriver[0].name: Invalid value: "": ${SUBDOMAIN}`,
      ]);
    });
    it('§1.4 names are checked lower-cased and limited to 63 bytes', () => {
      const long = 'c'.repeat(64);
      expect(messages(psp({ allowedCSIDrivers: [{ name: 'CSI.Example.COM' }, { name: long }, { name: 'bad_driver' }] }))).toEqual([
        'spec.allowedCSIDrivers.allowedCSIDriver[1].name: Too long: must have at most 63 bytes',
        `spec.allowedCSIDrivers.allowedCSIDriver[2].name: Invalid value: "bad_driver": ${SUBDOMAIN}`,
      ]);
    });
  });

  describe('§1.4 sysctls', () => {
    it('§1.4 empty and malformed entries', () => {
      expect(messages(psp({ allowedUnsafeSysctls: ['', 'Kernel.msgmax', 'kernel.msg*'], forbiddenSysctls: ['net/ipv4/x'] }))).toEqual([
        'spec.allowedUnsafeSysctls[0]: Invalid value: "": empty sysctl not allowed',
        `spec.allowedUnsafeSysctls[1]: Invalid value: "Kernel.msgmax": ${SYSCTL_REGEX}`,
        `spec.forbiddenSysctls[0]: Invalid value: "net/ipv4/x": ${SYSCTL_REGEX}`,
      ]);
    });
    it('§1.4 * with other entries', () => {
      expect(messages(psp({ forbiddenSysctls: ['*', 'kernel.shm_rmid_forced'] }))).toEqual([
        "spec.forbiddenSysctls.items: Forbidden: if '*' is present, must not specify other sysctls",
      ]);
    });
    it('§1.4 overlap is reported on the entry covered by the other list', () => {
      expect(
        messages(
          psp({
            allowedUnsafeSysctls: ['kernel.msgmax', 'net.*', 'kernel.sem'],
            forbiddenSysctls: ['kernel.msg*', 'net.core.somaxconn', 'kernel.sem'],
          }),
        ),
      ).toEqual([
        'spec.allowedUnsafeSysctls[0]: Invalid value: "kernel.msgmax": sysctl overlaps with kernel.msg*',
        'spec.forbiddenSysctls[1]: Invalid value: "net.core.somaxconn": sysctl overlaps with net.*',
        'spec.allowedUnsafeSysctls[2]: Invalid value: "kernel.sem": sysctl overlaps with kernel.sem',
      ]);
    });
    it('§1.4 two overlapping patterns: the narrower one is reported', () => {
      expect(messages(psp({ allowedUnsafeSysctls: ['net.*'], forbiddenSysctls: ['net.ipv4.*'] }))).toEqual([
        'spec.forbiddenSysctls[0]: Invalid value: "net.ipv4.*": sysctl overlaps with net.*',
      ]);
    });
  });

  describe('§1.4 runtimeClass', () => {
    it('§1.4 names must be subdomains, duplicates are reported', () => {
      expect(messages(psp({ runtimeClass: { allowedRuntimeClassNames: ['gvisor', 'Kata', 'gvisor'] } }))).toEqual([
        `spec.runtimeClass.allowedRuntimeClassNames[1]: Invalid value: "Kata": ${SUBDOMAIN}`,
        'spec.runtimeClass.allowedRuntimeClassNames[2]: Duplicate value: "gvisor"',
      ]);
    });
    it('§1.4 the default must be valid and allowed', () => {
      expect(messages(psp({ runtimeClass: { allowedRuntimeClassNames: ['gvisor'], defaultRuntimeClassName: 'kata' } }))).toEqual([
        'spec.runtimeClass.allowedRuntimeClassNames: Required value: default "kata" must be allowed',
      ]);
      expect(messages(psp({ runtimeClass: { allowedRuntimeClassNames: ['*'], defaultRuntimeClassName: 'kata' } }))).toEqual([]);
    });
    it('§1.4 * with other names', () => {
      expect(messages(psp({ runtimeClass: { allowedRuntimeClassNames: ['*', 'gvisor'] } }))).toEqual([
        `spec.runtimeClass.allowedRuntimeClassNames: Invalid value: []string{"*", "gvisor"}: if '*' is present, must not specify other RuntimeClass names`,
      ]);
    });
  });

  it('§1.4 errors come in apiserver order: metadata, annotations, then spec rule order', () => {
    expect(
      messages(
        psp(
          {
            runtimeClass: { allowedRuntimeClassNames: [], defaultRuntimeClassName: 'x' },
            volumes: ['none'],
            runAsUser: { rule: 'X' },
            requiredDropCapabilities: ['A'],
            allowedCapabilities: ['A'],
          },
          { name: 'p', namespace: 'n', annotations: { 'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'x' } },
        ),
      ),
    ).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
      'metadata.annotations[seccomp.security.alpha.kubernetes.io/defaultProfileName]: Invalid value: "x": must be a valid seccomp profile',
      'spec.runAsUser.rule: Unsupported value: "X": supported values: "MustRunAs", "MustRunAsNonRoot", "RunAsAny"',
      `spec.volumes: Unsupported value: "none": supported values: ${ALL_VOLUMES}`,
      'allowedCapabilities: Invalid value: "A": capability is listed in allowedCapabilities and requiredDropCapabilities',
      'spec.runtimeClass.allowedRuntimeClassNames: Required value: default "x" must be allowed',
    ]);
  });

  it('§1.4 validation does not modify its input', () => {
    const p = psp({ allowedUnsafeSysctls: ['a.*'] });
    const before = JSON.stringify(p);
    validatePodSecurityPolicy(p);
    expect(JSON.stringify(p)).toBe(before);
  });
});
