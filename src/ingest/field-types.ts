/**
 * The JSON types of every field in src/k8s/types.ts (the pod security surface and the PSP spec),
 * as one table: struct name → field → type. Compiled once at module load into a tree the
 * validator walks (no zod: it is slow without JIT on Workers).
 *
 * Type syntax: `boolean`, `string`, `int32`, `int64`, `int-or-string` (IntOrString, int32),
 * `map<string>` (map[string]string), `object` (any JSON object), a struct name, and `[]` for a
 * list. Field suffixes:
 *  - `=`  Go value field (no pointer, no omitempty at decode time): when absent, the Go zero value
 *         is filled in, exactly what Kubernetes' decoder hands to validation (types.ts marks these
 *         fields as required);
 *  - `!`  required and non-empty: Kubernetes rejects the object without it (container names, which
 *         every finding is keyed by), so the reader answers 422 `Required value`.
 * Integer widths follow the Go types: ports and hostPort ranges int32; user/group IDs and ID
 * ranges int64.
 */
export const FIELD_TYPES = {
  ObjectMeta: {
    name: 'string',
    generateName: 'string',
    namespace: 'string',
    labels: 'map<string>',
    annotations: 'map<string>',
  },
  Capabilities: { add: 'string[]', drop: 'string[]' },
  SELinuxOptions: { user: 'string', role: 'string', type: 'string', level: 'string' },
  SeccompProfile: { type: 'string', localhostProfile: 'string' },
  AppArmorProfile: { type: 'string', localhostProfile: 'string' },
  WindowsSecurityContextOptions: {
    gmsaCredentialSpecName: 'string',
    gmsaCredentialSpec: 'string',
    runAsUserName: 'string',
    hostProcess: 'boolean',
  },
  SecurityContext: {
    privileged: 'boolean',
    allowPrivilegeEscalation: 'boolean',
    readOnlyRootFilesystem: 'boolean',
    runAsUser: 'int64',
    runAsGroup: 'int64',
    runAsNonRoot: 'boolean',
    procMount: 'string',
    capabilities: 'Capabilities',
    seLinuxOptions: 'SELinuxOptions',
    seccompProfile: 'SeccompProfile',
    appArmorProfile: 'AppArmorProfile',
    windowsOptions: 'WindowsSecurityContextOptions',
  },
  Sysctl: { 'name=': 'string', value: 'string' },
  PodSecurityContext: {
    runAsUser: 'int64',
    runAsGroup: 'int64',
    runAsNonRoot: 'boolean',
    fsGroup: 'int64',
    supplementalGroups: 'int64[]',
    sysctls: 'Sysctl[]',
    seLinuxOptions: 'SELinuxOptions',
    seccompProfile: 'SeccompProfile',
    appArmorProfile: 'AppArmorProfile',
    windowsOptions: 'WindowsSecurityContextOptions',
  },
  ContainerPort: {
    containerPort: 'int32',
    hostPort: 'int32',
    hostIP: 'string',
    protocol: 'string',
    name: 'string',
  },
  VolumeMount: { 'name=': 'string', mountPath: 'string', readOnly: 'boolean' },
  HTTPGetAction: { host: 'string', port: 'int-or-string', path: 'string' },
  TCPSocketAction: { host: 'string', port: 'int-or-string' },
  Handler: { httpGet: 'HTTPGetAction', tcpSocket: 'TCPSocketAction' },
  Lifecycle: { postStart: 'Handler', preStop: 'Handler' },
  Container: {
    'name!': 'string',
    image: 'string',
    ports: 'ContainerPort[]',
    volumeMounts: 'VolumeMount[]',
    securityContext: 'SecurityContext',
    livenessProbe: 'Handler',
    readinessProbe: 'Handler',
    startupProbe: 'Handler',
    lifecycle: 'Lifecycle',
  },
  HostPathVolumeSource: { 'path=': 'string', type: 'string' },
  FlexVolumeSource: { 'driver=': 'string' },
  CSIVolumeSource: { 'driver=': 'string' },
  ProjectedVolumeSource: { sources: 'object[]' },
  Volume: {
    'name=': 'string',
    hostPath: 'HostPathVolumeSource',
    flexVolume: 'FlexVolumeSource',
    csi: 'CSIVolumeSource',
    projected: 'ProjectedVolumeSource',
  },
  PodOS: { 'name=': 'string' },
  PodSpec: {
    'containers=': 'Container[]',
    initContainers: 'Container[]',
    ephemeralContainers: 'Container[]',
    volumes: 'Volume[]',
    hostNetwork: 'boolean',
    hostPID: 'boolean',
    hostIPC: 'boolean',
    hostUsers: 'boolean',
    securityContext: 'PodSecurityContext',
    runtimeClassName: 'string',
    serviceAccountName: 'string',
    os: 'PodOS',
  },
  /** Pod, and the `template` of every workload: what the engines evaluate. */
  PodTemplateSpec: { 'metadata=': 'ObjectMeta', 'spec=': 'PodSpec' },

  IDRange: { 'min=': 'int64', 'max=': 'int64' },
  HostPortRange: { 'min=': 'int32', 'max=': 'int32' },
  RunAsUserStrategyOptions: { 'rule=': 'string', ranges: 'IDRange[]' },
  GroupStrategyOptions: { rule: 'string', ranges: 'IDRange[]' },
  SELinuxStrategyOptions: { rule: 'string', seLinuxOptions: 'SELinuxOptions' },
  AllowedHostPath: { pathPrefix: 'string', readOnly: 'boolean' },
  AllowedFlexVolume: { driver: 'string' },
  AllowedCSIDriver: { name: 'string' },
  RuntimeClassStrategyOptions: { allowedRuntimeClassNames: 'string[]', defaultRuntimeClassName: 'string' },
  PodSecurityPolicySpec: {
    privileged: 'boolean',
    defaultAddCapabilities: 'string[]',
    requiredDropCapabilities: 'string[]',
    allowedCapabilities: 'string[]',
    volumes: 'string[]',
    hostNetwork: 'boolean',
    hostPorts: 'HostPortRange[]',
    hostPID: 'boolean',
    hostIPC: 'boolean',
    seLinux: 'SELinuxStrategyOptions',
    runAsUser: 'RunAsUserStrategyOptions',
    runAsGroup: 'GroupStrategyOptions',
    supplementalGroups: 'GroupStrategyOptions',
    fsGroup: 'GroupStrategyOptions',
    readOnlyRootFilesystem: 'boolean',
    defaultAllowPrivilegeEscalation: 'boolean',
    allowPrivilegeEscalation: 'boolean',
    allowedHostPaths: 'AllowedHostPath[]',
    allowedFlexVolumes: 'AllowedFlexVolume[]',
    allowedCSIDrivers: 'AllowedCSIDriver[]',
    allowedUnsafeSysctls: 'string[]',
    forbiddenSysctls: 'string[]',
    allowedProcMountTypes: 'string[]',
    runtimeClass: 'RuntimeClassStrategyOptions',
  },
  PodSecurityPolicy: { apiVersion: 'string', kind: 'string', 'metadata=': 'ObjectMeta', 'spec=': 'PodSecurityPolicySpec' },
} as const satisfies Record<string, Record<string, string>>;

