/**
 * The severity of every rule podsec reports, in ONE table: each CIS canonical key (`cis/<key>`),
 * each Pod Security Standards check ID (`pss/<checkId>`) and each kind of PodSecurityPolicy
 * denial (`psp/<field or strategy>`, see psp-rules.ts). The rule ID is also the SARIF rule ID.
 *
 * Scale: high = the pod can reach the node (host namespaces, privileged, host filesystem,
 * unrestricted capabilities); medium = a weakened boundary that needs a second flaw to matter;
 * low = hardening / defence in depth. podsec's own judgement, not CIS's or Kubernetes'
 * (neither assigns severities); the rationale column says why.
 */
import type { CanonicalKey } from '../cis';

export type Severity = 'high' | 'medium' | 'low';

/** Most severe first; `failOn=medium` means "medium or anything before it". */
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 3, medium: 2, low: 1 };

export interface SeverityRow {
  severity: Severity;
  /** One line: why this severity. */
  rationale: string;
}

type PspRuleName =
  | 'privileged'
  | 'hostNetwork'
  | 'hostPID'
  | 'hostIPC'
  | 'hostPorts'
  | 'runAsUser'
  | 'runAsGroup'
  | 'supplementalGroups'
  | 'fsGroup'
  | 'volumes'
  | 'allowedHostPaths'
  | 'allowedFlexVolumes'
  | 'allowedCSIDrivers'
  | 'allowedCapabilities'
  | 'requiredDropCapabilities'
  | 'allowPrivilegeEscalation'
  | 'readOnlyRootFilesystem'
  | 'allowedProcMountTypes'
  | 'seLinux'
  | 'seccomp'
  | 'appArmor'
  | 'sysctls'
  | 'runtimeClass'
  | 'admission';

/** The PSS check IDs of the library (src/pss registry); a test keeps this list equal to PSS_CHECKS. */
type PssCheckId =
  | 'appArmorProfile'
  | 'capabilities_baseline'
  | 'hostNamespaces'
  | 'hostPathVolumes'
  | 'hostPorts'
  | 'hostProbesAndHostLifecycle'
  | 'privileged'
  | 'procMount'
  | 'seLinuxOptions'
  | 'seccompProfile_baseline'
  | 'sysctls'
  | 'windowsHostProcess'
  | 'allowPrivilegeEscalation'
  | 'capabilities_restricted'
  | 'procMount_restricted'
  | 'restrictedVolumes'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'seccompProfile_restricted';

export type RuleId = `cis/${CanonicalKey}` | `pss/${PssCheckId}` | `psp/${PspRuleName}`;

const H = 'high';
const M = 'medium';
const L = 'low';

