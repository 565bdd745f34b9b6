/**
 * One describe per strategy: admitted and denied, pod and container level, init and ephemeral
 * containers. Expected messages are whole Kubernetes messages (spec §5, §6).
 */
import { describe, expect, it } from 'vitest';
import { admit, container, denied, pod, psp, strictPsp } from './helpers';
import { validateCapabilities, compileCapabilitiesStrategy } from '../../src/psp/strategies/capabilities';
import { validateReadOnlyRootFilesystem } from '../../src/psp/strategies/read-only-root-filesystem';
import { validateAllowPrivilegeEscalation } from '../../src/psp/strategies/allow-privilege-escalation';
import { validateRunAsUser } from '../../src/psp/strategies/run-as-user';
import { formatFieldError } from '../../src/k8s/field-error';
import type { PspViolation } from '../../src/psp/types';

const messages = (errs: PspViolation[]) => {
  // A violation's message is its field error rendered as Kubernetes prints it.
  for (const e of errs) expect(e.message).toBe(formatFieldError(e));
  return errs.map(formatFieldError);
};

describe('runAsUser (§4.2.1, §5.5)', () => {
  const mustRunAs = psp('users', { runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] } });

  it('§4.2 MustRunAs defaults an unset container runAsUser to ranges[0].min', () => {
    const r = admit(pod(), [mustRunAs]);
    expect(r.allowed).toBe(true);
    expect(r.pod?.spec.containers[0]?.securityContext).toEqual({ runAsUser: 1000 });
    expect(r.evaluations[0]?.mutating).toBe(true);
  });

  it('§5.5 MustRunAs rejects an init container out of range', () => {
    const r = admit(pod({ initContainers: [container('i', { securityContext: { runAsUser: 5 } })] }), [mustRunAs]);
    expect(r.reason).toBe(denied(['spec.initContainers[0].securityContext.runAsUser: Invalid value: 5: must be in the ranges: [{1000 2000}]']));
  });

  it('§5.5 an inherited pod-level value is reported at the container path', () => {
    const r = admit(pod({ securityContext: { runAsUser: 5 } }), [mustRunAs]);
    expect(r.reason).toBe(denied(['spec.containers[0].securityContext.runAsUser: Invalid value: 5: must be in the ranges: [{1000 2000}]']));
  });

  it('§5.5 an ephemeral container is checked too', () => {
    const r = admit(pod({ ephemeralContainers: [container('e', { securityContext: { runAsUser: 0 } })] }), [mustRunAs]);
    expect(r.reason).toBe(denied(['spec.ephemeralContainers[0].securityContext.runAsUser: Invalid value: 0: must be in the ranges: [{1000 2000}]']));
  });

  it('§10.10 a pod-level out-of-range value overridden by every container passes unchanged', () => {
    const r = admit(pod({ securityContext: { runAsUser: 0 }, containers: [container('c', { securityContext: { runAsUser: 1500 } })] }), [mustRunAs]);
    expect(r.allowed).toBe(true);
    expect(r.evaluations[0]?.mutating).toBe(false);
  });

  it('§10.11 MustRunAsNonRoot rejects runAsUser 0 even with runAsNonRoot true', () => {
    const r = admit(pod({ containers: [container('c', { securityContext: { runAsUser: 0, runAsNonRoot: true } })] }), [
      psp('nonroot', { runAsUser: { rule: 'MustRunAsNonRoot' } }),
    ]);
    expect(r.reason).toBe(denied(['spec.containers[0].securityContext.runAsUser: Invalid value: 0: running with the root UID is forbidden']));
  });

  it('§5.5 MustRunAsNonRoot rejects runAsNonRoot false (first failing rule only)', () => {
    const r = admit(pod({ containers: [container('c', { securityContext: { runAsUser: 0, runAsNonRoot: false } })] }), [
      psp('nonroot', { runAsUser: { rule: 'MustRunAsNonRoot' } }),
    ]);
    expect(r.reason).toBe(denied(['spec.containers[0].securityContext.runAsNonRoot: Invalid value: false: must be true']));
  });

  it('§10.11 MustRunAsNonRoot without any user just sets runAsNonRoot: true', () => {
    const r = admit(pod(), [psp('nonroot', { runAsUser: { rule: 'MustRunAsNonRoot' } })]);
    expect(r.allowed).toBe(true);
    expect(r.pod?.spec.containers[0]?.securityContext).toEqual({ runAsNonRoot: true });
  });

  it('§7 a pod-level runAsNonRoot suppresses the container marker (no mutation)', () => {
    const r = admit(pod({ securityContext: { runAsNonRoot: true } }), [psp('nonroot', { runAsUser: { rule: 'MustRunAsNonRoot' } })]);
    expect(r.allowed).toBe(true);
    expect(r.evaluations[0]?.mutating).toBe(false);
  });

  it('§5.5 validateRunAsUser: both unset under MustRunAsNonRoot is Required (unreachable through admission)', () => {
    const errs: PspViolation[] = [];
    validateRunAsUser({ rule: 'MustRunAsNonRoot' }, pod(), container('c'), 'spec.containers[0]', errs);
    expect(messages(errs)).toEqual(['spec.containers[0].securityContext.runAsNonRoot: Required value: must be true']);
  });
});

