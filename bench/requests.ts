/**
 * The benchmark's request bodies, generated deterministically (no randomness, no files): the
 * reference request of issue 6 and its scaled variants. Policies are valid for the apiserver
 * (requireValidPolicies passes) and chosen so that admission considers every policy: they sort
 * before the one policy that admits the pod unchanged (`zz-privileged`), and each of the others
 * either mutates the pod or rejects it, so the engine does the most work a request of that size
 * can cause.
 */
import { stringify } from 'yaml';

type Json = Record<string, unknown>;

/** Policy templates cycled through to build N policies (names get a numeric suffix). */
const POLICY_SPECS: ReadonlyArray<{ base: string; annotations?: Record<string, string>; spec: Json }> = [
  {
    base: 'restricted',
    annotations: {
      'seccomp.security.alpha.kubernetes.io/allowedProfileNames': 'docker/default,runtime/default',
      'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default',
      'apparmor.security.beta.kubernetes.io/allowedProfileNames': 'runtime/default',
      'apparmor.security.beta.kubernetes.io/defaultProfileName': 'runtime/default',
    },
    spec: {
      privileged: false,
      allowPrivilegeEscalation: false,
      requiredDropCapabilities: ['ALL'],
      volumes: ['configMap', 'emptyDir', 'projected', 'secret', 'downwardAPI', 'csi', 'persistentVolumeClaim', 'ephemeral'],
      hostNetwork: false,
      hostIPC: false,
      hostPID: false,
      runAsUser: { rule: 'MustRunAsNonRoot' },
      seLinux: { rule: 'RunAsAny' },
      supplementalGroups: { rule: 'MustRunAs', ranges: [{ min: 1, max: 65535 }] },
      fsGroup: { rule: 'MustRunAs', ranges: [{ min: 1, max: 65535 }] },
      readOnlyRootFilesystem: false,
    },
  },
  {
    base: 'baseline',
    annotations: {
      'seccomp.security.alpha.kubernetes.io/allowedProfileNames': 'docker/default,runtime/default,unconfined',
      'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'unconfined',
    },
    spec: {
      privileged: false,
      allowedCapabilities: ['CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE'],
      volumes: ['configMap', 'emptyDir', 'projected', 'secret', 'downwardAPI', 'persistentVolumeClaim', 'csi'],
      hostNetwork: false,
      hostIPC: false,
      hostPID: false,
      runAsUser: { rule: 'RunAsAny' },
      seLinux: { rule: 'RunAsAny' },
      supplementalGroups: { rule: 'RunAsAny' },
      fsGroup: { rule: 'RunAsAny' },
    },
  },
  {
    base: 'uid-range',
    spec: {
      privileged: false,
      allowPrivilegeEscalation: false,
      defaultAddCapabilities: ['NET_BIND_SERVICE'],
      requiredDropCapabilities: ['NET_RAW'],
      volumes: ['*'],
      runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] },
      runAsGroup: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] },
      seLinux: { rule: 'MustRunAs', seLinuxOptions: { level: 's0:c123,c456', type: 'container_t' } },
      supplementalGroups: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] },
      fsGroup: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] },
    },
  },
  {
    base: 'read-only',
    spec: {
      privileged: false,
      readOnlyRootFilesystem: true,
      volumes: ['configMap', 'emptyDir', 'secret', 'projected'],
      hostPorts: [{ min: 8000, max: 8100 }],
      allowedHostPaths: [{ pathPrefix: '/var/log', readOnly: true }],
      runAsUser: { rule: 'MustRunAsNonRoot' },
      seLinux: { rule: 'RunAsAny' },
      supplementalGroups: { rule: 'RunAsAny' },
      fsGroup: { rule: 'MayRunAs', ranges: [{ min: 1, max: 65535 }] },
      allowedUnsafeSysctls: ['net.core.*'],
      forbiddenSysctls: ['kernel.shm_rmid_forced'],
      allowedProcMountTypes: ['Default'],
    },
  },
  {
    base: 'host-network',
    spec: {
      privileged: false,
      hostNetwork: true,
      hostPorts: [{ min: 0, max: 65535 }],
      allowedCapabilities: ['NET_ADMIN'],
      volumes: ['hostPath', 'configMap', 'secret'],
      allowedHostPaths: [{ pathPrefix: '/etc/cni' }, { pathPrefix: '/opt/cni/bin' }],
      runAsUser: { rule: 'RunAsAny' },
      seLinux: { rule: 'RunAsAny' },
      supplementalGroups: { rule: 'MustRunAs', ranges: [{ min: 100, max: 200 }] },
      fsGroup: { rule: 'MustRunAs', ranges: [{ min: 100, max: 200 }] },
      runtimeClass: { allowedRuntimeClassNames: ['gvisor'], defaultRuntimeClassName: 'gvisor' },
    },
  },
];

