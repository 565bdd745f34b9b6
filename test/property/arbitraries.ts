/**
 * fast-check generators for the property tests (issue 7).
 *
 *  - podArb: valid-but-arbitrary pods over the whole PodSpec security surface the engines read
 *    (pod and container security contexts, init/ephemeral containers, volumes of every source
 *    kind, host namespaces and ports, probes, sysctls, seccomp/AppArmor annotations), with odd but
 *    legal values (uid 0 and 2^31-1, lower-case and CAP_-prefixed capabilities, empty strings).
 *  - workloadArb: the same pod as a Deployment/Job/CronJob/... template.
 *  - policyArb: PodSecurityPolicies valid per psp-admission.md §1.4 by construction (rules from
 *    the supported sets, ranges with min <= max, no capability in two lists, ...); the property
 *    files still filter through validatePodSecurityPolicy so a generator slip is visible.
 *  - garbage: random JSON, wrong types at every field of a valid pod, `__proto__`/`constructor`/
 *    `prototype` keys at every depth, duplicate keys, truncated JSON/YAML, huge numbers,
 *    unicode (lone surrogates, RTL, NUL), NaN-like strings, raw bytes.
 */
import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import { EXAMPLE_POLICIES } from '../../src/psp';

/** Runs per property: 10,000 in CI; `VITE_FUZZ_RUNS=100000 npm test` for longer runs (see docs/limits.md). */
export function fuzzRuns(fallback = 10_000): number {
  const env = (import.meta as unknown as { env?: Record<string, string | undefined> }).env ?? {};
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const raw = env.VITE_FUZZ_RUNS ?? env.FUZZ_RUNS ?? proc.FUZZ_RUNS;
  const n = Number(raw);
  return raw !== undefined && Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

type Json = unknown;

/** Optional field: absent, or present with a value. */
function opt<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 2 });
}

/** Drops undefined members (the ingest would too; JSON.stringify does anyway). */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

const ID = fc.constantFrom(0, 1, 2, 100, 999, 1000, 65534, 65535, 65536, 2147483647);
const CAPS = ['ALL', 'all', 'NET_RAW', 'NET_ADMIN', 'SYS_ADMIN', 'SYS_TIME', 'CHOWN', 'KILL', 'NET_BIND_SERVICE', 'CAP_NET_RAW', 'net_raw', 'SETUID', 'AUDIT_WRITE', ''];
const capList = fc.uniqueArray(fc.constantFrom(...CAPS), { maxLength: 4 });
const NAMES = fc.constantFrom('a', 'app', 'web-1', 'x.y', 'sidecar', 'init');
const SECCOMP_TYPES = fc.constantFrom('RuntimeDefault', 'Localhost', 'Unconfined', 'runtimedefault', '');
const APPARMOR_TYPES = fc.constantFrom('RuntimeDefault', 'Localhost', 'Unconfined', 'Bogus');
const PROC_MOUNTS = fc.constantFrom('Default', 'Unmasked', 'default', '');
const SELINUX_TYPES = fc.constantFrom('container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t', 'spc_t', 'unconfined_t', '');
const SYSCTLS = fc.constantFrom(
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'kernel.msgmax', 'net.core.somaxconn', 'kernel.sem',
);

const seLinuxOptionsArb = fc.record(
  { user: fc.constantFrom('', 'system_u', 'root'), role: fc.constantFrom('', 'system_r', 'sysadm_r'), type: SELINUX_TYPES, level: fc.constantFrom('', 's0', 's0:c1,c2') },
  { requiredKeys: [] },
);
const seccompArb = fc.oneof(
  fc.record({ type: SECCOMP_TYPES }),
  fc.record({ type: fc.constant('Localhost'), localhostProfile: fc.constantFrom('profiles/audit.json', 'x', '') }),
);
const appArmorArb = fc.oneof(
  fc.record({ type: APPARMOR_TYPES }),
  fc.record({ type: fc.constant('Localhost'), localhostProfile: fc.constantFrom('k8s-apparmor-example', '') }),
);
const windowsArb = fc.record({ hostProcess: fc.boolean(), runAsUserName: fc.constantFrom('ContainerUser', 'NT AUTHORITY\\SYSTEM') }, { requiredKeys: [] });

const containerSecurityContextArb = fc.record(
  {
    privileged: fc.boolean(),
    allowPrivilegeEscalation: fc.boolean(),
    readOnlyRootFilesystem: fc.boolean(),
    runAsUser: ID,
    runAsGroup: ID,
    runAsNonRoot: fc.boolean(),
    procMount: PROC_MOUNTS,
    capabilities: fc.record({ add: capList, drop: capList }, { requiredKeys: [] }),
    seLinuxOptions: seLinuxOptionsArb,
    seccompProfile: seccompArb,
    appArmorProfile: appArmorArb,
    windowsOptions: windowsArb,
  },
  { requiredKeys: [] },
);

