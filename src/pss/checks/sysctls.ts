import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, forbidden } from '../helpers';
import type { CheckResult } from '../types';

/** The "safe" sysctl allow-list, cumulative per policy version. Exact names only. */
const SAFE_SYSCTLS_V1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
const SAFE_SYSCTLS_V1_27 = [...SAFE_SYSCTLS_V1_0, 'net.ipv4.ip_local_reserved_ports'];
const SAFE_SYSCTLS_V1_29 = [
  ...SAFE_SYSCTLS_V1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const SAFE_SYSCTLS_V1_32 = [...SAFE_SYSCTLS_V1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
/** v1.37: library master at the fixtures' commit, not yet in a released Kubernetes. */
const SAFE_SYSCTLS_V1_37 = [...SAFE_SYSCTLS_V1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

/**
 * Baseline: sysctls outside the safe subset must be disallowed.
 * Restricted field: spec.securityContext.sysctls[*].name. The detail lists the forbidden names in
 * declaration order, unquoted, duplicates kept; the reason is always plural.
 */
function makeSysctlsCheck(names: readonly string[]): (meta: ObjectMeta, spec: PodSpec) => CheckResult {
  const safe: ReadonlySet<string> = new Set(names);
  return (_meta, spec) => {
    const sysctls = spec.securityContext?.sysctls;
    if (sysctls === undefined) return ALLOWED;
    const bad: string[] = [];
    for (const s of sysctls) if (!safe.has(s.name)) bad.push(s.name);
    if (bad.length === 0) return ALLOWED;
    return forbidden('forbidden sysctls', bad.join(', '));
  };
}

export const sysctlsV1Dot0 = makeSysctlsCheck(SAFE_SYSCTLS_V1_0);
export const sysctlsV1Dot27 = makeSysctlsCheck(SAFE_SYSCTLS_V1_27);
export const sysctlsV1Dot29 = makeSysctlsCheck(SAFE_SYSCTLS_V1_29);
export const sysctlsV1Dot32 = makeSysctlsCheck(SAFE_SYSCTLS_V1_32);
export const sysctlsV1Dot37 = makeSysctlsCheck(SAFE_SYSCTLS_V1_37);
