/**
 * Whole-message tests of every Pod Security Standards check (spec pod-security-standards.md §4),
 * the registry and version handling (§1, §2), aggregation (§3) and the public API.
 * Expected strings follow the library's message rules (policy/check_*.go and *_test.go at
 * kubernetes/pod-security-admission 8f84a87c); where an upstream unit test has the same case, its
 * expectation is reproduced verbatim.
 */
import { describe, expect, it } from 'vitest';
import type { Container, PodSecurityContext, PodSpec, PodTemplate } from '../../src/k8s/types';
import {
  PSS_CHECKS,
  PSS_LEVELS,
  PSS_MAX_VERSION,
  aggregateForbidden,
  evaluatePss,
  minimumPssLevel,
  parsePssVersion,
  resolvePssVersion,
  type PssLevel,
} from '../../src/pss';
import { selectChecks } from '../../src/pss/registry';
import data from '../fixtures/pss/conformance.json';

// ---------------------------------------------------------------------------------------------
// builders

/** A container that satisfies every restricted check on its own. */
function rc(name: string, extra: Partial<Container> = {}): Container {
  return {
    name,
    image: 'registry.k8s.io/pause',
    ...extra,
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
      ...extra.securityContext,
    },
  };
}

/** A bare container (nothing set). */
function bc(name: string, extra: Partial<Container> = {}): Container {
  return { name, image: 'registry.k8s.io/pause', ...extra };
}

function pod(spec: Partial<PodSpec>, annotations?: Record<string, string>): PodTemplate {
  return {
    metadata: annotations === undefined ? { name: 'p' } : { name: 'p', annotations },
    spec: { containers: [], ...spec },
  };
}

/** The message at a level/version (null when allowed). */
function msg(p: PodTemplate, level: PssLevel, version = 'latest', isPod = false): string | null {
  return evaluatePss(p, level, version, { isPod }).message;
}

const B = 'violates PodSecurity "baseline:latest": ';
const R = 'violates PodSecurity "restricted:latest": ';
const bAt = (v: string): string => `violates PodSecurity "baseline:${v}": `;
const rAt = (v: string): string => `violates PodSecurity "restricted:${v}": `;

interface FixtureCase {
  file: string;
  level: PssLevel;
  version: string;
  pod: PodTemplate;
}
const fixture = (file: string): PodTemplate => {
  const c = (data.cases as unknown as FixtureCase[]).find((x) => x.file === file);
  if (c === undefined) throw new Error(`no fixture ${file}`);
  return c.pod;
};

// ---------------------------------------------------------------------------------------------

describe('§1 levels and versions', () => {
  it('§1.1 PSS_LEVELS are least to most restrictive', () => {
    expect(PSS_LEVELS).toEqual(['privileged', 'baseline', 'restricted']);
  });

  it('§1.1 privileged has no checks: any pod is allowed with no message', () => {
    const p = pod({ hostPID: true, containers: [bc('a', { securityContext: { privileged: true } })] });
    expect(evaluatePss(p, 'privileged', 'v1.0')).toEqual({
      level: 'privileged',
      version: 'v1.0',
      resolvedVersion: 'v1.0',
      allowed: true,
      forbidden: [],
      message: null,
    });
  });

  it('§1.2 parsePssVersion accepts latest and v1.<minor> without leading zeros', () => {
    for (const v of ['latest', 'v1.0', 'v1.9', 'v1.10', 'v1.37', 'v1.50', 'v1.1000']) {
      expect(parsePssVersion(v)).toEqual({ ok: true, version: v });
    }
  });

  it('§1.2 parsePssVersion rejects other strings with upstream\'s error text', () => {
    for (const v of ['v1.07', '1.25', 'v2.0', 'v1.25.3', '', 'Latest', 'v1.', 'v1.-1', ' v1.2', 'v1.99999999999999999999']) {
      expect(parsePssVersion(v)).toEqual({ ok: false, error: 'must be "latest" or "v1.x"' });
    }
  });

  it('§1.2 evaluatePss throws RangeError for an invalid version or level', () => {
    const p = pod({ containers: [rc('a')] });
    expect(() => evaluatePss(p, 'baseline', 'v1.07')).toThrow(RangeError);
    expect(() => evaluatePss(p, 'Baseline' as PssLevel, 'latest')).toThrow(RangeError);
  });

  it('§1.3 latest and newer versions clamp to PSS_MAX_VERSION v1.37; the message keeps the requested string', () => {
    expect(PSS_MAX_VERSION).toBe('v1.37');
    expect(resolvePssVersion('latest')).toBe('v1.37');
    expect(resolvePssVersion('v1.50')).toBe('v1.37');
    expect(resolvePssVersion('v1.37')).toBe('v1.37');
    expect(resolvePssVersion('v1.36')).toBe('v1.36');
    const p = pod({ containers: [bc('app', { securityContext: { privileged: true } })] });
    const r = evaluatePss(p, 'baseline', 'v1.50');
    expect(r.version).toBe('v1.50');
    expect(r.resolvedVersion).toBe('v1.37');
    expect(r.message).toBe(
      'violates PodSecurity "baseline:v1.50": privileged (container "app" must not set securityContext.privileged=true)',
    );
    expect(evaluatePss(p, 'baseline', 'latest').resolvedVersion).toBe('v1.37');
  });

  it('§1.3 v1.37 sysctls apply to latest and v1.50 (evaluated as v1.37), not to v1.36', () => {
    const p = pod({ containers: [rc('a')], securityContext: { sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }] } });
    expect(msg(p, 'baseline', 'latest')).toBeNull();
    expect(msg(p, 'baseline', 'v1.50')).toBeNull();
    expect(msg(p, 'baseline', 'v1.36')).toBe(`${bAt('v1.36')}forbidden sysctls (net.ipv4.tcp_notsent_lowat)`);
  });

  it('§1.3 PSS_MAX_VERSION equals the largest minimum version in the registry', () => {
    const minors = PSS_CHECKS.flatMap((c) => c.versions.map((v) => Number(v.slice(3))));
    expect(`v1.${Math.max(...minors)}`).toBe(PSS_MAX_VERSION);
  });
});