describe('runAsGroup (§4.2.2, §5.6)', () => {
  it('§4.2 MustRunAs defaults an unset container runAsGroup', () => {
    const r = admit(pod(), [psp('g', { runAsGroup: { rule: 'MustRunAs', ranges: [{ min: 100, max: 200 }] } })]);
    expect(r.pod?.spec.containers[0]?.securityContext).toEqual({ runAsGroup: 100 });
  });

  it('§5.6 the runAsGroup path has no .runAsGroup suffix', () => {
    const r = admit(pod({ containers: [container('c', { securityContext: { runAsGroup: 5 } })] }), [
      psp('g', { runAsGroup: { rule: 'MustRunAs', ranges: [{ min: 100, max: 200 }] } }),
    ]);
    expect(r.reason).toBe(denied(['spec.containers[0].securityContext: Invalid value: []int64{5}: group 5 must be in the ranges: [{100 200}]']));
  });

  it('§5.6 MayRunAs leaves unset alone and checks an inherited pod value per init container', () => {
    const policy = psp('g', { runAsGroup: { rule: 'MayRunAs', ranges: [{ min: 100, max: 200 }] } });
    expect(admit(pod(), [policy]).evaluations[0]).toMatchObject({ allowed: true, mutating: false });
    const r = admit(pod({ securityContext: { runAsGroup: 5 }, initContainers: [container('i')], containers: [container('c', { securityContext: { runAsGroup: 150 } })] }), [policy]);
    expect(r.reason).toBe(denied(['spec.initContainers[0].securityContext: Invalid value: []int64{5}: group 5 must be in the ranges: [{100 200}]']));
  });
});

describe('supplementalGroups (§4.1.1, §5.6)', () => {
  const policy = psp('s', { supplementalGroups: { rule: 'MustRunAs', ranges: [{ min: 1, max: 65535 }] } });

  it('§4.1 MustRunAs fills an absent list with ranges[0].min', () => {
    const r = admit(pod(), [policy]);
    expect(r.pod?.spec.securityContext).toEqual({ supplementalGroups: [1] });
  });

  it('§10.12 an explicit [] is not defaulted and fails MustRunAs', () => {
    const r = admit(pod({ securityContext: { supplementalGroups: [] } }), [policy]);
    expect(r.reason).toBe(denied(['spec.securityContext.supplementalGroups: Invalid value: []int64{}: unable to validate empty groups against required ranges']));
  });

  it('§5.6 one error per group outside the ranges, each printing the whole list', () => {
    const r = admit(pod({ securityContext: { supplementalGroups: [0, 70000] } }), [policy]);
    expect(r.reason).toBe(
      denied([
        'spec.securityContext.supplementalGroups: Invalid value: []int64{0, 70000}: group 0 must be in the ranges: [{1 65535}]',
        'spec.securityContext.supplementalGroups: Invalid value: []int64{0, 70000}: group 70000 must be in the ranges: [{1 65535}]',
      ]),
    );
  });
});

describe('fsGroup (§4.1.2, §5.6)', () => {
  it('§4.1 MustRunAs defaults fsGroup; MayRunAs does not', () => {
    expect(admit(pod(), [psp('f', { fsGroup: { rule: 'MustRunAs', ranges: [{ min: 2, max: 3 }] } })]).pod?.spec.securityContext).toEqual({ fsGroup: 2 });
    expect(admit(pod(), [psp('f', { fsGroup: { rule: 'MayRunAs', ranges: [{ min: 2, max: 3 }] } })]).evaluations[0]?.mutating).toBe(false);
  });

  it('§5.6 an out-of-range fsGroup is rejected at the pod path', () => {
    const r = admit(pod({ securityContext: { fsGroup: 0 } }), [psp('f', { fsGroup: { rule: 'MayRunAs', ranges: [{ min: 2, max: 3 }, { min: 5, max: 5 }] } })]);
    expect(r.reason).toBe(denied(['spec.securityContext.fsGroup: Invalid value: []int64{0}: group 0 must be in the ranges: [{2 3} {5 5}]']));
  });
});