export type StructName = keyof typeof FIELD_TYPES;

export type TypeNode =
  | { kind: 'boolean' | 'string' | 'int32' | 'int64' | 'int-or-string' | 'map<string>' | 'object' }
  | { kind: 'list'; of: TypeNode }
  | { kind: 'struct'; name: StructName; fields: ReadonlyMap<string, FieldNode>; valueFields: readonly FieldNode[] };

export interface FieldNode {
  name: string;
  type: TypeNode;
  /** `=`: fill the Go zero value when absent. */
  zeroFill: boolean;
  /** `!`: absent or empty is a 422. */
  required: boolean;
}

const SCALARS = new Set(['boolean', 'string', 'int32', 'int64', 'int-or-string', 'map<string>', 'object']);

function compile(): Record<StructName, TypeNode & { kind: 'struct' }> {
  const structs = {} as Record<StructName, TypeNode & { kind: 'struct' }>;
  const names = Object.keys(FIELD_TYPES) as StructName[];
  for (const name of names) structs[name] = { kind: 'struct', name, fields: new Map(), valueFields: [] };
  const typeOf = (spec: string): TypeNode => {
    if (spec.endsWith('[]')) return { kind: 'list', of: typeOf(spec.slice(0, -2)) };
    if (SCALARS.has(spec)) return { kind: spec as 'string' };
    const s = structs[spec as StructName];
    if (s === undefined) throw new Error(`field-types: unknown type ${spec}`);
    return s;
  };
  for (const name of names) {
    const s = structs[name];
    const fields = s.fields as Map<string, FieldNode>;
    const valueFields = s.valueFields as FieldNode[];
    for (const [rawKey, spec] of Object.entries(FIELD_TYPES[name] as Record<string, string>)) {
      const suffix = rawKey[rawKey.length - 1];
      const key = suffix === '=' || suffix === '!' ? rawKey.slice(0, -1) : rawKey;
      const node: FieldNode = { name: key, type: typeOf(spec), zeroFill: suffix === '=', required: suffix === '!' };
      fields.set(key, node);
      if (node.zeroFill || node.required) valueFields.push(node);
    }
  }
  return structs;
}

export const TYPES = compile();
