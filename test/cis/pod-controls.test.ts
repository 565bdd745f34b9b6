/** Pod mode (spec §4, §5 a): exact findings, notes and options, under cis-1.11 (all 13 controls). */

import { describe, expect, it } from 'vitest';
import { type CisOptions, type ControlResult, DECISIONS, evaluatePodControls } from '../../src/cis';
import type { Container, PodTemplate } from '../../src/k8s/types';
import { container, hardenedContainer, hardenedPod, pod } from './helpers';

function control(p: PodTemplate, key: string, opts: Partial<CisOptions> = {}): ControlResult {
  return evaluatePodControls(p, { benchmark: 'cis-1.11', ...opts }).find((r) => r.key === key)!;
}

/** A hardened container with its securityContext replaced. */
function withSC(name: string, sc: Container['securityContext'], extra: Partial<Container> = {}): Container {
  return container(name, { securityContext: sc, ...extra });
}

const msgs = (r: ControlResult) => r.findings.map((f) => f.message);
const noteCodes = (r: ControlResult) => r.notes.map((n) => n.code);
const decision = (code: string) => DECISIONS.find((d) => d.code === code)!;

describe('§4.2 containers: init, regular, ephemeral, in that order', () => {
  const p = pod({
    initContainers: [withSC('setup', { privileged: true })],
    containers: [withSC('app', { privileged: true })],
    ephemeralContainers: [withSC('debug', { privileged: true })],
  });

  it('§4.2 default scope evaluates all three lists with list-specific paths', () => {
    expect(control(p, 'privileged').findings.map((f) => [f.path, f.container, f.message])).toEqual([
      ['spec.initContainers[0].securityContext.privileged', 'setup', 'init container "setup" sets securityContext.privileged=true'],
      ['spec.containers[0].securityContext.privileged', 'app', 'container "app" sets securityContext.privileged=true'],
      ['spec.ephemeralContainers[0].securityContext.privileged', 'debug', 'ephemeral container "debug" sets securityContext.privileged=true'],
    ]);
  });

  it('§4.2 containerScope=containers evaluates spec.containers[] only and says so', () => {
    const r = control(p, 'privileged', { containerScope: 'containers' });
    expect(r.findings.map((f) => f.path)).toEqual(['spec.containers[0].securityContext.privileged']);
    expect(r.notes).toEqual([decision('decision-container-scope')]);
  });

  it('§4.2 containerScope=containers on a pod with an init container only: privileged init container passes', () => {
    const q = pod({ initContainers: [withSC('setup', { privileged: true })], containers: [hardenedContainer()] });
    expect(control(q, 'privileged', { containerScope: 'containers' }).status).toBe('pass');
    expect(control(q, 'privileged').status).toBe('fail');
  });
});

describe('§5.2 privileged', () => {
  it('§5.2 privileged: false passes', () => {
    expect(control(pod({ containers: [withSC('app', { privileged: false })] }), 'privileged').status).toBe('pass');
  });
  it('§5.2 one finding per privileged container, with remediation', () => {
    const r = control(pod({ containers: [withSC('a', { privileged: true }), container('b'), withSC('c', { privileged: true })] }), 'privileged');
    expect(r.findings).toEqual([
      {
        path: 'spec.containers[0].securityContext.privileged',
        container: 'a',
        value: true,
        reason: 'privileged',
        message: 'container "a" sets securityContext.privileged=true',
        remediation: 'Remove securityContext.privileged from the container or set it to false.',
      },
      {
        path: 'spec.containers[2].securityContext.privileged',
        container: 'c',
        value: true,
        reason: 'privileged',
        message: 'container "c" sets securityContext.privileged=true',
        remediation: 'Remove securityContext.privileged from the container or set it to false.',
      },
    ]);
  });
});