describe('seLinux (§4.1.3, §5.12)', () => {
  const options = { user: 'u', role: 'r', type: 't', level: 's0:c1,c2' };
  const policy = psp('se', { seLinux: { rule: 'MustRunAs', seLinuxOptions: options } });

  it('§4.1 MustRunAs copies the options onto the pod; containers inherit them', () => {
    const r = admit(pod(), [policy]);
    expect(r.pod?.spec.securityContext).toEqual({ seLinuxOptions: options });
    expect(r.pod?.spec.containers[0]?.securityContext).toBeUndefined();
  });

  it('§5.12 category order does not matter', () => {
    const r = admit(pod({ securityContext: { seLinuxOptions: { ...options, level: 's0:c2,c1' } } }), [policy]);
    expect(r.evaluations[0]).toMatchObject({ allowed: true, mutating: false });
  });

  it('§10.10 an inherited bad level is reported at pod and container level', () => {
    const r = admit(pod({ securityContext: { seLinuxOptions: { ...options, level: 's0:c3' } } }), [policy]);
    expect(r.reason).toBe(
      denied([
        'spec.securityContext.seLinuxOptions.level: Invalid value: "s0:c3": must be s0:c1,c2',
        'spec.containers[0].securityContext.seLinuxOptions.level: Invalid value: "s0:c3": must be s0:c1,c2',
      ]),
    );
  });

  it('§5.12 an init container type mismatch', () => {
    const r = admit(pod({ initContainers: [container('i', { securityContext: { seLinuxOptions: { ...options, type: 'x' } } })] }), [policy]);
    expect(r.reason).toBe(denied(['spec.initContainers[0].securityContext.seLinuxOptions.type: Invalid value: "x": must be t']));
  });
});

describe('capabilities (§4.2.6, §5.8)', () => {
  const policy = strictPsp('caps', { allowedCapabilities: ['CHOWN'], defaultAddCapabilities: ['SYS_TIME'], requiredDropCapabilities: ['NET_RAW'] });

  it('§4.2 default adds and required drops are written, sorted', () => {
    const r = admit(pod(), [policy]);
    expect(r.pod?.spec.containers[0]?.securityContext).toEqual({ capabilities: { add: ['SYS_TIME'], drop: ['NET_RAW'] } });
  });

  it('§10.16 lists are left exactly as written when nothing is added', () => {
    const caps = { add: ['SYS_TIME', 'CHOWN', 'CHOWN'], drop: ['NET_RAW'] };
    const r = admit(pod({ containers: [container('c', { securityContext: { capabilities: caps } })] }), [policy]);
    expect(r.evaluations[0]).toMatchObject({ allowed: true, mutating: false });
    expect(r.pod?.spec.containers[0]?.securityContext?.capabilities).toBe(caps);
  });

  it('§5.8 adding a capability outside defaultAdd ∪ allowed (ephemeral container)', () => {
    const r = admit(pod({ ephemeralContainers: [container('e', { securityContext: { capabilities: { add: ['NET_ADMIN'] } } })] }), [policy]);
    expect(r.reason).toBe(denied(['spec.ephemeralContainers[0].securityContext.capabilities.add: Invalid value: "NET_ADMIN": capability may not be added']));
  });

  it('§10.16 "*" in allowedCapabilities disables all checks', () => {
    const r = admit(pod({ containers: [container('c', { securityContext: { capabilities: { add: ['SYS_ADMIN'] } } })] }), [psp('all')]);
    expect(r.allowed).toBe(true);
  });

  it('§5.8 validateCapabilities: a required drop missing, and nil capabilities', () => {
    const compiled = compileCapabilitiesStrategy(policy);
    const errs: PspViolation[] = [];
    validateCapabilities(compiled, pod(), container('c', { securityContext: { capabilities: { drop: ['ALL'] } } }), 'spec.containers[0]', errs);
    validateCapabilities(compiled, pod(), container('c'), 'spec.initContainers[1]', errs);
    expect(messages(errs)).toEqual([
      'spec.containers[0].securityContext.capabilities.drop: Invalid value: []core.Capability{"ALL"}: NET_RAW is required to be dropped but was not found',
      'spec.initContainers[1].securityContext.capabilities: Invalid value: "null": required capabilities are not set on the securityContext',
    ]);
  });
});