const podSecurityContextArb = fc.record(
  {
    runAsUser: ID,
    runAsGroup: ID,
    runAsNonRoot: fc.boolean(),
    fsGroup: ID,
    supplementalGroups: fc.array(ID, { maxLength: 3 }),
    sysctls: fc.array(fc.record({ name: SYSCTLS, value: fc.constantFrom('1', '0', '32768 60999', '') }), { maxLength: 3 }),
    seLinuxOptions: seLinuxOptionsArb,
    seccompProfile: seccompArb,
    appArmorProfile: appArmorArb,
    windowsOptions: windowsArb,
  },
  { requiredKeys: [] },
);

const handlerArb = fc.oneof(
  fc.record({ httpGet: fc.record({ port: fc.oneof(fc.constant(8080), fc.constant('http')), path: fc.constant('/healthz'), host: opt(fc.constantFrom('', '127.0.0.1', 'evil.example.com')) }) }),
  fc.record({ tcpSocket: fc.record({ port: fc.constant(80), host: opt(fc.constantFrom('', 'localhost', '10.0.0.1')) }) }),
  fc.record({ exec: fc.constant({ command: ['true'] }) }),
);

const portArb = fc.record(
  { containerPort: fc.constantFrom(80, 443, 8080, 1, 65535), hostPort: fc.constantFrom(0, 80, 8080, 30000, 65535), protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'), hostIP: fc.constantFrom('', '0.0.0.0') },
  { requiredKeys: ['containerPort'] },
);

function containerArb(name: string): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      image: fc.constantFrom('nginx', 'registry.k8s.io/pause:3.9', ''),
      securityContext: opt(containerSecurityContextArb),
      ports: opt(fc.array(portArb, { maxLength: 2 })),
      volumeMounts: opt(fc.array(fc.record({ name: fc.constantFrom('v0', 'v1', 'v2'), mountPath: fc.constantFrom('/data', '/'), readOnly: opt(fc.boolean()) }), { maxLength: 2 })),
      livenessProbe: opt(handlerArb),
      readinessProbe: opt(handlerArb),
      startupProbe: opt(handlerArb),
      lifecycle: opt(fc.record({ postStart: handlerArb, preStop: handlerArb }, { requiredKeys: [] })),
    })
    .map((c) => compact({ name, ...c }));
}

function containersArb(prefix: string, min: number, max: number): fc.Arbitrary<Array<Record<string, unknown>>> {
  return fc.integer({ min, max }).chain((n) => (n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => containerArb(`${prefix}${i}`)))));
}

const VOLUME_SOURCES: ReadonlyArray<fc.Arbitrary<Record<string, unknown>>> = [
  fc.record({ emptyDir: fc.constant({}) }),
  fc.record({ hostPath: fc.record({ path: fc.constantFrom('/', '/var/log', '/etc', '/var/run/docker.sock', '/foo/../etc', 'relative'), type: opt(fc.constantFrom('', 'Directory', 'Socket')) }) }),
  fc.record({ secret: fc.record({ secretName: fc.constant('s') }) }),
  fc.record({ configMap: fc.record({ name: fc.constant('c') }) }),
  fc.record({ persistentVolumeClaim: fc.record({ claimName: fc.constant('pvc') }) }),
  fc.record({ projected: fc.record({ sources: fc.constant([{ serviceAccountToken: { path: 'token' } }]) }) }),
  fc.record({ downwardAPI: fc.constant({ items: [] }) }),
  fc.record({ csi: fc.record({ driver: fc.constantFrom('csi.example.com', 'inline.storage.kubernetes.io') }) }),
  fc.record({ flexVolume: fc.record({ driver: fc.constantFrom('example/lvm', 'example/cifs') }) }),
  fc.record({ ephemeral: fc.constant({ volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } }) }),
  fc.record({ nfs: fc.constant({ server: 'nfs', path: '/' }) }),
  fc.record({ gitRepo: fc.constant({ repository: 'https://example.com/r.git' }) }),
];

const volumesArb = fc
  .array(fc.oneof(...VOLUME_SOURCES), { maxLength: 3 })
  .map((sources) => sources.map((s, i) => ({ name: `v${i}`, ...s })));