describe('§5.3 host namespaces', () => {
  it.each([
    ['host-pid', 'hostPID', 'pod shares the host process ID namespace (spec.hostPID=true)'],
    ['host-ipc', 'hostIPC', 'pod shares the host IPC namespace (spec.hostIPC=true)'],
    ['host-network', 'hostNetwork', 'pod shares the host network namespace (spec.hostNetwork=true)'],
  ])('§5.3 %s: %s=true fails at pod level', (key, field, message) => {
    const r = control(hardenedPod({ [field]: true }), key);
    expect([r.status, r.findings.map((f) => [f.path, f.value, f.message])]).toEqual(['fail', [[`spec.${field}`, true, message]]]);
  });

  it.each([
    ['host-pid', 'hostPID'],
    ['host-ipc', 'hostIPC'],
    ['host-network', 'hostNetwork'],
  ])('§5.3/§6.7 %s: explicit %s=false passes, with the decision noted', (key, field) => {
    const r = control(hardenedPod({ [field]: false }), key);
    expect([r.status, r.notes]).toEqual(['pass', [{ ...decision('decision-host-namespace-false'), path: `spec.${field}` }]]);
  });
});

describe('§5.4 allow-privilege-escalation', () => {
  it('§5.4 explicit true fails', () => {
    const r = control(pod({ containers: [withSC('app', { allowPrivilegeEscalation: true })] }), 'allow-privilege-escalation');
    expect([r.status, msgs(r)]).toEqual(['fail', ['container "app" sets securityContext.allowPrivilegeEscalation=true']]);
  });

  it('§5.4/§6.2 unset passes by default (audit parity) with a note', () => {
    const r = control(pod({ containers: [container('app')] }), 'allow-privilege-escalation');
    expect([r.status, noteCodes(r)]).toEqual(['pass', ['escalation-unset', 'decision-escalation-audit-parity']]);
  });

  it('§5.4 privilegeEscalation=strict fails an unset value', () => {
    const r = control(pod({ containers: [container('app')] }), 'allow-privilege-escalation', { privilegeEscalation: 'strict' });
    expect([r.status, r.findings.map((f) => [f.reason, f.path, f.message])]).toEqual([
      'fail',
      [
        [
          'escalation-unset',
          'spec.containers[0].securityContext.allowPrivilegeEscalation',
          'container "app" does not set securityContext.allowPrivilegeEscalation; Kubernetes allows privilege escalation by default',
        ],
      ],
    ]);
  });

  it('§5.4 strict passes an explicit false', () => {
    const r = control(hardenedPod(), 'allow-privilege-escalation', { privilegeEscalation: 'strict' });
    expect(r.status).toBe('pass');
  });

  it('§5.4 privileged and SYS_ADMIN force escalation: notes in audit mode', () => {
    const p = pod({
      containers: [withSC('priv', { privileged: true, allowPrivilegeEscalation: false }), withSC('admin', { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } })],
    });
    const r = control(p, 'allow-privilege-escalation');
    expect([r.status, r.notes.map((n) => [n.code, n.path, n.message])]).toEqual([
      'pass',
      [
        ['escalation-forced-privileged', 'spec.containers[0].securityContext.privileged', 'container "priv" is privileged, which always allows privilege escalation'],
        [
          'escalation-forced-sys-admin',
          'spec.containers[1].securityContext.capabilities.add[0]',
          'container "admin" adds capability "CAP_SYS_ADMIN", which always allows privilege escalation',
        ],
        ['decision-escalation-forced', undefined, decision('decision-escalation-forced').message],
      ],
    ]);
  });

  it('§5.4 strict: forced escalation fails', () => {
    const p = pod({ containers: [withSC('priv', { privileged: true, allowPrivilegeEscalation: false })] });
    const r = control(p, 'allow-privilege-escalation', { privilegeEscalation: 'strict' });
    expect([r.status, r.findings.map((f) => f.reason)]).toEqual(['fail', ['escalation-forced-privileged']]);
  });
});