describe('sysctls (§5.15)', () => {
  it('§5.15 forbidden beats safe; unsafe needs allowedUnsafeSysctls (prefix)', () => {
    const p = pod({
      securityContext: {
        sysctls: [{ name: 'kernel.msgmax', value: '1' }, { name: 'kernel.shm_rmid_forced', value: '1' }, { name: 'net.core.somaxconn', value: '1' }, { name: 'net.ipv4.tcp_syncookies', value: '1' }],
      },
    });
    const r = admit(p, [strictPsp('s', { allowedUnsafeSysctls: ['kernel.msg*'], forbiddenSysctls: ['kernel.shm_rmid_forced'] })]);
    expect(r.reason).toBe(
      denied([
        'pod.spec.securityContext.sysctls[1]: Forbidden: sysctl "kernel.shm_rmid_forced" is not allowed',
        'pod.spec.securityContext.sysctls[2]: Forbidden: unsafe sysctl "net.core.somaxconn" is not allowed',
      ]),
    );
  });
});

describe('seccomp (§4.1.4, §5.13)', () => {
  it('§5.13 no allow-list: a pod profile is forbidden at pod and every container (1 + N)', () => {
    const r = admit(pod({ containers: [container('a'), container('b')] }, { name: 'p', annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' } }), [strictPsp('s')]);
    expect(r.reason).toBe(
      denied([
        'pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Forbidden: seccomp may not be set',
        'pod.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/a]: Forbidden: seccomp may not be set',
        'pod.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/b]: Forbidden: seccomp may not be set',
      ]),
    );
  });

  it('§4.1 the default profile is written to the pod annotation', () => {
    const r = admit(pod(), [strictPsp('s', {}, { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': 'runtime/default', 'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default' })]);
    expect(r.pod?.metadata.annotations).toEqual({ 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default', 'kubernetes.io/psp': 's' });
  });

  it('§5.13 a container field profile not in the list (init container), raw list printed', () => {
    const r = admit(pod({ initContainers: [container('i', { securityContext: { seccompProfile: { type: 'Unconfined' } } })] }), [
      strictPsp('s', {}, { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': 'runtime/default', 'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default' }),
    ]);
    expect(r.reason).toBe(denied(['pod.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/i]: Forbidden: unconfined is not an allowed seccomp profile. Valid values are runtime/default']));
  });

  it('§5.13 docker/default in the list also allows runtime/default', () => {
    const r = admit(pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }), [strictPsp('s', {}, { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': 'docker/default' })]);
    expect(r.allowed).toBe(true);
  });
});

describe('AppArmor (§4.2.4, §5.14)', () => {
  const annotations = { 'apparmor.security.beta.kubernetes.io/allowedProfileNames': 'runtime/default' };

  it('§4.2 the default profile is annotated for init and regular containers', () => {
    const r = admit(pod({ initContainers: [container('i')] }), [psp('a', {}, { ...annotations, 'apparmor.security.beta.kubernetes.io/defaultProfileName': 'runtime/default' })]);
    expect(r.pod?.metadata.annotations).toEqual({
      'container.apparmor.security.beta.kubernetes.io/i': 'runtime/default',
      'container.apparmor.security.beta.kubernetes.io/c': 'runtime/default',
      'kubernetes.io/psp': 'a',
    });
  });

  it('§5.14 missing and disallowed profiles', () => {
    const p = pod({ containers: [container('c'), container('d')] }, { name: 'p', annotations: { 'container.apparmor.security.beta.kubernetes.io/d': 'localhost/bar' } });
    const r = admit(p, [psp('a', {}, annotations)]);
    expect(r.reason).toBe(
      denied([
        'pod.metadata.annotations[container.apparmor.security.beta.kubernetes.io/c]: Forbidden: AppArmor profile must be set',
        'pod.metadata.annotations[container.apparmor.security.beta.kubernetes.io/d]: Forbidden: localhost/bar is not an allowed profile. Allowed values: "runtime/default"',
      ]),
    );
  });
});

describe('hostPorts (§5.4)', () => {
  it('§5.4 path without the ports index; ranges rendered min or min-max', () => {
    const p = pod({
      initContainers: [container('i', { ports: [{ containerPort: 9000, hostPort: 9000 }] })],
      containers: [container('c', { ports: [{ containerPort: 80, hostPort: 80 }, { containerPort: 81 }] })],
    });
    const r = admit(p, [strictPsp('h', { hostPorts: [{ min: 8000, max: 8080 }, { min: 9000, max: 9000 }] })]);
    expect(r.reason).toBe(denied(['spec.containers[0].hostPort: Invalid value: 80: Host port 80 is not allowed to be used. Allowed ports: [8000-8080,9000]']));
  });

  it('§10.13 a hostNetwork pod gets hostPort = containerPort before admission', () => {
    const r = admit(pod({ hostNetwork: true, containers: [container('c', { ports: [{ containerPort: 8080 }] })] }), [strictPsp('h', { hostNetwork: true })]);
    expect(r.reason).toBe(denied(['spec.containers[0].hostPort: Invalid value: 8080: Host port 8080 is not allowed to be used. Allowed ports: []']));
  });
});

describe('volumes (§5.7)', () => {
  it('§5.7 a type not listed; cephfs is reported as cephFS', () => {
    const r = admit(pod({ volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', cephfs: { monitors: ['m'] } }, { name: 'c', configMap: { name: 'x' } }] }), [strictPsp('v', { volumes: ['configMap'] })]);
    expect(r.reason).toBe(
      denied([
        'spec.volumes[0]: Invalid value: "emptyDir": emptyDir volumes are not allowed to be used',
        'spec.volumes[1]: Invalid value: "cephFS": cephFS volumes are not allowed to be used',
      ]),
    );
  });

  it('§10.14 hostPath prefixes match at segment boundaries; read-only binds init containers', () => {
    const policy = strictPsp('v', { volumes: ['hostPath'], allowedHostPaths: [{ pathPrefix: '/foo/', readOnly: true }] });
    const p = pod({
      volumes: [{ name: 'a', hostPath: { path: '/foobar' } }, { name: 'b', hostPath: { path: '/foo/bar' } }],
      initContainers: [container('i', { volumeMounts: [{ name: 'b', mountPath: '/x' }] })],
      containers: [container('c', { volumeMounts: [{ name: 'b', mountPath: '/x', readOnly: true }] })],
    });
    expect(admit(p, [policy]).reason).toBe(
      denied([
        'spec.volumes[0].hostPath.pathPrefix: Invalid value: "/foobar": is not allowed to be used',
        'spec.initContainers[0].volumeMounts[0].readOnly: Invalid value: false: must be read-only',
      ]),
    );
  });

  it('§10.14 a matching writable entry wins over read-only ones', () => {
    const policy = strictPsp('v', { volumes: ['hostPath'], allowedHostPaths: [{ pathPrefix: '/foo', readOnly: true }, { pathPrefix: '/' }] });
    const p = pod({ volumes: [{ name: 'b', hostPath: { path: '/foo/bar' } }], containers: [container('c', { volumeMounts: [{ name: 'b', mountPath: '/x' }] })] });
    expect(admit(p, [policy]).allowed).toBe(true);
  });

  it('§10.15 flexVolume and CSI driver lists restrict even under "*"', () => {
    const p = pod({ volumes: [{ name: 'a', flexVolume: { driver: 'b' } }, { name: 'c', csi: { driver: 'x' } }] });
    const r = admit(p, [strictPsp('v', { volumes: ['*'], allowedFlexVolumes: [{ driver: 'a' }], allowedCSIDrivers: [{ name: 'y' }] })]);
    expect(r.reason).toBe(
      denied([
        'spec.volumes[0].driver: Invalid value: "b": Flexvolume driver is not allowed to be used',
        'spec.volumes[1].csi.driver: Invalid value: "x": Inline CSI driver is not allowed to be used',
      ]),
    );
  });

  it('§10.19 the projected service-account token volume is allowed through "secret"', () => {
    const token = {
      name: 'kube-api-access-abcde',
      projected: {
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    };
    expect(admit(pod({ volumes: [token] }), [strictPsp('v', { volumes: ['secret'] })]).allowed).toBe(true);
    const other = { name: 'x', projected: { sources: [{ configMap: { name: 'other' } }] } };
    expect(admit(pod({ volumes: [other] }), [strictPsp('v', { volumes: ['secret'] })]).reason).toBe(
      denied(['spec.volumes[0]: Invalid value: "projected": projected volumes are not allowed to be used']),
    );
  });
});

describe('privileged, host namespaces, procMount (§5.2, §5.3, §5.11)', () => {
  it('§5.2 a privileged init container', () => {
    const r = admit(pod({ initContainers: [container('i', { securityContext: { privileged: true } })] }), [strictPsp('s')]);
    expect(r.reason).toBe(denied(['spec.initContainers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed']));
  });

  it('§5.3 host namespaces are reported under spec.securityContext', () => {
    const r = admit(pod({ hostNetwork: true, hostPID: true, hostIPC: true }), [strictPsp('s')]);
    expect(r.reason).toBe(
      denied([
        'spec.securityContext.hostNetwork: Invalid value: true: Host network is not allowed to be used',
        'spec.securityContext.hostPID: Invalid value: true: Host PID is not allowed to be used',
        'spec.securityContext.hostIPC: Invalid value: true: Host IPC is not allowed to be used',
      ]),
    );
  });

  it('§5.11 Unmasked needs allowedProcMountTypes; Default is always fine', () => {
    const p = pod({ containers: [container('c', { securityContext: { procMount: 'Unmasked' } }), container('d', { securityContext: {} })] });
    expect(admit(p, [strictPsp('s')]).reason).toBe(denied(['spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": ProcMountType is not allowed']));
    expect(admit(p, [strictPsp('s', { allowedProcMountTypes: ['Default', 'Unmasked'] })]).allowed).toBe(true);
  });
});

describe('readOnlyRootFilesystem and allowPrivilegeEscalation (§5.9, §5.10)', () => {
  it('§4.2 readOnlyRootFilesystem: unset becomes true; false is rejected', () => {
    const policy = strictPsp('ro', { readOnlyRootFilesystem: true });
    expect(admit(pod(), [policy]).pod?.spec.containers[0]?.securityContext).toEqual({ readOnlyRootFilesystem: true });
    const r = admit(pod({ containers: [container('c', { securityContext: { readOnlyRootFilesystem: false } })] }), [policy]);
    expect(r.reason).toBe(denied(['spec.containers[0].securityContext.readOnlyRootFilesystem: Invalid value: false: ReadOnlyRootFilesystem must be set to true']));
  });

  it('§10.9 nil values print as "null"', () => {
    const errs: PspViolation[] = [];
    validateReadOnlyRootFilesystem(true, pod(), container('c'), 'spec.containers[0]', errs);
    validateAllowPrivilegeEscalation({ allowed: false, defaultValue: undefined }, pod(), container('c'), 'spec.containers[0]', errs);
    expect(messages(errs)).toEqual([
      'spec.containers[0].securityContext.readOnlyRootFilesystem: Invalid value: "null": ReadOnlyRootFilesystem may not be nil and must be set to true',
      'spec.containers[0].securityContext.allowPrivilegeEscalation: Invalid value: "null": Allowing privilege escalation for containers is not allowed',
    ]);
  });

  it('§4.2 allowPrivilegeEscalation false defaults unset to false and rejects true', () => {
    const policy = strictPsp('ape', { allowPrivilegeEscalation: false });
    expect(admit(pod(), [policy]).pod?.spec.containers[0]?.securityContext).toEqual({ allowPrivilegeEscalation: false });
    const r = admit(pod({ containers: [container('c', { securityContext: { allowPrivilegeEscalation: true } })] }), [policy]);
    expect(r.reason).toBe(denied(['spec.containers[0].securityContext.allowPrivilegeEscalation: Invalid value: true: Allowing privilege escalation for containers is not allowed']));
  });

  it('§4.2 defaultAllowPrivilegeEscalation applies when the container leaves it unset', () => {
    const r = admit(pod(), [strictPsp('ape', { defaultAllowPrivilegeEscalation: false })]);
    expect(r.pod?.spec.containers[0]?.securityContext).toEqual({ allowPrivilegeEscalation: false });
  });
});

describe('runtimeClass (§4.1.5, §5.16)', () => {
  const policy = strictPsp('rc', { runtimeClass: { allowedRuntimeClassNames: ['gvisor'], defaultRuntimeClassName: 'gvisor' } });

  it('§4.1 an unset runtimeClassName gets the default', () => {
    expect(admit(pod(), [policy]).pod?.spec.runtimeClassName).toBe('gvisor');
  });

  it('§5.16 a name not allowed is rejected without detail', () => {
    expect(admit(pod({ runtimeClassName: 'kata' }), [policy]).reason).toBe(denied(['spec.runtimeClassName: Invalid value: "kata"']));
    expect(admit(pod({ runtimeClassName: 'kata' }), [strictPsp('rc', { runtimeClass: { allowedRuntimeClassNames: ['*'] } })]).allowed).toBe(true);
  });
});
