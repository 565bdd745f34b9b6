/**
 * Structural types for the parts of Kubernetes objects that the engines read.
 *
 * These are plain JSON shapes (v1 field names). The manifest reader (src/ingest) guarantees, before
 * any engine sees an object, that:
 *  - every field listed here has the JSON type declared here (a wrong type is a 422 at ingest);
 *  - `null` values have been removed (Kubernetes' decoder treats null as "unset"), so "unset"
 *    always means `=== undefined`;
 *  - objects are fresh copies owned by the request: engines must still never mutate their input.
 *
 * Fields the engines do not read are kept (index signatures) so mutated pods round-trip whole.
 */

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface Capabilities {
  add?: string[];
  drop?: string[];
}

export interface SELinuxOptions {
  user?: string;
  role?: string;
  type?: string;
  level?: string;
}

/** `type` is RuntimeDefault | Localhost | Unconfined (not validated beyond being a string). */
export interface SeccompProfile {
  type?: string;
  localhostProfile?: string;
}

export interface AppArmorProfile {
  type?: string;
  localhostProfile?: string;
}

export interface WindowsSecurityContextOptions {
  gmsaCredentialSpecName?: string;
  gmsaCredentialSpec?: string;
  runAsUserName?: string;
  hostProcess?: boolean;
}

export interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  procMount?: string;
  capabilities?: Capabilities;
  seLinuxOptions?: SELinuxOptions;
  seccompProfile?: SeccompProfile;
  appArmorProfile?: AppArmorProfile;
  windowsOptions?: WindowsSecurityContextOptions;
  [key: string]: unknown;
}

export interface Sysctl {
  name: string;
  value?: string;
}

export interface PodSecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  supplementalGroups?: number[];
  sysctls?: Sysctl[];
  seLinuxOptions?: SELinuxOptions;
  seccompProfile?: SeccompProfile;
  appArmorProfile?: AppArmorProfile;
  windowsOptions?: WindowsSecurityContextOptions;
  [key: string]: unknown;
}

export interface ContainerPort {
  containerPort?: number;
  hostPort?: number;
  hostIP?: string;
  protocol?: string;
  name?: string;
}

export interface VolumeMount {
  name: string;
  mountPath?: string;
  readOnly?: boolean;
  [key: string]: unknown;
}

/** Probe handlers and lifecycle handlers share these action shapes. */
export interface Handler {
  httpGet?: { host?: string; port?: number | string; path?: string; [key: string]: unknown };
  tcpSocket?: { host?: string; port?: number | string; [key: string]: unknown };
  exec?: unknown;
  grpc?: unknown;
  [key: string]: unknown;
}

export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[];
  volumeMounts?: VolumeMount[];
  securityContext?: SecurityContext;
  livenessProbe?: Handler;
  readinessProbe?: Handler;
  startupProbe?: Handler;
  lifecycle?: { postStart?: Handler; preStop?: Handler; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * A volume: `name` plus exactly one source key (hostPath, secret, projected, ...). The source key
 * decides the volume type (see VOLUME_SOURCES in src/k8s/fields.ts when it exists).
 */
export interface Volume {
  name: string;
  hostPath?: { path: string; type?: string };
  flexVolume?: { driver: string; [key: string]: unknown };
  csi?: { driver: string; [key: string]: unknown };
  projected?: { sources?: Array<Record<string, unknown>>; [key: string]: unknown };
  [key: string]: unknown;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  volumes?: Volume[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  hostUsers?: boolean;
  securityContext?: PodSecurityContext;
  runtimeClassName?: string;
  serviceAccountName?: string;
  os?: { name: string };
  [key: string]: unknown;
}

/** What every engine evaluates: the pod's (or pod template's) metadata and spec. */
export interface PodTemplate {
  metadata: ObjectMeta;
  spec: PodSpec;
}

export interface IDRange {
  min: number;
  max: number;
}

export interface RunAsUserStrategyOptions {
  rule: string;
  ranges?: IDRange[];
}

export interface GroupStrategyOptions {
  rule?: string;
  ranges?: IDRange[];
}

export interface PodSecurityPolicySpec {
  privileged?: boolean;
  defaultAddCapabilities?: string[];
  requiredDropCapabilities?: string[];
  allowedCapabilities?: string[];
  volumes?: string[];
  hostNetwork?: boolean;
  hostPorts?: Array<{ min: number; max: number }>;
  hostPID?: boolean;
  hostIPC?: boolean;
  seLinux?: { rule?: string; seLinuxOptions?: SELinuxOptions };
  runAsUser?: RunAsUserStrategyOptions;
  runAsGroup?: GroupStrategyOptions;
  supplementalGroups?: GroupStrategyOptions;
  fsGroup?: GroupStrategyOptions;
  readOnlyRootFilesystem?: boolean;
  defaultAllowPrivilegeEscalation?: boolean;
  allowPrivilegeEscalation?: boolean;
  allowedHostPaths?: Array<{ pathPrefix?: string; readOnly?: boolean }>;
  allowedFlexVolumes?: Array<{ driver?: string }>;
  allowedCSIDrivers?: Array<{ name?: string }>;
  allowedUnsafeSysctls?: string[];
  forbiddenSysctls?: string[];
  allowedProcMountTypes?: string[];
  runtimeClass?: { allowedRuntimeClassNames?: string[]; defaultRuntimeClassName?: string };
  [key: string]: unknown;
}

export interface PodSecurityPolicy {
  apiVersion: string;
  kind: 'PodSecurityPolicy';
  metadata: ObjectMeta;
  spec: PodSecurityPolicySpec;
}