describe('§2 registry', () => {
  it('§2 / §2.2 PSS_CHECKS lists the 19 checks in run order with levels, versions and overrides', () => {
    expect(PSS_CHECKS.map((c) => [c.id, c.level, c.versions.join(' '), c.overrides.join(' ')])).toEqual([
      ['appArmorProfile', 'baseline', 'v1.0', ''],
      ['capabilities_baseline', 'baseline', 'v1.0', ''],
      ['hostNamespaces', 'baseline', 'v1.0', ''],
      ['hostPathVolumes', 'baseline', 'v1.0', ''],
      ['hostPorts', 'baseline', 'v1.0', ''],
      ['hostProbesAndHostLifecycle', 'baseline', 'v1.34', ''],
      ['privileged', 'baseline', 'v1.0', ''],
      ['procMount', 'baseline', 'v1.0 v1.35', ''],
      ['seLinuxOptions', 'baseline', 'v1.0 v1.31', ''],
      ['seccompProfile_baseline', 'baseline', 'v1.0 v1.19', ''],
      ['sysctls', 'baseline', 'v1.0 v1.27 v1.29 v1.32 v1.37', ''],
      ['windowsHostProcess', 'baseline', 'v1.0', ''],
      ['allowPrivilegeEscalation', 'restricted', 'v1.8 v1.25', ''],
      ['capabilities_restricted', 'restricted', 'v1.22 v1.25', 'capabilities_baseline'],
      ['procMount_restricted', 'restricted', 'v1.35', 'procMount'],
      ['restrictedVolumes', 'restricted', 'v1.0', 'hostPathVolumes'],
      ['runAsNonRoot', 'restricted', 'v1.0 v1.35', ''],
      ['runAsUser', 'restricted', 'v1.23 v1.35', ''],
      ['seccompProfile_restricted', 'restricted', 'v1.19 v1.25', 'seccompProfile_baseline'],
    ]);
  });

  it('§2.1 effective check sets per version', () => {
    const ids = (level: 'baseline' | 'restricted', minor: number): string[] => selectChecks(level, minor).map((c) => c.id);
    expect(ids('baseline', 0)).toHaveLength(11);
    expect(ids('restricted', 0)).toEqual([
      'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount',
      'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess', 'restrictedVolumes', 'runAsNonRoot',
    ]);
    expect(ids('restricted', 8)).toHaveLength(13);
    expect(ids('restricted', 18)).toContain('seccompProfile_baseline');
    expect(ids('restricted', 19)).not.toContain('seccompProfile_baseline');
    expect(ids('restricted', 21)).toContain('capabilities_baseline');
    expect(ids('restricted', 22)).not.toContain('capabilities_baseline');
    expect(ids('restricted', 23)).toHaveLength(14);
    expect(ids('baseline', 34)).toHaveLength(12);
    expect(ids('restricted', 34)).toHaveLength(15);
    expect(ids('restricted', 34)).toContain('procMount');
    expect(ids('restricted', 35)).not.toContain('procMount');
    expect(ids('restricted', 37)).toEqual([
      'appArmorProfile', 'hostNamespaces', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'seLinuxOptions',
      'sysctls', 'windowsHostProcess', 'allowPrivilegeEscalation', 'capabilities_restricted', 'procMount_restricted',
      'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted',
    ]);
    // cached: the same array for the same (level, version)
    expect(selectChecks('restricted', 30)).toBe(selectChecks('restricted', 30));
  });
});