describe('§5.5 root', () => {
  it('§5.5 runAsUser 0 fails as explicit-root', () => {
    const r = control(pod({ containers: [withSC('app', { runAsUser: 0 })] }), 'root');
    expect(r.findings).toEqual([
      {
        path: 'spec.containers[0].securityContext.runAsUser',
        container: 'app',
        value: 0,
        reason: 'explicit-root',
        message: 'container "app" runs as UID 0 (securityContext.runAsUser=0)',
        remediation: 'Set securityContext.runAsNonRoot: true and a non-zero runAsUser on the container or the pod, and never runAsUser: 0.',
      },
    ]);
  });

  it('§5.5 runAsUser 0 fails even with runAsNonRoot true', () => {
    const r = control(pod({ containers: [withSC('app', { runAsUser: 0, runAsNonRoot: true })] }), 'root');
    expect(msgs(r)).toEqual(['container "app" runs as UID 0 (securityContext.runAsUser=0); runAsNonRoot=true makes the kubelet refuse to start it']);
  });

  it('§5.5 pod-level runAsUser 0 is inherited and the finding says so', () => {
    const r = control(pod({ securityContext: { runAsUser: 0 }, containers: [container('app')] }), 'root');
    expect(r.findings.map((f) => [f.path, f.inheritedFrom, f.message])).toEqual([
      ['spec.securityContext.runAsUser', 'pod', 'container "app" runs as UID 0 (inherited from spec.securityContext.runAsUser=0)'],
    ]);
  });

  it('§5.5/§4.3 a container runAsUser overrides the pod-level 0', () => {
    const r = control(pod({ securityContext: { runAsUser: 0 }, containers: [withSC('app', { runAsUser: 1000 }), container('sidecar')] }), 'root');
    expect(r.findings.map((f) => [f.container, f.reason, f.inheritedFrom])).toEqual([['sidecar', 'explicit-root', 'pod']]);
  });

  it('§5.5 uid > 0 passes; uid unset with runAsNonRoot true (pod level) passes', () => {
    expect(control(pod({ containers: [withSC('app', { runAsUser: 1 })] }), 'root').status).toBe('pass');
    expect(control(pod({ securityContext: { runAsNonRoot: true }, containers: [container('app')] }), 'root').status).toBe('pass');
  });

  it('§5.5 container runAsNonRoot false overrides pod-level true: unverified-user', () => {
    const r = control(pod({ securityContext: { runAsNonRoot: true }, containers: [withSC('app', { runAsNonRoot: false })] }), 'root');
    expect(r.findings.map((f) => [f.reason, f.path, f.value, f.message])).toEqual([
      [
        'unverified-user',
        'spec.containers[0].securityContext.runAsNonRoot',
        false,
        'container "app" sets no runAsUser and runAsNonRoot=false (securityContext.runAsNonRoot=false), so it runs as the image\'s USER, which is root unless the image says otherwise',
      ],
    ]);
  });

  it('§5.5 inherited runAsNonRoot false: unverified-user, inherited from the pod', () => {
    const r = control(pod({ securityContext: { runAsNonRoot: false }, containers: [container('app')] }), 'root');
    expect(r.findings.map((f) => [f.path, f.inheritedFrom, f.message])).toEqual([
      [
        'spec.securityContext.runAsNonRoot',
        'pod',
        'container "app" sets no runAsUser and runAsNonRoot=false (inherited from spec.securityContext.runAsNonRoot=false), so it runs as the image\'s USER, which is root unless the image says otherwise',
      ],
    ]);
  });

  it('§5.5/§6.3 rootRule=explicitOnly passes an unverified user, as a note, but still fails UID 0', () => {
    const r = control(pod({ containers: [container('app')] }), 'root', { rootRule: 'explicitOnly' });
    expect([r.status, noteCodes(r)]).toEqual(['pass', ['unverified-user', 'decision-root-unverified-user']]);
    const z = control(pod({ containers: [withSC('app', { runAsUser: 0 })] }), 'root', { rootRule: 'explicitOnly' });
    expect(z.status).toBe('fail');
  });

  it('§5.5 runAsGroup is irrelevant', () => {
    expect(control(pod({ containers: [withSC('app', { runAsGroup: 0, runAsUser: 10 })] }), 'root').status).toBe('pass');
  });

  it('§5.5 hostUsers: false keeps the result and adds a note', () => {
    const r = control(pod({ hostUsers: false, containers: [withSC('app', { runAsUser: 0 })] }), 'root');
    expect([r.status, r.notes]).toEqual(['fail', [{ ...decision('decision-root-host-users'), path: 'spec.hostUsers' }]]);
  });

  it('§5.5 Windows pods: notApplicable (decision noted)', () => {
    const r = control(pod({ os: { name: 'windows' }, containers: [container('app')] }), 'root');
    expect([r.status, r.findings, r.notes]).toEqual(['notApplicable', [], [{ ...decision('decision-root-windows'), path: 'spec.os.name' }]]);
  });

  it('§5.5 ephemeral containers are judged too', () => {
    const p = pod({ containers: [hardenedContainer()], ephemeralContainers: [container('debug')] });
    expect(control(p, 'root').findings.map((f) => f.path)).toEqual(['spec.ephemeralContainers[0].securityContext.runAsNonRoot']);
  });
});