// prettier-ignore
export const SEVERITY: Readonly<Record<RuleId, SeverityRow>> = {
  // CIS 5.2 / 4.2 controls, by canonical key (the same in every benchmark).
  'cis/policy-mechanism':           { severity: M, rationale: 'Without an active policy mechanism nothing stops any of the other findings from being admitted.' },
  'cis/privileged':                 { severity: H, rationale: 'A privileged container has every capability and all host devices: it is root on the node.' },
  'cis/host-pid':                   { severity: H, rationale: 'The host PID namespace exposes and lets the pod signal or ptrace every process on the node.' },
  'cis/host-ipc':                   { severity: H, rationale: 'The host IPC namespace shares memory segments and semaphores with every process on the node.' },
  'cis/host-network':               { severity: H, rationale: 'The host network namespace reaches node-local services and sniffs or spoofs node traffic.' },
  'cis/allow-privilege-escalation': { severity: M, rationale: 'Setuid binaries can gain privileges the container did not start with; needs a second flaw to matter.' },
  'cis/root':                       { severity: M, rationale: 'Root in the container is one kernel or runtime escape away from root on the node.' },
  'cis/net-raw':                    { severity: M, rationale: 'NET_RAW allows packet spoofing and ARP/DNS poisoning of other pods on the node network.' },
  'cis/added-capabilities':         { severity: M, rationale: 'Added capabilities widen the kernel attack surface beyond the runtime default.' },
  'cis/capabilities-assigned':      { severity: L, rationale: 'Keeping the runtime default capabilities is hardening left undone, not an exposure by itself.' },
  'cis/windows-hostprocess':        { severity: H, rationale: 'A HostProcess container runs directly on the Windows node with host access.' },
  'cis/hostpath-volumes':           { severity: H, rationale: 'hostPath mounts read or write the node filesystem (kubelet credentials, container runtime socket).' },
  'cis/host-ports':                 { severity: M, rationale: 'Host ports bind on the node address, bypassing Service and NetworkPolicy controls.' },
  'cis/pss-baseline-enforced':      { severity: M, rationale: 'Without Pod Security baseline enforcement nothing stops privileged pods from being admitted.' },
  'cis/privileged-scc-access':      { severity: H, rationale: 'Access to the privileged SCC allows any of the host-level findings to be admitted.' },

  // Pod Security Standards checks, by check ID (pod-security-admission library).
  'pss/appArmorProfile':            { severity: M, rationale: 'Disabling AppArmor removes a mandatory-access-control layer.' },
  'pss/capabilities_baseline':      { severity: H, rationale: 'Capabilities beyond the baseline set (SYS_ADMIN, NET_ADMIN, ...) are routes to the node.' },
  'pss/hostNamespaces':             { severity: H, rationale: 'Host network, PID or IPC namespaces share the node with the pod.' },
  'pss/hostPathVolumes':            { severity: H, rationale: 'hostPath volumes read or write the node filesystem.' },
  'pss/hostPorts':                  { severity: M, rationale: 'Host ports bind on the node address, bypassing Service and NetworkPolicy controls.' },
  'pss/hostProbesAndHostLifecycle': { severity: M, rationale: 'Probes or lifecycle hooks aimed at another host let the kubelet be used for requests the pod cannot make (SSRF).' },
  'pss/privileged':                 { severity: H, rationale: 'A privileged container is root on the node.' },
  'pss/procMount':                  { severity: M, rationale: 'An unmasked /proc exposes kernel interfaces the runtime normally hides.' },
  'pss/seLinuxOptions':             { severity: M, rationale: 'A custom SELinux user or role can escape the container confinement type.' },
  'pss/seccompProfile_baseline':    { severity: M, rationale: 'An Unconfined seccomp profile exposes every system call to the container.' },
  'pss/sysctls':                    { severity: M, rationale: 'Unsafe sysctls change kernel parameters shared with the node.' },
  'pss/windowsHostProcess':         { severity: H, rationale: 'A HostProcess container runs directly on the Windows node.' },
  'pss/allowPrivilegeEscalation':   { severity: M, rationale: 'Setuid binaries can gain privileges; needs a second flaw to matter.' },
  'pss/capabilities_restricted':    { severity: L, rationale: 'Not dropping ALL keeps the runtime default capabilities: hardening left undone.' },
  'pss/procMount_restricted':       { severity: L, rationale: 'Restricted forbids any procMount other than Default: hardening.' },
  'pss/restrictedVolumes':          { severity: L, rationale: 'Volume types outside the restricted list are not exposures by themselves (hostPath is reported by hostPathVolumes).' },
  'pss/runAsNonRoot':               { severity: M, rationale: 'A container that may run as root is one escape away from root on the node.' },
  'pss/runAsUser':                  { severity: M, rationale: 'runAsUser 0 runs the container as root.' },
  'pss/seccompProfile_restricted':  { severity: L, rationale: 'No RuntimeDefault or Localhost seccomp profile: defence in depth left undone.' },

  // PodSecurityPolicy denials, by the PSP field (strategy) that rejected the pod.
  'psp/privileged':                 { severity: H, rationale: 'The pod asks to run a privileged container.' },
  'psp/hostNetwork':                { severity: H, rationale: 'The pod asks for the host network namespace.' },
  'psp/hostPID':                    { severity: H, rationale: 'The pod asks for the host PID namespace.' },
  'psp/hostIPC':                    { severity: H, rationale: 'The pod asks for the host IPC namespace.' },
  'psp/hostPorts':                  { severity: M, rationale: 'The pod asks for host ports the policy does not allow.' },
  'psp/runAsUser':                  { severity: M, rationale: 'The pod would run as a user the policy forbids (usually root).' },
  'psp/runAsGroup':                 { severity: L, rationale: 'The primary group is outside the allowed ranges.' },
  'psp/supplementalGroups':         { severity: L, rationale: 'Supplemental groups are outside the allowed ranges.' },
  'psp/fsGroup':                    { severity: L, rationale: 'The fsGroup is outside the allowed ranges.' },
  'psp/volumes':                    { severity: M, rationale: 'The pod uses a volume type the policy does not allow.' },
  'psp/allowedHostPaths':           { severity: H, rationale: 'The pod mounts a host path outside the allowed prefixes, or writable where read-only is required.' },
  'psp/allowedFlexVolumes':         { severity: M, rationale: 'The pod uses a FlexVolume driver the policy does not allow.' },
  'psp/allowedCSIDrivers':          { severity: M, rationale: 'The pod uses an inline CSI driver the policy does not allow.' },
  'psp/allowedCapabilities':        { severity: M, rationale: 'The pod adds a capability the policy does not allow.' },
  'psp/requiredDropCapabilities':   { severity: L, rationale: 'The pod does not drop a capability the policy requires dropped.' },
  'psp/allowPrivilegeEscalation':   { severity: M, rationale: 'The pod allows privilege escalation the policy forbids.' },
  'psp/readOnlyRootFilesystem':     { severity: L, rationale: 'The pod has a writable root filesystem where the policy requires read-only.' },
  'psp/allowedProcMountTypes':      { severity: M, rationale: 'The pod asks for an unmasked /proc.' },
  'psp/seLinux':                    { severity: M, rationale: 'The pod SELinux options differ from those the policy requires.' },
  'psp/seccomp':                    { severity: M, rationale: 'The pod seccomp profile is not one the policy allows.' },
  'psp/appArmor':                   { severity: M, rationale: 'The pod AppArmor profile is not one the policy allows.' },
  'psp/sysctls':                    { severity: M, rationale: 'The pod sets a sysctl the policy forbids.' },
  'psp/runtimeClass':               { severity: L, rationale: 'The pod uses a RuntimeClass the policy does not allow.' },
  'psp/admission':                  { severity: M, rationale: 'No policy could be used to admit the pod (none usable, or every one failed to build).' },
};

/** Severity of a rule; unknown rule IDs (none should exist) count as medium rather than vanish. */
export function severityOf(rule: string): Severity {
  return (SEVERITY as Readonly<Record<string, SeverityRow>>)[rule]?.severity ?? 'medium';
}

/** At or above `threshold` (high ≥ medium ≥ low). */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}
