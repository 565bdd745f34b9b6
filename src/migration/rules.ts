/**
 * THE migration table: each PSP field and the Pod Security Standards check it bears on, with the
 * check's level, the first policy version where it matters, and whether the (defaulted) PSP
 * closes the gap. Rows follow the PSS run order (baseline checks, then restricted checks).
 * Adding a rule = one logic under rules/ and one row here.
 */
import { ANNOTATION } from '../psp/fields';
import { ALLOW_PRIVILEGE_ESCALATION_RULE } from './rules/allow-privilege-escalation';
import { APPARMOR_RULE } from './rules/app-armor';
import {
  ALLOWED_CAPABILITIES_BASELINE_RULE,
  ALLOWED_CAPABILITIES_RESTRICTED_RULE,
  DEFAULT_ADD_CAPABILITIES_BASELINE_RULE,
  DEFAULT_ADD_CAPABILITIES_RESTRICTED_RULE,
  REQUIRED_DROP_ALL_RULE,
} from './rules/capabilities';
import { HOST_IPC_RULE, HOST_NETWORK_RULE, HOST_PID_RULE } from './rules/host-namespaces';
import { HOST_PORTS_RULE } from './rules/host-ports';
import { HOST_PROBES_RULE } from './rules/host-probes';
import { PRIVILEGED_RULE } from './rules/privileged';
import { PROC_MOUNT_BASELINE_RULE, PROC_MOUNT_RESTRICTED_RULE } from './rules/proc-mount';
import { RUN_AS_NON_ROOT_RULE, RUN_AS_USER_RULE } from './rules/run-as-user';
import { SECCOMP_BASELINE_RULE, SECCOMP_RESTRICTED_RULE } from './rules/seccomp';
import { SELINUX_TYPE_RULE, SELINUX_USER_ROLE_RULE } from './rules/se-linux';
import { SYSCTLS_RULE } from './rules/sysctls';
import { HOST_PATH_VOLUMES_RULE, RESTRICTED_VOLUMES_RULE } from './rules/volumes';
import { WINDOWS_HOST_PROCESS_RULE } from './rules/windows-host-process';
import type { MigrationRule } from './types';

/** PSP fields that live in annotations, as Kubernetes field paths. */
export const SECCOMP_ALLOWED_FIELD = `metadata.annotations[${ANNOTATION.seccompAllowed}]`;
export const APPARMOR_ALLOWED_FIELD = `metadata.annotations[${ANNOTATION.appArmorAllowed}]`;
/** The field of gaps no PSP field can close. */
export const NO_PSP_FIELD = '(no PSP field)';