describe('§5.6 net-raw and §4.4 capability spelling', () => {
  const caps = (add?: string[], drop?: string[]) => pod({ containers: [withSC('app', { capabilities: { ...(add && { add }), ...(drop && { drop }) } })] });

  it.each([['ALL'], ['NET_RAW'], ['all'], ['net_raw']])('§4.4 a drop of %j is credited', (d) => {
    expect(control(caps(undefined, [d]), 'net-raw').status).toBe('pass');
  });

  it('§4.4 a CAP_-prefixed drop is not credited and is reported as non-canonical-drop', () => {
    const r = control(caps(undefined, ['CAP_NET_RAW']), 'net-raw');
    expect([r.status, r.findings.map((f) => [f.reason, f.value])]).toEqual(['fail', [['net-raw-not-dropped', ['CAP_NET_RAW']]]]);
    expect(r.notes.filter((n) => n.code === 'non-canonical-drop')).toEqual([
      {
        code: 'non-canonical-drop',
        message: 'container "app" drops "CAP_NET_RAW", which is not credited: runtimes add the CAP_ prefix themselves, so write "NET_RAW"',
        path: 'spec.containers[0].securityContext.capabilities.drop[0]',
        container: 'app',
      },
    ]);
    expect(noteCodes(r)).toContain('decision-capability-drop-spelling');
  });

  it.each([['NET_RAW'], ['net_raw'], ['CAP_NET_RAW'], [' cap_net_raw ']])('§4.4 a grant of %j means NET_RAW (fails even when ALL is dropped)', (a) => {
    const r = control(caps([a], ['ALL']), 'net-raw');
    expect(r.findings.map((f) => [f.reason, f.path, f.message])).toEqual([
      ['net-raw-added', 'spec.containers[0].securityContext.capabilities.add[0]', `container "app" adds capability ${JSON.stringify(a)}`],
    ]);
  });

  it('§5.6 add ALL fails', () => {
    const r = control(caps(['all'], ['ALL']), 'net-raw');
    expect(msgs(r)).toEqual(['container "app" adds capability "all", which includes NET_RAW']);
  });

  it('§5.6 privileged fails regardless of drop', () => {
    const r = control(pod({ containers: [withSC('app', { privileged: true, capabilities: { drop: ['ALL'] } })] }), 'net-raw');
    expect(msgs(r)).toEqual(['container "app" is privileged and has every capability, including NET_RAW']);
  });

  it('§5.6 no drop fails, and says runtimes grant NET_RAW by default', () => {
    const r = control(pod({ containers: [container('app')] }), 'net-raw');
    expect([r.findings.map((f) => [f.path, f.message]), noteCodes(r)]).toEqual([
      [['spec.containers[0].securityContext.capabilities.drop', 'container "app" does not drop NET_RAW or ALL, and common runtimes grant NET_RAW by default']],
      ['decision-net-raw-runtime-default'],
    ]);
  });
});