function annotationsArb(containerNames: string[]): fc.Arbitrary<Record<string, string> | undefined> {
  const keys: Array<fc.Arbitrary<[string, string]>> = [
    fc.tuple(fc.constant('seccomp.security.alpha.kubernetes.io/pod'), fc.constantFrom('runtime/default', 'docker/default', 'unconfined', 'localhost/p.json', '')),
    fc.tuple(fc.constant('kubernetes.io/psp'), fc.constantFrom('restricted', 'x')),
    fc.tuple(fc.constant('example.com/note'), fc.string({ maxLength: 8 })),
  ];
  for (const name of containerNames) {
    keys.push(fc.tuple(fc.constant(`container.seccomp.security.alpha.kubernetes.io/${name}`), fc.constantFrom('runtime/default', 'unconfined', 'localhost/p.json')));
    keys.push(fc.tuple(fc.constant(`container.apparmor.security.beta.kubernetes.io/${name}`), fc.constantFrom('runtime/default', 'unconfined', 'localhost/k8s', 'bogus')));
  }
  return opt(fc.uniqueArray(fc.oneof(...keys), { maxLength: 3, selector: (kv) => kv[0] }).map((kvs) => Object.fromEntries(kvs)));
}

export interface PodParts {
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
}

/** {metadata, spec} of a pod: any field combination of the security surface. */
export const podPartsArb: fc.Arbitrary<PodParts> = fc
  .record({
    containers: containersArb('c', 1, 3),
    initContainers: fc.option(containersArb('i', 1, 2), { nil: undefined, freq: 3 }),
    ephemeralContainers: fc.option(containersArb('e', 1, 1), { nil: undefined, freq: 5 }),
  })
  .chain(({ containers, initContainers, ephemeralContainers }) => {
    const names = [...containers, ...(initContainers ?? []), ...(ephemeralContainers ?? [])].map((c) => c.name as string);
    return fc.record({
      metadata: fc.record({ name: NAMES, annotations: annotationsArb(names), namespace: opt(fc.constantFrom('default', 'kube-system')) }).map(compact),
      spec: fc
        .record({
          hostNetwork: opt(fc.boolean()),
          hostPID: opt(fc.boolean()),
          hostIPC: opt(fc.boolean()),
          hostUsers: opt(fc.boolean()),
          securityContext: opt(podSecurityContextArb),
          volumes: opt(volumesArb),
          runtimeClassName: opt(fc.constantFrom('gvisor', 'kata', '')),
          serviceAccountName: opt(fc.constant('default')),
          os: opt(fc.record({ name: fc.constantFrom('linux', 'windows') })),
        })
        .map((s) => compact({ ...s, containers, initContainers, ephemeralContainers })),
    });
  });

export const podArb: fc.Arbitrary<Record<string, unknown>> = podPartsArb.map((p) => ({ apiVersion: 'v1', kind: 'Pod', metadata: p.metadata, spec: p.spec }));

/** One change that breaks `restricted` (and sometimes `baseline`), applied to a hardened pod. */
const PERTURBATIONS: ReadonlyArray<(spec: Record<string, unknown>, c: Record<string, unknown>) => void> = [
  (_s, c) => void ((c.securityContext as Record<string, unknown>).privileged = true),
  (_s, c) => void ((c.securityContext as Record<string, unknown>).allowPrivilegeEscalation = true),
  (_s, c) => void ((c.securityContext as Record<string, unknown>).runAsUser = 0),
  (_s, c) => void delete (c.securityContext as Record<string, unknown>).runAsNonRoot,
  (_s, c) => void ((c.securityContext as Record<string, unknown>).capabilities = { add: ['NET_RAW'], drop: ['ALL'] }),
  (_s, c) => void ((c.securityContext as Record<string, unknown>).capabilities = { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }),
  (_s, c) => void ((c.securityContext as Record<string, unknown>).capabilities = { add: ['SYS_ADMIN'] }),
  (_s, c) => void ((c.securityContext as Record<string, unknown>).procMount = 'Unmasked'),
  (_s, c) => void ((c.securityContext as Record<string, unknown>).seccompProfile = { type: 'Unconfined' }),
  (_s, c) => void ((c.securityContext as Record<string, unknown>).seLinuxOptions = { type: 'spc_t' }),
  (_s, c) => void ((c.securityContext as Record<string, unknown>).seLinuxOptions = { type: 'container_t', level: 's0:c1' }),
  (_s, c) => void ((c.securityContext as Record<string, unknown>).appArmorProfile = { type: 'Unconfined' }),
  (_s, c) => void ((c.securityContext as Record<string, unknown>).windowsOptions = { hostProcess: true }),
  (_s, c) => void (c.ports = [{ containerPort: 80, hostPort: 8080 }]),
  (_s, c) => void (c.livenessProbe = { httpGet: { port: 80, host: 'evil.example.com' } }),
  (s) => void (s.hostNetwork = true),
  (s) => void (s.hostPID = true),
  (s) => void (s.hostIPC = true),
  (s) => void (s.hostUsers = false),
  (s) => void (s.volumes = [{ name: 'v0', hostPath: { path: '/etc' } }]),
  (s) => void (s.volumes = [{ name: 'v0', nfs: { server: 'n', path: '/' } }]),
  (s) => void (s.volumes = [{ name: 'v0', emptyDir: {} }, { name: 'v1', projected: { sources: [] } }]),
  (s) => void (s.securityContext = { sysctls: [{ name: 'kernel.msgmax', value: '1' }] }),
  (s) => void (s.securityContext = { sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] }),
  (s) => void (s.securityContext = { runAsUser: 0 }),
  (s) => void (s.securityContext = { seccompProfile: { type: 'RuntimeDefault' }, runAsNonRoot: true, fsGroup: 2000, supplementalGroups: [3000] }),
];

