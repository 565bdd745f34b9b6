/**
 * Sysctl strategy (§5.15; sysctl/mustmatchpatterns.go). First matching rule wins: forbidden, safe,
 * allowed-unsafe, else rejected. Paths start with `pod.` (§10.8).
 */
import { goQuote } from '../../k8s/field-error';
import type { PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError, PATH } from '../fields';
import type { PspStrategy, PspViolation } from '../types';

/**
 * Safe sysctls as of 1.22–1.24 (net.ipv4.ping_group_range since 1.18,
 * net.ipv4.ip_unprivileged_port_start since 1.22; spec §5.15 [M]).
 */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
]);

export interface SysctlPatterns {
  all: boolean;
  exact: ReadonlySet<string>;
  /** Entries ending in `*`, without the `*`. */
  prefixes: readonly string[];
}

export interface SysctlPolicy {
  forbidden: SysctlPatterns;
  allowedUnsafe: SysctlPatterns;
}

function compilePatterns(list: readonly string[] | undefined): SysctlPatterns {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  let all = false;
  for (const p of list ?? []) {
    if (p === '*') all = true;
    else if (p.endsWith('*')) prefixes.push(p.slice(0, -1));
    else exact.add(p);
  }
  return { all, exact, prefixes };
}

function matches(p: SysctlPatterns, name: string): boolean {
  if (p.all || p.exact.has(name)) return true;
  for (const prefix of p.prefixes) if (name.startsWith(prefix)) return true;
  return false;
}

export function compileSysctlsStrategy(psp: PodSecurityPolicy): SysctlPolicy {
  return { forbidden: compilePatterns(psp.spec.forbiddenSysctls), allowedUnsafe: compilePatterns(psp.spec.allowedUnsafeSysctls) };
}

export function validateSysctls(s: SysctlPolicy, pod: PodTemplate, errs: PspViolation[]): void {
  const sysctls = pod.spec.securityContext?.sysctls;
  if (sysctls === undefined) return;
  for (let i = 0; i < sysctls.length; i++) {
    const name = sysctls[i]!.name;
    if (matches(s.forbidden, name)) {
      errs.push(fieldError.forbidden(`${PATH.sysctls}[${i}]`, `sysctl ${goQuote(name)} is not allowed`));
    } else if (!SAFE_SYSCTLS.has(name) && !matches(s.allowedUnsafe, name)) {
      errs.push(fieldError.forbidden(`${PATH.sysctls}[${i}]`, `unsafe sysctl ${goQuote(name)} is not allowed`));
    }
  }
}

export const SYSCTLS: PspStrategy<SysctlPolicy> = {
  id: 'sysctls',
  compile: compileSysctlsStrategy,
  validatePod: validateSysctls,
};