describe('§3 aggregation', () => {
  it('§3.1 example: one container "app" with nothing set at restricted:latest', () => {
    expect(msg(pod({ containers: [bc('app')] }), 'restricted')).toBe(
      R +
        'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  it('§3.1 forbidden entries carry check IDs in run order; aggregate joins reasons and details', () => {
    const r = evaluatePss(pod({ hostIPC: true, containers: [bc('app', { securityContext: { privileged: true } })] }), 'baseline', 'v1.0');
    expect(r.forbidden).toEqual([
      { check: 'hostNamespaces', reason: 'host namespaces', detail: 'hostIPC=true' },
      { check: 'privileged', reason: 'privileged', detail: 'container "app" must not set securityContext.privileged=true' },
    ]);
    expect(aggregateForbidden(r.forbidden)).toEqual({
      reason: 'host namespaces, privileged',
      detail: 'host namespaces (hostIPC=true), privileged (container "app" must not set securityContext.privileged=true)',
    });
    expect(aggregateForbidden([{ check: 'x', reason: '', detail: '' }])).toEqual({
      reason: 'unknown forbidden reason',
      detail: 'unknown forbidden reason',
    });
  });

  it('§3.2 container names are quoted but not escaped', () => {
    const p = pod({ containers: [bc('a"b', { securityContext: { privileged: true } })] });
    expect(msg(p, 'baseline')).toBe(`${B}privileged (container "a"b" must not set securityContext.privileged=true)`);
  });

  it('§3.2 visit order is initContainers, containers, ephemeralContainers', () => {
    const priv = { securityContext: { privileged: true } };
    const p = pod({ containers: [bc('c', priv)], initContainers: [bc('i', priv)], ephemeralContainers: [bc('e', priv)] });
    expect(msg(p, 'baseline')).toBe(`${B}privileged (containers "i", "c", "e" must not set securityContext.privileged=true)`);
  });
});

describe('§4 checks', () => {
  it('§4.1 privileged: containers that set privileged=true', () => {
    const p = pod({ containers: [bc('a', { securityContext: { privileged: true } }), bc('b', { securityContext: { privileged: false } })] });
    expect(msg(p, 'baseline', 'v1.0')).toBe(`${bAt('v1.0')}privileged (container "a" must not set securityContext.privileged=true)`);
  });

  it('§4.2 hostNamespaces lists hostNetwork, hostPID, hostIPC in that order', () => {
    const p = pod({ hostIPC: true, hostPID: true, hostNetwork: true, containers: [rc('a')] });
    expect(msg(p, 'baseline')).toBe(`${B}host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)`);
  });

  it('§4.3 hostPorts: one container, one port (singular)', () => {
    const p = pod({ containers: [bc('a', { ports: [{ containerPort: 80, hostPort: 80 }, { containerPort: 81 }] })] });
    expect(msg(p, 'baseline')).toBe(`${B}hostPort (container "a" uses hostPort 80)`);
  });

  it('§4.3 hostPorts: ports de-duplicated and sorted as strings, containers once each', () => {
    const p = pod({
      containers: [
        bc('a', { ports: [{ containerPort: 1 }] }),
        bc('b', { ports: [{ containerPort: 1, hostPort: 9 }, { containerPort: 2, hostPort: 20 }] }),
        bc('c', { ports: [{ containerPort: 3, hostPort: 10 }, { containerPort: 4, hostPort: 20 }, { containerPort: 5, hostPort: 0 }] }),
      ],
    });
    expect(msg(p, 'baseline')).toBe(`${B}hostPort (containers "b", "c" use hostPorts 10, 20, 9)`);
  });

  it('§4.3 isPod: hostNetwork defaults containerPort into hostPort (containers and initContainers)', () => {
    const spec: Partial<PodSpec> = {
      hostNetwork: true,
      initContainers: [rc('init', { ports: [{ containerPort: 9090 }] })],
      containers: [rc('web', { ports: [{ containerPort: 8080 }, { containerPort: 443, hostPort: 8443 }] })],
    };
    const p = pod(spec);
    const before = JSON.stringify(p);
    expect(msg(p, 'baseline', 'latest', true)).toBe(
      `${B}host namespaces (hostNetwork=true), hostPort (containers "init", "web" use hostPorts 8080, 8443, 9090)`,
    );
    expect(JSON.stringify(p)).toBe(before); // input not mutated
    // templates are not defaulted
    expect(msg(p, 'baseline', 'latest', false)).toBe(
      `${B}host namespaces (hostNetwork=true), hostPort (container "web" uses hostPort 8443)`,
    );
    // without hostNetwork nothing is defaulted, even for Pods
    expect(msg(pod({ ...spec, hostNetwork: false }), 'baseline', 'latest', true)).toBe(
      `${B}hostPort (container "web" uses hostPort 8443)`,
    );
  });

  it('§4.4 hostPathVolumes: volumes in declaration order', () => {
    const p = pod({
      containers: [rc('a')],
      volumes: [{ name: 'z', hostPath: { path: '/' } }, { name: 'e', emptyDir: {} }, { name: 'a', hostPath: { path: '/x' } }],
    });
    expect(msg(p, 'baseline')).toBe(`${B}hostPath volumes (volumes "z", "a")`);
    expect(msg(pod({ containers: [rc('a')], volumes: [{ name: 'h', hostPath: { path: '/' } }] }), 'baseline')).toBe(
      `${B}hostPath volumes (volume "h")`,
    );
  });

  it('§4.5 capabilities_baseline: exact, case-sensitive, sorted across containers; drop ignored', () => {
    const p = pod({
      containers: [
        bc('a', { securityContext: { capabilities: { add: ['NET_RAW', 'CHOWN', 'chown'], drop: ['NET_RAW'] } } }),
        bc('b', { securityContext: { capabilities: { add: ['CAP_CHOWN', 'NET_RAW'] } } }),
        bc('c', { securityContext: { capabilities: { add: ['KILL', 'NET_BIND_SERVICE'] } } }),
      ],
    });
    expect(msg(p, 'baseline')).toBe(
      `${B}non-default capabilities (containers "a", "b" must not include "CAP_CHOWN", "NET_RAW", "chown" in securityContext.capabilities.add)`,
    );
  });

  const capsPod = pod({
    containers: [
      rc('a', { securityContext: { capabilities: { add: ['FOO', 'BAR'] } } }),
      rc('b', { securityContext: { capabilities: { drop: ['all'], add: ['CHOWN'] } } }),
      rc('c', { securityContext: { capabilities: { drop: ['ALL'], add: ['BAZ', 'NET_BIND_SERVICE', 'FOO'] } } }),
      rc('d', { securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } }),
    ],
  });

  it('§4.6 capabilities_restricted: missing drop ALL; then forbidden adds (upstream example)', () => {
    expect(msg(capsPod, 'restricted', 'v1.22')).toBe(
      `${rAt('v1.22')}unrestricted capabilities (containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; ` +
        'containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add)',
    );
  });

  it('§2 override: at restricted v1.21 capabilities_baseline still runs (capabilities_restricted starts at v1.22)', () => {
    expect(msg(capsPod, 'restricted', 'v1.21')).toBe(
      `${rAt('v1.21')}non-default capabilities (containers "a", "c" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add)`,
    );
  });

  it('§4.6 capabilities_restricted: a container without securityContext misses drop ALL', () => {
    const p = pod({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [rc('a')],
      initContainers: [{ ...rc('i'), securityContext: { allowPrivilegeEscalation: false } }],
    });
    expect(msg(p, 'restricted')).toBe(`${R}unrestricted capabilities (container "i" must set securityContext.capabilities.drop=["ALL"])`);
  });

  it('§4.6/§4.7/§4.11 windows pods are exempt from capabilities, allowPrivilegeEscalation and seccomp from v1.25', () => {
    const p = pod({ os: { name: 'windows' }, containers: [bc('app')] });
    expect(msg(p, 'restricted', 'v1.25')).toBe(
      `${rAt('v1.25')}runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)`,
    );
    expect(msg(p, 'restricted', 'v1.24')).toBe(
      rAt('v1.24') +
        'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    // os linux is not exempt
    expect(evaluatePss(pod({ os: { name: 'linux' }, containers: [bc('app')] }), 'restricted', 'v1.25').forbidden).toHaveLength(4);
  });

  it('§4.7 allowPrivilegeEscalation: true and unset are both forbidden; absent before v1.8', () => {
    const p = pod({
      containers: [
        rc('a', { securityContext: { allowPrivilegeEscalation: true } }),
        { ...rc('b'), securityContext: { capabilities: { drop: ['ALL'] }, runAsNonRoot: true, seccompProfile: { type: 'Localhost' } } },
        rc('c'),
      ],
    });
    expect(msg(p, 'restricted', 'v1.8')).toBe(
      `${rAt('v1.8')}allowPrivilegeEscalation != false (containers "a", "b" must set securityContext.allowPrivilegeEscalation=false)`,
    );
    expect(msg(p, 'restricted', 'v1.7')).toBeNull();
  });

  it('§4.8 runAsNonRoot: explicit false (pod and containers) wins over implicit', () => {
    const p = pod({
      securityContext: { runAsNonRoot: false },
      containers: [
        rc('a', { securityContext: { runAsNonRoot: false } }),
        { ...rc('b'), securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } } },
        rc('c', { securityContext: { runAsNonRoot: false } }),
      ],
    });
    expect(msg(p, 'restricted')).toBe(`${R}runAsNonRoot != true (pod and containers "a", "c" must not set securityContext.runAsNonRoot=false)`);
  });

  it('§4.8 runAsNonRoot: implicit offenders; pod true covers unset containers; runAsUser does not help', () => {
    const noNonRoot = (name: string): Container => ({
      ...rc(name),
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' }, runAsUser: 1000 },
    });
    const p = pod({ securityContext: { runAsUser: 1000 }, containers: [noNonRoot('a'), noNonRoot('b')] });
    expect(msg(p, 'restricted')).toBe(`${R}runAsNonRoot != true (pod or containers "a", "b" must set securityContext.runAsNonRoot=true)`);
    expect(msg(pod({ securityContext: { runAsNonRoot: true }, containers: [noNonRoot('a')] }), 'restricted')).toBeNull();
  });

  it('§4.8/§4.9 hostUsers: false exempts runAsNonRoot and runAsUser from v1.35, not before', () => {
    const p = pod({
      hostUsers: false,
      securityContext: { runAsNonRoot: false, runAsUser: 0 },
      containers: [rc('a', { securityContext: { runAsNonRoot: false, runAsUser: 0 } })],
    });
    expect(msg(p, 'restricted', 'v1.35')).toBeNull();
    expect(msg(p, 'restricted', 'v1.34')).toBe(
      `${rAt('v1.34')}runAsNonRoot != true (pod and container "a" must not set securityContext.runAsNonRoot=false), ` +
        'runAsUser=0 (pod and container "a" must not set runAsUser=0)',
    );
    expect(msg({ ...p, spec: { ...p.spec, hostUsers: true } }, 'restricted', 'v1.35')).toBe(
      `${rAt('v1.35')}runAsNonRoot != true (pod and container "a" must not set securityContext.runAsNonRoot=false), ` +
        'runAsUser=0 (pod and container "a" must not set runAsUser=0)',
    );
  });

  it('§4.9 runAsUser=0: pod and containers; non-zero fine; absent before v1.23', () => {
    const p = pod({
      securityContext: { runAsUser: 0 },
      containers: [rc('a', { securityContext: { runAsUser: 0 } }), rc('b', { securityContext: { runAsUser: 1 } }), rc('c', { securityContext: { runAsUser: 0 } })],
    });
    expect(msg(p, 'restricted', 'v1.23')).toBe(`${rAt('v1.23')}runAsUser=0 (pod and containers "a", "c" must not set runAsUser=0)`);
    expect(msg(p, 'restricted', 'v1.22')).toBeNull();
    expect(msg(pod({ containers: [rc('a', { securityContext: { runAsUser: 0 } })] }), 'restricted')).toBe(
      `${R}runAsUser=0 (container "a" must not set runAsUser=0)`,
    );
  });

  it('§4.10 seccompProfile_baseline v1.0–v1.18: annotations, sorted, Go-quoted; other names ignored; fields ignored', () => {
    const p = pod(
      { containers: [bc('app', { securityContext: { seccompProfile: { type: 'Unconfined' } } }), bc('ok')] },
      {
        'seccomp.security.alpha.kubernetes.io/pod': 'un"confined',
        'container.seccomp.security.alpha.kubernetes.io/app': '',
        'container.seccomp.security.alpha.kubernetes.io/ok': 'localhost/profile.json',
        'container.seccomp.security.alpha.kubernetes.io/ghost': 'unconfined',
      },
    );
    expect(msg(p, 'baseline', 'v1.18')).toBe(
      `${bAt('v1.18')}seccompProfile (forbidden annotations container.seccomp.security.alpha.kubernetes.io/app="", ` +
        'seccomp.security.alpha.kubernetes.io/pod="un\\"confined")',
    );
    const one = pod({ containers: [bc('app')] }, { 'seccomp.security.alpha.kubernetes.io/pod': 'docker/default', 'container.seccomp.security.alpha.kubernetes.io/app': 'unconfined' });
    expect(msg(one, 'baseline', 'v1.0')).toBe(
      `${bAt('v1.0')}seccompProfile (forbidden annotation container.seccomp.security.alpha.kubernetes.io/app="unconfined")`,
    );
  });

  it('§4.10 seccompProfile_baseline v1.19+: fields only, unset fine', () => {
    const p = pod(
      {
        securityContext: { seccompProfile: { type: 'Unconfined' } },
        containers: [bc('a', { securityContext: { seccompProfile: { type: 'Unconfined' } } }), bc('b'), bc('c', { securityContext: { seccompProfile: {} } })],
      },
      { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' },
    );
    expect(msg(p, 'baseline', 'v1.19')).toBe(
      `${bAt('v1.19')}seccompProfile (pod and containers "a", "c" must not set securityContext.seccompProfile.type to "", "Unconfined")`,
    );
  });

  it('§2 override: restricted v1.18 still runs the annotation seccomp check', () => {
    const p = pod({ containers: [rc('a')] }, { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' });
    expect(msg(p, 'restricted', 'v1.18')).toBe(
      `${rAt('v1.18')}seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")`,
    );
    expect(msg(p, 'restricted', 'v1.19')).toBeNull();
  });

  it('§4.11 seccompProfile_restricted: explicit bad values; a valid pod profile covers unset containers', () => {
    const noProfile = (name: string): Container => ({
      ...rc(name),
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true },
    });
    const bad = pod({
      securityContext: { seccompProfile: { type: 'Unconfined' } },
      containers: [noProfile('a'), rc('b', { securityContext: { seccompProfile: { type: 'Other' } } })],
    });
    expect(msg(bad, 'restricted')).toBe(`${R}seccompProfile (pod and container "b" must not set securityContext.seccompProfile.type to "Other", "Unconfined")`);
    const implicit = pod({ containers: [noProfile('a'), rc('b'), noProfile('c')] });
    expect(msg(implicit, 'restricted')).toBe(
      `${R}seccompProfile (pod or containers "a", "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`,
    );
    expect(msg(pod({ securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'x' } }, containers: [noProfile('a')] }), 'restricted')).toBeNull();
  });

  it('§4.12 seLinuxOptions: types sorted, user and role (upstream example)', () => {
    const se = (o: object): Partial<Container> => ({ securityContext: { seLinuxOptions: o } });
    const p = pod({
      securityContext: { seLinuxOptions: { type: 'foo', user: 'u', level: 's0:c1' } },
      containers: [bc('d', se({ type: 'container_t' })), bc('e', se({ type: 'bar' })), bc('f', se({ role: 'r' })), bc('g', se({ type: 'foo' }))],
    });
    expect(msg(p, 'baseline')).toBe(
      `${B}seLinuxOptions (pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set)`,
    );
    expect(msg(pod({ containers: [bc('a', se({ user: 'system_u' }))] }), 'baseline')).toBe(
      `${B}seLinuxOptions (container "a" set forbidden securityContext.seLinuxOptions: user may not be set)`,
    );
  });

  it('§4.12 seLinuxOptions: container_engine_t allowed from v1.31', () => {
    const p = pod({ securityContext: { seLinuxOptions: { type: 'container_engine_t' } }, containers: [rc('a')] });
    expect(msg(p, 'baseline', 'v1.31')).toBeNull();
    expect(msg(p, 'baseline', 'v1.30')).toBe(
      `${bAt('v1.30')}seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "container_engine_t")`,
    );
  });

  it('§4.13 procMount: Unmasked forbidden; hostUsers:false relaxes baseline from v1.35 but not restricted', () => {
    const unmasked = (hostUsers: boolean | undefined): PodTemplate =>
      pod({
        ...(hostUsers === undefined ? {} : { hostUsers }),
        containers: [rc('a', { securityContext: { procMount: 'Unmasked' } }), rc('b', { securityContext: { procMount: 'Default' } }), rc('c', { securityContext: { procMount: 'Other' } })],
      });
    const detail = 'procMount (containers "a", "c" must not set securityContext.procMount to "Other", "Unmasked")';
    expect(msg(unmasked(undefined), 'baseline')).toBe(B + detail);
    expect(msg(unmasked(false), 'baseline', 'v1.35')).toBeNull();
    expect(msg(unmasked(false), 'baseline', 'v1.34')).toBe(bAt('v1.34') + detail);
    expect(msg(unmasked(true), 'baseline', 'v1.35')).toBe(bAt('v1.35') + detail);
    const r = evaluatePss(unmasked(false), 'restricted', 'v1.35');
    expect(r.forbidden.map((f) => f.check)).toEqual(['procMount_restricted']);
    expect(r.message).toBe(rAt('v1.35') + detail);
    expect(evaluatePss(unmasked(false), 'restricted', 'v1.34').forbidden.map((f) => f.check)).toEqual(['procMount']);
  });

  it('§4.14 sysctls: declaration order, unquoted, duplicates kept, reason always plural', () => {
    const sc = (names: string[]): PodSecurityContext => ({ sysctls: names.map((name) => ({ name, value: '1' })) });
    expect(msg(pod({ containers: [rc('a')], securityContext: sc(['kernel.msgmax']) }), 'baseline')).toBe(`${B}forbidden sysctls (kernel.msgmax)`);
    const p = pod({ containers: [rc('a')], securityContext: sc(['net.ipv4.tcp_wmem', 'kernel.msgmax', 'kernel.shm_rmid_forced', 'kernel.msgmax', 'net/ipv4/tcp_syncookies']) });
    expect(msg(p, 'baseline', 'v1.32')).toBe(`${bAt('v1.32')}forbidden sysctls (kernel.msgmax, kernel.msgmax, net/ipv4/tcp_syncookies)`);
    expect(msg(p, 'baseline', 'v1.31')).toBe(`${bAt('v1.31')}forbidden sysctls (net.ipv4.tcp_wmem, kernel.msgmax, kernel.msgmax, net/ipv4/tcp_syncookies)`);
  });

  it('§4.14 sysctls allow-list grows at v1.27, v1.29, v1.32, v1.37', () => {
    const steps: Array<[string, string, string]> = [
      ['net.ipv4.ip_local_reserved_ports', 'v1.26', 'v1.27'],
      ['net.ipv4.tcp_keepalive_probes', 'v1.28', 'v1.29'],
      ['net.ipv4.tcp_rmem', 'v1.31', 'v1.32'],
      ['net.ipv4.tcp_slow_start_after_idle', 'v1.36', 'v1.37'],
    ];
    for (const [name, before, from] of steps) {
      const p = pod({ containers: [rc('a')], securityContext: { sysctls: [{ name, value: '1' }] } });
      expect(msg(p, 'baseline', before)).toBe(`${bAt(before)}forbidden sysctls (${name})`);
      expect(msg(p, 'baseline', from)).toBeNull();
    }
  });

  it('README derived: restricted/v1.37/pass/sysctls1 fails restricted v1.31', () => {
    const p = fixture('restricted/v1.37/pass/sysctls1.yaml');
    expect(msg(p, 'restricted', 'v1.37', true)).toBeNull();
    expect(msg(p, 'restricted', 'v1.31', true)).toBe(
      `${rAt('v1.31')}forbidden sysctls (net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat)`,
    );
    expect(msg(p, 'restricted', 'v1.36', true)).toBe(
      `${rAt('v1.36')}forbidden sysctls (net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat)`,
    );
  });

  it('§4.15 appArmorProfile: setters pod, containers, annotations; values sorted types then annotations', () => {
    const p = pod(
      {
        securityContext: { appArmorProfile: { type: 'Unconfined' } },
        containers: [bc('c', { securityContext: { appArmorProfile: { type: 'Unconfined' } } }), bc('d', { securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'x' } } })],
      },
      {
        'container.apparmor.security.beta.kubernetes.io/c': 'unconfined',
        'container.apparmor.security.beta.kubernetes.io/ghost': 'localhost/x',
        'container.apparmor.security.beta.kubernetes.io/d': 'runtime/default',
        'container.apparmor.security.beta.kubernetes.io/b': 'x"y',
      },
    );
    expect(msg(p, 'baseline', 'v1.0')).toBe(
      bAt('v1.0') +
        'forbidden AppArmor profiles (pod and container "c" and annotations must not set AppArmor profile type to "Unconfined", ' +
        '"container.apparmor.security.beta.kubernetes.io/b="x\\"y"", "container.apparmor.security.beta.kubernetes.io/c="unconfined"")',
    );
  });

  it('§4.15 appArmorProfile: one value is singular; any annotation suffix counts', () => {
    expect(msg(pod({ containers: [rc('a')] }, { 'container.apparmor.security.beta.kubernetes.io/nope': 'unconfined' }), 'baseline')).toBe(
      `${B}forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/nope="unconfined"")`,
    );
    expect(msg(pod({ containers: [rc('a', { securityContext: { appArmorProfile: { type: 'Unconfined' } } })] }), 'baseline')).toBe(
      `${B}forbidden AppArmor profile (container "a" must not set AppArmor profile type to "Unconfined")`,
    );
  });

  it('§4.16 windowsHostProcess: pod and containers', () => {
    const hp = { securityContext: { windowsOptions: { hostProcess: true } } };
    const p = pod({
      securityContext: { windowsOptions: { hostProcess: true } },
      containers: [bc('a', hp), bc('b', { securityContext: { windowsOptions: { hostProcess: false } } }), bc('c', hp)],
    });
    expect(msg(p, 'baseline')).toBe(`${B}hostProcess (pod and containers "a", "c" must not set securityContext.windowsOptions.hostProcess=true)`);
    expect(msg(pod({ containers: [bc('a', hp)] }), 'baseline')).toBe(
      `${B}hostProcess (container "a" must not set securityContext.windowsOptions.hostProcess=true)`,
    );
  });

  it('§4.17 restrictedVolumes: upstream TestRestrictedVolumes expectation (c1 with an unrecognised source)', () => {
    const allowed = ['emptyDir', 'secret', 'persistentVolumeClaim', 'downwardAPI', 'configMap', 'projected', 'csi', 'ephemeral', 'image'];
    const restricted = [
      'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder',
      'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
    ];
    const volumes = [
      ...allowed.map((k, i) => ({ name: `a${i + 1}`, [k]: {} })),
      ...restricted.map((k, i) => ({ name: `b${i + 1}`, [k]: {} })),
      { name: 'c1', futureSource: {} },
    ] as PodSpec['volumes'];
    expect(msg(pod({ containers: [rc('x')], volumes }), 'restricted')).toBe(
      R +
        'restricted volume types (volumes ' +
        '"b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "b12", "b13", "b14", "b15", "b16", "b17", "b18", "b19", "b20", "b21", "c1"' +
        ' use restricted volume types ' +
        '"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", ' +
        '"hostPath", "iscsi", "nfs", "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "unknown", "vsphereVolume")',
    );
  });

  it('§4.17 restrictedVolumes: a source-less volume is the defaulted emptyDir; hostPath reported once (override)', () => {
    expect(msg(pod({ containers: [rc('x')], volumes: [{ name: 'scratch' }] }), 'restricted')).toBeNull();
    expect(msg(pod({ containers: [rc('x')], volumes: [{ name: 'data', hostPath: { path: '/var' } }] }), 'restricted', 'v1.0')).toBe(
      `${rAt('v1.0')}restricted volume types (volume "data" uses restricted volume type "hostPath")`,
    );
    expect(msg(pod({ containers: [rc('x')], volumes: [{ name: 'data', hostPath: { path: '/var' } }] }), 'baseline', 'v1.0')).toBe(
      `${bAt('v1.0')}hostPath volumes (volume "data")`,
    );
  });

  it('§4.18 hostProbesAndHostLifecycle: containers and hosts sorted and de-duplicated (from v1.34)', () => {
    const p = pod({
      initContainers: [rc('invalid2', { livenessProbe: { httpGet: { host: 'b.com', port: 80 } }, lifecycle: { preStop: { tcpSocket: { host: 'a.com', port: 1 } } } })],
      containers: [
        rc('invalid1', { readinessProbe: { tcpSocket: { host: 'a.com', port: 80 } }, startupProbe: { grpc: { port: 1 }, httpGet: { host: '', port: 1 } } }),
        rc('valid', { livenessProbe: { httpGet: { port: 80 } } }),
      ],
    });
    expect(msg(p, 'baseline', 'v1.34')).toBe(`${bAt('v1.34')}probe or lifecycle host (containers "invalid1", "invalid2" use probe or lifecycle hosts "a.com", "b.com")`);
    expect(msg(p, 'baseline', 'v1.33')).toBeNull();
    const one = pod({ containers: [rc('c', { lifecycle: { postStart: { httpGet: { host: 'x', port: 1 } } } })] });
    expect(msg(one, 'restricted')).toBe(`${R}probe or lifecycle host (container "c" uses probe or lifecycle host "x")`);
  });

  it('§3.2 ephemeral containers are inspected by container checks', () => {
    const p = pod({ containers: [rc('a')], ephemeralContainers: [bc('debug')] });
    expect(msg(p, 'restricted')).toBe(
      R +
        'allowPrivilegeEscalation != false (container "debug" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "debug" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "debug" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "debug" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });
});

describe('minimumPssLevel', () => {
  it('returns the most restrictive level that admits the pod', () => {
    expect(minimumPssLevel(pod({ containers: [rc('a')] }), 'latest')).toBe('restricted');
    expect(minimumPssLevel(pod({ containers: [bc('a')] }), 'latest')).toBe('baseline');
    expect(minimumPssLevel(pod({ hostPID: true, containers: [rc('a')] }), 'latest')).toBe('privileged');
  });

  it('depends on the version (restricted v1.0 pods need baseline at v1.8+) and on isPod defaulting', () => {
    const v10 = fixture('restricted/v1.0/pass/base.yaml');
    expect(minimumPssLevel(v10, 'v1.7')).toBe('restricted');
    expect(minimumPssLevel(v10, 'v1.8')).toBe('baseline');
    const hostNetworkPorts = pod({ hostNetwork: true, containers: [rc('a', { ports: [{ containerPort: 80 }] })] });
    expect(minimumPssLevel(hostNetworkPorts, 'latest', { isPod: true })).toBe('privileged');
  });
});