/**
 * A pod that satisfies `restricted` (every container hardened, safe volumes), with 0–2 of the
 * PERTURBATIONS applied: the restricted ⇒ baseline property and PSP admission both need pods that
 * pass often, which the fully arbitrary podArb rarely does.
 */
export const nearlyRestrictedPodArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    containers: fc.integer({ min: 1, max: 3 }),
    init: fc.integer({ min: 0, max: 2 }),
    ephemeral: fc.boolean(),
    seccomp: fc.constantFrom<Record<string, unknown>>({ type: 'RuntimeDefault' }, { type: 'Localhost', localhostProfile: 'p.json' }),
    podLevel: fc.boolean(),
    volumes: fc.constantFrom<unknown[] | undefined>(undefined, [{ name: 'v0', emptyDir: {} }], [{ name: 'v0', secret: { secretName: 's' } }, { name: 'v1', configMap: { name: 'c' } }]),
    perturb: fc.array(fc.tuple(fc.nat({ max: PERTURBATIONS.length - 1 }), fc.nat()), { maxLength: 2 }),
  })
  .map(({ containers, init, ephemeral, seccomp, podLevel, volumes, perturb }) => {
    const hardened = (name: string) => ({
      name,
      image: 'nginx',
      securityContext: podLevel
        ? { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }
        : { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { ...seccomp } },
    });
    const spec: Record<string, unknown> = { containers: Array.from({ length: containers }, (_, i) => hardened(`c${i}`)) };
    if (init > 0) spec.initContainers = Array.from({ length: init }, (_, i) => hardened(`i${i}`));
    if (ephemeral) spec.ephemeralContainers = [hardened('e0')];
    if (podLevel) spec.securityContext = { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { ...seccomp } };
    if (volumes) spec.volumes = structuredClone(volumes);
    const all = [...(spec.containers as object[]), ...((spec.initContainers as object[]) ?? []), ...((spec.ephemeralContainers as object[]) ?? [])] as Array<Record<string, unknown>>;
    for (const [which, pick] of perturb) PERTURBATIONS[which]!(spec, all[pick % all.length]!);
    return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hardened' }, spec };
  });

const WORKLOADS: ReadonlyArray<readonly [string, string, (t: PodParts) => Record<string, unknown>]> = [
  ['apps/v1', 'Deployment', (t) => ({ replicas: 2, selector: { matchLabels: { app: 'x' } }, template: t })],
  ['apps/v1', 'DaemonSet', (t) => ({ selector: { matchLabels: { app: 'x' } }, template: t })],
  ['apps/v1', 'StatefulSet', (t) => ({ serviceName: 's', selector: { matchLabels: { app: 'x' } }, template: t })],
  ['apps/v1', 'ReplicaSet', (t) => ({ template: t })],
  ['v1', 'ReplicationController', (t) => ({ template: t })],
  ['batch/v1', 'Job', (t) => ({ template: t })],
  ['batch/v1', 'CronJob', (t) => ({ schedule: '* * * * *', jobTemplate: { spec: { template: t } } })],
];

export const workloadArb: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.constantFrom(...WORKLOADS), podPartsArb)
  .map(([[apiVersion, kind, spec], parts]) => ({ apiVersion, kind, metadata: { name: 'w' }, spec: spec(parts) }));

export const podTemplateObjectArb: fc.Arbitrary<Record<string, unknown>> = podPartsArb.map((p) => ({ apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'pt' }, template: p }));

/** Any pod-bearing object. */
export const podBearingArb = fc.oneof({ arbitrary: podArb, weight: 3 }, { arbitrary: workloadArb, weight: 2 }, { arbitrary: podTemplateObjectArb, weight: 1 });

// ---------------------------------------------------------------------------------------------
// PodSecurityPolicies, valid per §1.4.

const rangeArb = fc.tuple(fc.integer({ min: 0, max: 70000 }), fc.integer({ min: 0, max: 70000 })).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
const rangesArb = fc.array(fc.oneof(rangeArb, fc.constant({ min: 0, max: 0 }), fc.constant({ min: 1, max: 65535 })), { minLength: 1, maxLength: 2 });

