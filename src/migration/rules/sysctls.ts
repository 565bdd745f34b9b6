import { compileSysctlsStrategy, type SysctlPatterns } from '../../psp/strategies/sysctls';
import { baselineAllowsSysctl } from '../pss-probe';
import { andList, forbids, listSubject } from '../text';
import type { PolicyView } from '../types';
import type { RuleLogic } from './rule-logic';

const ANY_SYSCTL = '*';

function forbiddenCovers(f: SysctlPatterns, name: string): boolean {
  if (f.all || f.exact.has(name)) return true;
  return f.prefixes.some((prefix) => name.startsWith(prefix));
}

/**
 * allowedUnsafeSysctls entries that let an admitted pod set a sysctl PSS forbids at the version.
 * PSP's own safe set equals PSS's v1.0 list (a test checks it), so only the unsafe allowances
 * matter. An exact name is a gap unless PSS allows it at the version or forbiddenSysctls covers
 * it; a prefix `p*` (or `*`) matches endlessly many unsafe names, so it is a gap unless
 * forbiddenSysctls covers the whole prefix.
 */
function offending(p: PolicyView, minor: number): string[] {
  const forbidden = compileSysctlsStrategy({ apiVersion: '', kind: 'PodSecurityPolicy', metadata: {}, spec: p.spec }).forbidden;
  return (p.spec.allowedUnsafeSysctls ?? []).filter((entry) => {
    if (entry === ANY_SYSCTL) return !forbidden.all;
    if (entry.endsWith('*')) {
      const prefix = entry.slice(0, -1);
      return !(forbidden.all || forbidden.prefixes.some((q) => prefix.startsWith(q)));
    }
    return !baselineAllowsSysctl(entry, minor) && !forbiddenCovers(forbidden, entry);
  });
}

function describe(entry: string): string {
  if (entry === ANY_SYSCTL) return 'any unsafe sysctl';
  return entry.endsWith('*') ? `${entry} sysctls` : entry;
}

/** PSP allowedUnsafeSysctls vs PSS `sysctls` (allow-list grows at v1.27, v1.29, v1.32, v1.37). */
export const SYSCTLS_RULE: RuleLogic = {
  closedWhen:
    '`allowedUnsafeSysctls` lists only sysctls baseline allows at the version (or ones `forbiddenSysctls` forbids); prefixes and `*` never qualify',
  closes: (p, minor) => offending(p, minor).length === 0,
  gap: (p, minor) => {
    const bad = offending(p, minor);
    return `${listSubject('allowedUnsafeSysctls', p.spec.allowedUnsafeSysctls, bad)} pods set ${andList(bad.map(describe))}, ${forbids('baseline')}`;
  },
};