/** Admits everything unchanged: sorts last, so every other policy is evaluated before it. */
const PRIVILEGED_POLICY: Json = {
  apiVersion: 'policy/v1beta1',
  kind: 'PodSecurityPolicy',
  metadata: { name: 'zz-privileged', annotations: { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': '*' } },
  spec: {
    privileged: true,
    allowPrivilegeEscalation: true,
    allowedCapabilities: ['*'],
    volumes: ['*'],
    hostNetwork: true,
    hostPorts: [{ min: 0, max: 65535 }],
    hostIPC: true,
    hostPID: true,
    runAsUser: { rule: 'RunAsAny' },
    seLinux: { rule: 'RunAsAny' },
    supplementalGroups: { rule: 'RunAsAny' },
    fsGroup: { rule: 'RunAsAny' },
  },
};

/** `count` policies: count-1 cycled templates, then the privileged one. */
export function makePolicies(count: number): Json[] {
  const out: Json[] = [];
  for (let i = 0; i < count - 1; i++) {
    const t = POLICY_SPECS[i % POLICY_SPECS.length]!;
    const metadata: Json = { name: `${t.base}-${String(i).padStart(3, '0')}` };
    if (t.annotations) metadata.annotations = { ...t.annotations };
    out.push({ apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata, spec: structuredClone(t.spec) });
  }
  if (count > 0) out.push(structuredClone(PRIVILEGED_POLICY));
  return out;
}

function container(name: string, i: number): Json {
  // Alternating shapes: hardened, default and privileged-ish containers, so checks both pass and fail.
  const variant = i % 3;
  const c: Json = {
    name,
    image: `registry.example.com/team/${name}:1.${i}.0`,
    args: ['--port=8080', '--log-level=info'],
    ports: [{ name: 'http', containerPort: 8080 + i, protocol: 'TCP' }],
    env: [
      { name: 'MODE', value: 'production' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    volumeMounts: [
      { name: 'config', mountPath: '/etc/app' },
      { name: 'cache', mountPath: '/var/cache/app' },
    ],
    livenessProbe: { httpGet: { path: '/healthz', port: 8080 + i }, periodSeconds: 10 },
    readinessProbe: { tcpSocket: { port: 8080 + i } },
  };
  if (variant === 0) {
    c.securityContext = {
      runAsNonRoot: true,
      runAsUser: 1001,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      seccompProfile: { type: 'RuntimeDefault' },
    };
  } else if (variant === 2) {
    c.securityContext = { capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] }, allowPrivilegeEscalation: true };
  }
  return c;
}

/** A Deployment with `init` init containers and `regular` containers. */
export function makeDeployment(name: string, init: number, regular: number): Json {
  const spec: Json = {
    serviceAccountName: name,
    securityContext: { fsGroup: 2000, supplementalGroups: [3000], sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] },
    containers: Array.from({ length: regular }, (_, i) => container(`${name}-c${i}`, i)),
    volumes: [
      { name: 'config', configMap: { name: `${name}-config` } },
      { name: 'cache', emptyDir: {} },
      { name: 'logs', hostPath: { path: '/var/log', type: 'Directory' } },
    ],
  };
  if (init > 0) spec.initContainers = Array.from({ length: init }, (_, i) => container(`${name}-init${i}`, i + 1));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop', labels: { app: name, tier: 'backend' }, annotations: { 'example.com/owner': 'team-a' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name, tier: 'backend' } }, spec },
    },
  };
}

export interface BenchRequest {
  name: string;
  description: string;
  objects: Json[];
  json: string;
  yaml: string;
  policies: number;
  containers: number;
}

function toRequest(name: string, description: string, objects: Json[], policies: number, containers: number): BenchRequest {
  return {
    name,
    description,
    objects,
    json: JSON.stringify(objects),
    yaml: objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n'),
    policies,
    containers,
  };
}

/** `policies` PSPs followed by one Deployment of `containers` containers (one of them an init container when containers > 1). */
export function podAndPolicies(policies: number, containers: number, name = `p${policies}-c${containers}`): BenchRequest {
  const init = containers > 1 ? 1 : 0;
  const objects = [...makePolicies(policies), makeDeployment('web', init, containers - init)];
  return toRequest(name, `${policies} PSPs + 1 Deployment, ${containers} containers`, objects, policies, containers);
}

/** The reference request of issue 6: a Deployment with 1 init + 3 containers and 10 PSPs. */
export function referenceRequest(): BenchRequest {
  const r = podAndPolicies(10, 4, 'reference');
  r.description = '10 PSPs + 1 Deployment (1 init + 3 containers)';
  return r;
}

/** The large request: a 100-object stream, 100 PSPs... evaluated against a 10-container Deployment (101 documents). */
export function largeRequest(): BenchRequest {
  const r = podAndPolicies(100, 10, 'large');
  r.description = '100 PSPs + 1 Deployment (1 init + 9 containers), 101-document YAML stream';
  return r;
}

/**
 * A body just under `maxBytes` (the default 1 MiB limit): 10 PSPs and as many reference
 * Deployments (4 containers each) as fit, every one fully evaluated.
 */
export function maxBodyRequest(maxBytes: number): BenchRequest {
  const policies = makePolicies(10);
  const objects: Json[] = [...policies];
  let yamlBytes = policies.map((o) => stringify(o, { lineWidth: 0 })).join('---\n').length;
  for (let i = 0; ; i++) {
    const d = makeDeployment(`app-${String(i).padStart(4, '0')}`, 1, 3);
    const size = stringify(d, { lineWidth: 0 }).length + 4;
    if (yamlBytes + size > maxBytes - 1024) break;
    yamlBytes += size;
    objects.push(d);
  }
  const pods = objects.length - policies.length;
  return toRequest('max-body', `10 PSPs + ${pods} Deployments (4 containers each), YAML just under ${Math.round(maxBytes / 1024)} KiB`, objects, 10, 4);
}