describe('§5.7 added-capabilities', () => {
  it('§5.7 any add entry fails, including NET_BIND_SERVICE; the list is reported', () => {
    const r = control(pod({ initContainers: [withSC('init', { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'] } })], containers: [hardenedContainer()] }), 'added-capabilities');
    expect(r.findings.map((f) => [f.path, f.value, f.message])).toEqual([
      ['spec.initContainers[0].securityContext.capabilities.add', ['NET_BIND_SERVICE', 'CHOWN'], 'init container "init" adds capabilities ["NET_BIND_SERVICE", "CHOWN"]'],
    ]);
  });
  it('§5.7 an empty add list passes', () => {
    expect(control(pod({ containers: [withSC('app', { capabilities: { add: [] } })] }), 'added-capabilities').status).toBe('pass');
  });
});

describe('§5.8 capabilities-assigned', () => {
  it('§5.8 drop ALL passes, and adds are reported as context only', () => {
    const r = control(pod({ containers: [withSC('app', { capabilities: { drop: ['ALL'], add: ['CHOWN'] } })] }), 'capabilities-assigned');
    expect([r.status, r.notes.map((n) => n.message)]).toEqual(['pass', ['container "app" adds capabilities ["CHOWN"]']]);
  });
  it('§5.8/§4.4 drop CAP_ALL is not credited', () => {
    const r = control(pod({ containers: [withSC('app', { capabilities: { drop: ['CAP_ALL'] } })] }), 'capabilities-assigned');
    expect([r.status, noteCodes(r)]).toEqual(['fail', ['non-canonical-drop', 'decision-capability-drop-spelling']]);
  });
  it('§5.8 a privileged container fails even when it drops ALL', () => {
    const r = control(pod({ containers: [withSC('app', { privileged: true, capabilities: { drop: ['ALL'] } })] }), 'capabilities-assigned');
    expect(msgs(r)).toEqual(['container "app" is privileged and has every capability']);
  });
});

describe('§5.9 windows-hostprocess', () => {
  it('§5.9 pod-level and container-level hostProcess both fail', () => {
    const p = pod({ securityContext: { windowsOptions: { hostProcess: true } }, containers: [withSC('app', { windowsOptions: { hostProcess: true } })] });
    expect(control(p, 'windows-hostprocess').findings.map((f) => [f.path, f.message])).toEqual([
      ['spec.securityContext.windowsOptions.hostProcess', 'pod sets spec.securityContext.windowsOptions.hostProcess=true'],
      ['spec.containers[0].securityContext.windowsOptions.hostProcess', 'container "app" sets securityContext.windowsOptions.hostProcess=true'],
    ]);
  });
  it('§5.9 hostProcess false passes', () => {
    expect(control(pod({ containers: [withSC('app', { windowsOptions: { hostProcess: false } })] }), 'windows-hostprocess').status).toBe('pass');
  });
});

describe('§5.10 hostpath-volumes', () => {
  it('§5.10 reports the volume, its path and which containers mount it', () => {
    const p = pod({
      volumes: [{ name: 'cfg', configMap: { name: 'x' } }, { name: 'sock', hostPath: { path: '/var/run/docker.sock' } }],
      initContainers: [container('init', { volumeMounts: [{ name: 'sock', mountPath: '/s' }] })],
      containers: [container('app', { volumeMounts: [{ name: 'sock', mountPath: '/s' }] })],
    });
    expect(control(p, 'hostpath-volumes').findings.map((f) => [f.path, f.value, f.message])).toEqual([
      ['spec.volumes[1].hostPath', '/var/run/docker.sock', 'volume "sock" is a hostPath volume for "/var/run/docker.sock"; mounted by init container "init", container "app"'],
    ]);
  });
  it('§5.10 an unmounted hostPath volume still fails (decision noted)', () => {
    const r = control(pod({ volumes: [{ name: 'h', hostPath: { path: '/' } }], containers: [container('app')] }), 'hostpath-volumes');
    expect([msgs(r), noteCodes(r)]).toEqual([['volume "h" is a hostPath volume for "/"; no container mounts it'], ['decision-hostpath-unmounted']]);
  });
});

describe('§5.11 host-ports', () => {
  it('§5.11 hostPort set and not 0 fails; hostPort 0 passes', () => {
    const p = pod({ containers: [container('app', { ports: [{ containerPort: 80, hostPort: 0 }, { containerPort: 443, hostPort: 8443 }] })] });
    expect(control(p, 'host-ports').findings.map((f) => [f.path, f.value, f.message])).toEqual([
      ['spec.containers[0].ports[1].hostPort', 8443, 'container "app" uses hostPort 8443'],
    ]);
  });
  it('§5.11 init containers with hostPort fail too', () => {
    const p = pod({ initContainers: [container('init', { ports: [{ containerPort: 80, hostPort: 80 }] })], containers: [container('app')] });
    expect(control(p, 'host-ports').findings.map((f) => f.path)).toEqual(['spec.initContainers[0].ports[0].hostPort']);
  });
  it('§5.11 isPod with hostNetwork: the API server default hostPort = containerPort is emulated', () => {
    const p = pod({ hostNetwork: true, containers: [container('app', { ports: [{ containerPort: 8080 }] })] });
    const r = control(p, 'host-ports', { isPod: true });
    expect([r.status, r.findings.map((f) => [f.reason, f.value, f.message]), noteCodes(r)]).toEqual([
      'fail',
      [['host-port-defaulted', 8080, 'container "app" gets hostPort 8080: the API server sets hostPort to containerPort for pods with hostNetwork: true']],
      ['decision-host-port-defaulting'],
    ]);
  });
  it('§5.11 templates (isPod unset) are not defaulted', () => {
    const p = pod({ hostNetwork: true, containers: [container('app', { ports: [{ containerPort: 8080 }] })] });
    expect(control(p, 'host-ports').status).toBe('pass');
  });
});

describe('§5.1/§5.12/§5.13 controls a pod cannot decide', () => {
  it('§5.1 policy-mechanism is manual for a pod', () => {
    const r = control(hardenedPod(), 'policy-mechanism');
    expect([r.status, r.assessment, r.notes]).toEqual(['manual', 'Manual', [decision('decision-policy-mechanism-pod')]]);
  });
  it('§5.12 pss-baseline-enforced is manual for a pod (gke-1.9.0)', () => {
    const [r] = evaluatePodControls(hardenedPod(), { benchmark: 'gke-1.9.0' });
    expect([r!.id, r!.status, r!.notes]).toEqual(['4.2.1', 'manual', [decision('decision-pss-baseline-pod')]]);
  });
  it('§5.13 privileged-scc-access is notApplicable (rh-1.8)', () => {
    const r = evaluatePodControls(hardenedPod(), { benchmark: 'rh-1.8' }).at(-1)!;
    expect([r.id, r.status]).toEqual(['5.2.10', 'notApplicable']);
  });
});

describe('input is never mutated', () => {
  it('§4.1 evaluating a pod leaves it unchanged', () => {
    const p = pod({ hostNetwork: true, containers: [container('app', { ports: [{ containerPort: 80 }] })] });
    const before = JSON.stringify(p);
    evaluatePodControls(p, { benchmark: 'cis-1.11', isPod: true });
    expect(JSON.stringify(p)).toBe(before);
  });
});