const groupStrategyArb = fc.oneof(
  fc.constant({ rule: 'RunAsAny' }),
  fc.record({ rule: fc.constantFrom('MustRunAs', 'MayRunAs'), ranges: rangesArb }),
  // Valid but unusable (§1.4): MustRunAs/MayRunAs without ranges, a provider error (§3.2).
  { arbitrary: fc.record({ rule: fc.constantFrom('MustRunAs', 'MayRunAs') }), weight: 1 },
);
const runAsUserArb = fc.oneof(
  { arbitrary: fc.constant({ rule: 'RunAsAny' }), weight: 3 },
  { arbitrary: fc.constant({ rule: 'MustRunAsNonRoot' }), weight: 2 },
  { arbitrary: fc.record({ rule: fc.constant('MustRunAs'), ranges: rangesArb }), weight: 2 },
);
const runAsGroupArb = fc.oneof(fc.constant({ rule: 'RunAsAny' }), fc.record({ rule: fc.constantFrom('MustRunAs', 'MayRunAs'), ranges: rangesArb }));
const seLinuxArb = fc.oneof(
  { arbitrary: fc.constant({ rule: 'RunAsAny' }), weight: 3 },
  { arbitrary: fc.record({ rule: fc.constant('MustRunAs'), seLinuxOptions: seLinuxOptionsArb }), weight: 1 },
);
const VOLUME_NAMES = ['*', 'configMap', 'emptyDir', 'projected', 'secret', 'downwardAPI', 'persistentVolumeClaim', 'ephemeral', 'hostPath', 'csi', 'flexVolume', 'nfs', 'gitRepo'];
const POLICY_CAPS = ['NET_RAW', 'NET_ADMIN', 'SYS_ADMIN', 'CHOWN', 'KILL', 'NET_BIND_SERVICE', 'SETUID', 'ALL'];

/** Three disjoint capability lists (a capability in two of them is invalid, §1.4). */
const capabilityListsArb = fc
  .array(fc.tuple(fc.constantFrom(...POLICY_CAPS), fc.constantFrom('default', 'allowed', 'drop', 'none')), { maxLength: 5 })
  .chain((picks) => {
    const seen = new Set<string>();
    const lists: Record<string, string[]> = { default: [], allowed: [], drop: [] };
    for (const [cap, list] of picks) {
      if (seen.has(cap) || list === 'none') continue;
      seen.add(cap);
      lists[list]!.push(cap);
    }
    return fc.record({ wildcard: fc.boolean() }).map(({ wildcard }) => {
      const out: Record<string, string[]> = {};
      if (lists.default!.length) out.defaultAddCapabilities = lists.default!;
      // `*` in allowedCapabilities requires requiredDropCapabilities to be empty.
      if (wildcard && lists.drop!.length === 0) out.allowedCapabilities = ['*'];
      else if (lists.allowed!.length) out.allowedCapabilities = lists.allowed!;
      if (lists.drop!.length) out.requiredDropCapabilities = lists.drop!;
      return out;
    });
  });

const privilegeEscalationArb = fc.oneof(
  fc.constant({}),
  fc.constant({ allowPrivilegeEscalation: false }),
  fc.constant({ allowPrivilegeEscalation: true }),
  fc.constant({ allowPrivilegeEscalation: false, defaultAllowPrivilegeEscalation: false }),
  fc.constant({ allowPrivilegeEscalation: true, defaultAllowPrivilegeEscalation: true }),
  fc.constant({ allowPrivilegeEscalation: true, defaultAllowPrivilegeEscalation: false }),
);

const sysctlPolicyArb = fc.oneof(
  fc.constant({}),
  fc.constant({ allowedUnsafeSysctls: ['*'] }),
  fc.constant({ allowedUnsafeSysctls: ['kernel.msg*'], forbiddenSysctls: ['net.core.somaxconn'] }),
  fc.constant({ forbiddenSysctls: ['*'] }),
  fc.constant({ forbiddenSysctls: ['kernel.shm_rmid_forced'] }),
);

const policyAnnotationsArb = opt(
  fc.record(
    {
      'seccomp.security.alpha.kubernetes.io/allowedProfileNames': fc.constantFrom('*', 'runtime/default', 'runtime/default,docker/default', 'localhost/*'),
      'seccomp.security.alpha.kubernetes.io/defaultProfileName': fc.constantFrom('runtime/default', 'docker/default'),
      'apparmor.security.beta.kubernetes.io/allowedProfileNames': fc.constantFrom('runtime/default', 'runtime/default,localhost/k8s'),
      'apparmor.security.beta.kubernetes.io/defaultProfileName': fc.constant('runtime/default'),
    },
    { requiredKeys: [] },
  ),
);