export const MIGRATION_RULES: readonly MigrationRule[] = Object.freeze([
  // baseline
  { id: 'appArmor', field: APPARMOR_ALLOWED_FIELD, check: 'appArmorProfile', level: 'baseline', since: 'v1.0', ...APPARMOR_RULE },
  { id: 'allowedCapabilities.baseline', field: 'allowedCapabilities', check: 'capabilities_baseline', level: 'baseline', since: 'v1.0', ...ALLOWED_CAPABILITIES_BASELINE_RULE },
  { id: 'defaultAddCapabilities.baseline', field: 'defaultAddCapabilities', check: 'capabilities_baseline', level: 'baseline', since: 'v1.0', ...DEFAULT_ADD_CAPABILITIES_BASELINE_RULE },
  { id: 'hostNetwork', field: 'hostNetwork', check: 'hostNamespaces', level: 'baseline', since: 'v1.0', ...HOST_NETWORK_RULE },
  { id: 'hostPID', field: 'hostPID', check: 'hostNamespaces', level: 'baseline', since: 'v1.0', ...HOST_PID_RULE },
  { id: 'hostIPC', field: 'hostIPC', check: 'hostNamespaces', level: 'baseline', since: 'v1.0', ...HOST_IPC_RULE },
  { id: 'volumes.hostPath', field: 'volumes', check: 'hostPathVolumes', level: 'baseline', since: 'v1.0', ...HOST_PATH_VOLUMES_RULE },
  { id: 'hostPorts', field: 'hostPorts', check: 'hostPorts', level: 'baseline', since: 'v1.0', ...HOST_PORTS_RULE },
  { id: 'hostProbes', field: NO_PSP_FIELD, check: 'hostProbesAndHostLifecycle', level: 'baseline', since: 'v1.34', ...HOST_PROBES_RULE },
  { id: 'privileged', field: 'privileged', check: 'privileged', level: 'baseline', since: 'v1.0', ...PRIVILEGED_RULE },
  { id: 'allowedProcMountTypes.baseline', field: 'allowedProcMountTypes', check: 'procMount', level: 'baseline', since: 'v1.0', ...PROC_MOUNT_BASELINE_RULE },
  { id: 'seLinux.type', field: 'seLinux', check: 'seLinuxOptions', level: 'baseline', since: 'v1.0', ...SELINUX_TYPE_RULE },
  { id: 'seLinux.userRole', field: 'seLinux', check: 'seLinuxOptions', level: 'baseline', since: 'v1.0', ...SELINUX_USER_ROLE_RULE },
  { id: 'seccomp.baseline', field: SECCOMP_ALLOWED_FIELD, check: 'seccompProfile_baseline', level: 'baseline', since: 'v1.0', ...SECCOMP_BASELINE_RULE },
  { id: 'allowedUnsafeSysctls', field: 'allowedUnsafeSysctls', check: 'sysctls', level: 'baseline', since: 'v1.0', ...SYSCTLS_RULE },
  { id: 'windowsHostProcess', field: 'hostNetwork', check: 'windowsHostProcess', level: 'baseline', since: 'v1.0', ...WINDOWS_HOST_PROCESS_RULE },
  // restricted
  { id: 'allowPrivilegeEscalation', field: 'allowPrivilegeEscalation', check: 'allowPrivilegeEscalation', level: 'restricted', since: 'v1.8', ...ALLOW_PRIVILEGE_ESCALATION_RULE },
  { id: 'requiredDropCapabilities', field: 'requiredDropCapabilities', check: 'capabilities_restricted', level: 'restricted', since: 'v1.22', ...REQUIRED_DROP_ALL_RULE },
  { id: 'allowedCapabilities.restricted', field: 'allowedCapabilities', check: 'capabilities_restricted', level: 'restricted', since: 'v1.22', ...ALLOWED_CAPABILITIES_RESTRICTED_RULE },
  { id: 'defaultAddCapabilities.restricted', field: 'defaultAddCapabilities', check: 'capabilities_restricted', level: 'restricted', since: 'v1.22', ...DEFAULT_ADD_CAPABILITIES_RESTRICTED_RULE },
  { id: 'allowedProcMountTypes.restricted', field: 'allowedProcMountTypes', check: 'procMount_restricted', level: 'restricted', since: 'v1.35', ...PROC_MOUNT_RESTRICTED_RULE },
  { id: 'volumes.restricted', field: 'volumes', check: 'restrictedVolumes', level: 'restricted', since: 'v1.0', ...RESTRICTED_VOLUMES_RULE },
  { id: 'runAsUser.runAsNonRoot', field: 'runAsUser', check: 'runAsNonRoot', level: 'restricted', since: 'v1.0', ...RUN_AS_NON_ROOT_RULE },
  { id: 'runAsUser.root', field: 'runAsUser', check: 'runAsUser', level: 'restricted', since: 'v1.23', ...RUN_AS_USER_RULE },
  { id: 'seccomp.restricted', field: SECCOMP_ALLOWED_FIELD, check: 'seccompProfile_restricted', level: 'restricted', since: 'v1.19', ...SECCOMP_RESTRICTED_RULE },
] satisfies MigrationRule[]);