export function policyArbNamed(name: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      name,
      annotations: policyAnnotationsArb,
      privileged: opt(fc.boolean()),
      hostNetwork: opt(fc.boolean()),
      hostPID: opt(fc.boolean()),
      hostIPC: opt(fc.boolean()),
      hostPorts: opt(fc.array(fc.oneof(fc.constant({ min: 0, max: 65535 }), fc.constant({ min: 8000, max: 9000 }), fc.constant({ min: 80, max: 80 })), { maxLength: 2 })),
      volumes: opt(fc.uniqueArray(fc.constantFrom(...VOLUME_NAMES), { maxLength: 6 })),
      runAsUser: runAsUserArb,
      runAsGroup: opt(runAsGroupArb),
      supplementalGroups: groupStrategyArb,
      fsGroup: groupStrategyArb,
      seLinux: seLinuxArb,
      readOnlyRootFilesystem: opt(fc.boolean()),
      caps: capabilityListsArb,
      pe: privilegeEscalationArb,
      sysctls: sysctlPolicyArb,
      allowedHostPaths: opt(fc.array(fc.record({ pathPrefix: fc.constantFrom('/var/log', '/etc', '/', 'relative'), readOnly: opt(fc.boolean()) }).map(compact), { maxLength: 2 })),
      allowedProcMountTypes: opt(fc.uniqueArray(fc.constantFrom('Default', 'Unmasked'), { maxLength: 2 })),
      allowedFlexVolumes: opt(fc.array(fc.record({ driver: fc.constantFrom('example/lvm') }), { maxLength: 1 })),
      allowedCSIDrivers: opt(fc.array(fc.record({ name: fc.constantFrom('csi.example.com') }), { maxLength: 1 })),
      runtimeClass: opt(fc.oneof(fc.constant({ allowedRuntimeClassNames: ['*'] }), fc.constant({ allowedRuntimeClassNames: ['gvisor'], defaultRuntimeClassName: 'gvisor' }), fc.constant({ allowedRuntimeClassNames: [] }))),
    })
    .map(({ name, annotations, caps, pe, sysctls, ...spec }) => ({
      apiVersion: 'policy/v1beta1',
      kind: 'PodSecurityPolicy',
      metadata: compact({ name, annotations }),
      spec: compact({ ...spec, ...caps, ...pe, ...sysctls }),
    }));
}

export const policyArb = policyArbNamed(fc.constantFrom('p-a', 'p-b', 'p-c', 'p-d', 'z.policy', '0-first'));

/** The project's example privileged/baseline/restricted policies, as plain JSON. */
const examplePolicyArb = fc.constantFrom(...Object.values(EXAMPLE_POLICIES)).map((p) => JSON.parse(JSON.stringify(p)) as Record<string, unknown>);

/** 1–3 policies with distinct names (a cluster holds one policy per name); some are the example ones, so pods get admitted. */
export const policySetArb = fc.uniqueArray(fc.oneof({ arbitrary: policyArb, weight: 3 }, { arbitrary: examplePolicyArb, weight: 1 }), {
  minLength: 1,
  maxLength: 3,
  selector: (p) => (p.metadata as { name: string }).name,
});

/**
 * Valid (§1.4) and admits nothing: runAsUser MustRunAs without ranges cannot build a provider
 * (§3.2: "valid but unusable"), so admission silently ignores it.
 */
export const ADMITS_NOTHING_POLICY = Object.freeze({
  apiVersion: 'policy/v1beta1',
  kind: 'PodSecurityPolicy',
  metadata: { name: 'admits-nothing' },
  spec: { runAsUser: { rule: 'MustRunAs' }, seLinux: { rule: 'RunAsAny' }, supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' } },
});

// ---------------------------------------------------------------------------------------------
// Garbage.

/** Strings that look like numbers, booleans or nulls to one reader or another. */
export const NAN_LIKE = ['NaN', 'nan', '.nan', '.NaN', 'Infinity', '-Infinity', '.inf', '-.Inf', '+.INF', '1e400', '-0', '0x1F', '0o17', '0b101', '0755', '08', '1_000', 'yes', 'No', 'on', 'OFF', 'y', 'n', '~', 'null', 'Null', 'true', 'undefined', '12:30', '2001-12-14', '', ' ', '\u0000'];
export const HUGE_NUMBERS = [1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 2147483648, -2147483649, 4294967296, 5e-324, -0, 1.5, 0.1];
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

const unicodeString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }), // lone surrogates included
  fc.constantFrom('\u202Eevil', '\uFEFFbom', 'a\u0000b', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '\u{1F4A9}'.repeat(5), 'Ａ', 'ﬁ', 'İ'),
);

/** A value of a type that is wrong almost anywhere. */
export const wrongValueArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, [], {}, [null], [[]], { a: null }),
  fc.constantFrom(...HUGE_NUMBERS),
  fc.constantFrom(...NAN_LIKE),
  unicodeString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Every path (as key segments) to a value in a JSON tree. */
export function pathsOf(value: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Replaces the value at `path` (the root when empty). */
export function setAt(root: Json, path: ReadonlyArray<string | number>, value: Json): Json {
  if (path.length === 0) return value;
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]!] as Record<string | number, Json>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** A valid object with one field (any depth, the root included) replaced by a wrong-typed value. */
export const wrongTypeObjectArb: fc.Arbitrary<Json> = fc
  .tuple(fc.oneof(podBearingArb, policyArb), fc.nat(), wrongValueArb)
  .map(([obj, pick, value]) => {
    const paths = pathsOf(obj);
    return setAt(obj, paths[pick % paths.length]!, value);
  });

/**
 * JSON text with a hostile key (`__proto__`, `constructor`, ...) inserted into one object at any
 * depth. Done on the text: an object literal `{__proto__: x}` would set the prototype instead.
 */
export const hostileKeyJsonArb: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(podBearingArb, policyArb), fc.nat(), fc.constantFrom(...HOSTILE_KEYS), fc.oneof(fc.constant<Json>({ polluted: true }), fc.constant<Json>({ isAdmin: true, privileged: true }), wrongValueArb))
  .map(([obj, pick, key, value]) => {
    const text = JSON.stringify(obj);
    const opens = [...text.matchAll(/\{/g)].map((m) => m.index);
    const at = opens[pick % opens.length]! + 1;
    const rest = text.slice(at);
    return `${text.slice(0, at)}${JSON.stringify(key)}:${JSON.stringify(value)}${rest.startsWith('}') ? '' : ','}${rest}`;
  });

/** JSON text with one key of an object written twice (the last wins in JSON.parse; YAML refuses). */
export const duplicateKeyJsonArb: fc.Arbitrary<string> = fc.tuple(podBearingArb, fc.nat(), wrongValueArb).map(([obj, pick, value]) => {
  const text = JSON.stringify(obj);
  const keys = [...text.matchAll(/\{"([^"\\]+)":/g)];
  const m = keys[pick % keys.length]!;
  const at = m.index + 1;
  return `${text.slice(0, at)}${JSON.stringify(m[1])}:${JSON.stringify(value)},${text.slice(at)}`;
});

export function toYaml(value: Json): string {
  return yamlStringify(value, { version: '1.1', aliasDuplicateObjects: false });
}

/** A prefix of a valid JSON or YAML text (never the whole text). */
export const truncatedArb: fc.Arbitrary<{ text: string; yaml: boolean }> = fc
  .tuple(podBearingArb, fc.boolean(), fc.double({ min: 0, max: 0.999, noNaN: true }))
  .map(([obj, yaml, frac]) => {
    const text = yaml ? toYaml(obj) : JSON.stringify(obj, null, yaml ? 0 : 1);
    return { text: text.slice(0, Math.floor(text.length * frac)), yaml };
  });

/** YAML-specific hostility: tags, anchors, merge keys, odd scalars, directives. */
export const hostileYamlArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'a: !!js/function "function(){}"\n',
    'a: !custom x\n',
    '!!python/object/apply:os.system ["id"]\n',
    'a: !!binary aGVsbG8=\n',
    'a: !!set {x, y}\n',
    'a: &a [1]\nb: *a\nc: *nope\n',
    'base: &b {privileged: true}\nkind: Pod\napiVersion: v1\nmetadata: {name: m}\nspec: {containers: [{name: c, securityContext: {<<: *b}}]}\n',
    'kind: Pod\napiVersion: v1\n<<: {metadata: {name: m}, spec: {containers: [{name: c}]}}\n',
    'a: 1\na: 2\n',
    '%YAML 1.2\n---\na: 1\n',
    '%TAG ! tag:evil.com,2000:\n---\na: !x 1\n',
    '? [a, b]\n: c\n',
    '? {a: b}\n: c\n',
    '~: x\n',
    '---\n---\n...\n',
    'a: "unterminated\n',
    '\t- tab\n',
    '- &x a\n- *x\n- *x\n',
  ),
  fc.tuple(podBearingArb, fc.constantFrom(...NAN_LIKE)).map(([o, s]) => toYaml(o).replace(/: [^\n]*\n/, `: ${s}\n`)),
  fc.tuple(podBearingArb, fc.integer({ min: 1, max: 5 })).map(([o, n]) => Array.from({ length: n }, () => toYaml(o)).join('---\n')),
  fc.tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 10 })).map(([levels, width]) => laughs(levels, width)),
);

/** The billion-laughs shape: `levels` anchors, each `width` aliases of the previous one. */
export function laughs(levels: number, width: number): string {
  const lines = ['l0: &l0 "lol"'];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

/** A body with its content type: valid objects, garbage of every kind, both media types. */
export interface Body {
  contentType: string;
  body: string | Uint8Array;
}

const jsonBody = (text: string): Body => ({ contentType: 'application/json', body: text });
const yamlBody = (text: string): Body => ({ contentType: 'application/yaml', body: text });

export const manifestBodyArb: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: podBearingArb.map((o) => jsonBody(JSON.stringify(o))), weight: 3 },
  { arbitrary: podBearingArb.map((o) => yamlBody(toYaml(o))), weight: 3 },
  { arbitrary: fc.tuple(fc.array(podBearingArb, { maxLength: 2 }), policySetArb).map(([objs, ps]) => yamlBody([...ps, ...objs].map(toYaml).join('---\n'))), weight: 3 },
  { arbitrary: fc.tuple(fc.array(podBearingArb, { maxLength: 2 }), policySetArb).map(([objs, ps]) => jsonBody(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...ps, ...objs] }))), weight: 2 },
  { arbitrary: wrongTypeObjectArb.map((o) => jsonBody(JSON.stringify(o) ?? 'null')), weight: 3 },
  { arbitrary: wrongTypeObjectArb.map((o) => yamlBody(toYaml(o))), weight: 2 },
  { arbitrary: hostileKeyJsonArb.map(jsonBody), weight: 2 },
  { arbitrary: duplicateKeyJsonArb.map(jsonBody), weight: 1 },
  { arbitrary: truncatedArb.map((t) => (t.yaml ? yamlBody(t.text) : jsonBody(t.text))), weight: 2 },
  { arbitrary: hostileYamlArb.map(yamlBody), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => jsonBody(JSON.stringify(v))), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => yamlBody(toYaml(v))), weight: 1 },
  { arbitrary: unicodeString.map(jsonBody), weight: 1 },
  { arbitrary: unicodeString.map(yamlBody), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => ({ contentType: 'application/json', body: b })), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('text/plain', 'application/xml', '', 'application/json; charset=utf-16', 'APPLICATION/YAML', 'application/merge-patch+json'), podArb).map(([ct, o]) => ({ contentType: ct, body: JSON.stringify(o) })), weight: 1 },
);

/** `{pod, policies, operation}` admission envelopes, valid and not. */
export const admissionEnvelopeArb: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: fc.tuple(podBearingArb, policySetArb, fc.constantFrom('CREATE', 'UPDATE')).map(([pod, policies, operation]) => jsonBody(JSON.stringify({ pod, policies, operation }))), weight: 4 },
  { arbitrary: fc.tuple(podArb, policySetArb, podArb).map(([pod, policies, oldPod]) => jsonBody(JSON.stringify({ pod, policies, operation: 'UPDATE', oldPod, usablePolicies: ['p-a'] }))), weight: 1 },
  { arbitrary: fc.tuple(podArb, policySetArb, fc.nat(), wrongValueArb).map(([pod, policies, pick, v]) => {
      const env = { pod, policies, operation: 'CREATE' };
      const paths = pathsOf(env);
      return jsonBody(JSON.stringify(setAt(env, paths[pick % paths.length]!, v)) ?? 'null');
    }), weight: 3 },
  { arbitrary: manifestBodyArb, weight: 2 },
);

/** AdmissionReview requests (admission.k8s.io/v1 and v1beta1), valid and not. */
export const admissionReviewArb: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom('admission.k8s.io/v1', 'admission.k8s.io/v1beta1'), podArb, fc.constantFrom('CREATE', 'UPDATE', 'DELETE', 'CONNECT'), fc.constantFrom('', 'status', 'ephemeralcontainers', 'exec')).map(([apiVersion, pod, operation, subResource]) =>
      jsonBody(JSON.stringify({ apiVersion, kind: 'AdmissionReview', request: { uid: '705ab4f5-6393-11e8-b7cc-42010a800002', kind: { group: '', version: 'v1', kind: 'Pod' }, resource: { group: '', version: 'v1', resource: 'pods' }, subResource, namespace: 'default', operation, object: operation === 'DELETE' ? null : pod, oldObject: operation === 'UPDATE' ? pod : null, userInfo: { username: 'u' }, dryRun: false } }))), weight: 4 },
  { arbitrary: fc.tuple(workloadArb, fc.nat(), wrongValueArb).map(([w, pick, v]) => {
      const review = { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u', kind: { group: 'apps', version: 'v1', kind: w.kind }, resource: { group: 'apps', version: 'v1', resource: 'x' }, operation: 'CREATE', object: w } };
      const paths = pathsOf(review);
      return jsonBody(JSON.stringify(setAt(review, paths[pick % paths.length]!, v)) ?? 'null');
    }), weight: 3 },
  { arbitrary: manifestBodyArb, weight: 2 },
);
