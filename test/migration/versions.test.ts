/** Version dependence of the migration (spec pod-security-standards.md §1.3, §2.1). */
import { describe, expect, it } from 'vitest';
import { MIGRATION_RULES, migratePolicy, migrationRulesMarkdown } from '../../src/migration';
import { PSS_CHECKS } from '../../src/pss';
import { SAFE_SYSCTLS } from '../../src/psp/strategies/sysctls';
import { evaluatePss } from '../../src/pss';
import { bestPsp } from './helpers';

const checks = (v: string, psp = bestPsp()) => migratePolicy(psp, v).gaps.map((g) => g.check);

describe('version dependence', () => {
  it('§2.1 v1.34 adds hostProbesAndHostLifecycle: bestPsp guarantees baseline at v1.33, privileged at v1.34 and latest', () => {
    expect(migratePolicy(bestPsp(), 'v1.33').guaranteedLevel).toBe('baseline');
    expect(migratePolicy(bestPsp(), 'v1.34').guaranteedLevel).toBe('privileged');
    expect(migratePolicy(bestPsp(), 'latest').guaranteedLevel).toBe('privileged');
    expect(migratePolicy(bestPsp(), 'v1.50').guaranteedLevel).toBe('privileged');
    expect(checks('v1.33')).not.toContain('hostProbesAndHostLifecycle');
    expect(checks('v1.34')).toContain('hostProbesAndHostLifecycle');
  });

  it('§4.14 sysctls: net.ipv4.tcp_keepalive_time is a gap at v1.28, not at v1.29', () => {
    const psp = bestPsp({ allowedUnsafeSysctls: ['net.ipv4.tcp_keepalive_time'] });
    expect(migratePolicy(psp, 'v1.28').gaps).toContainEqual({
      field: 'allowedUnsafeSysctls',
      check: 'sysctls',
      level: 'baseline',
      message: 'allowedUnsafeSysctls: ["net.ipv4.tcp_keepalive_time"] lets pods set net.ipv4.tcp_keepalive_time, which baseline forbids',
    });
    expect(migratePolicy(psp, 'v1.28').guaranteedLevel).toBe('privileged');
    expect(migratePolicy(psp, 'v1.29').guaranteedLevel).toBe('baseline');
  });

  it('§4.14 sysctls: net.ipv4.tcp_rmem from v1.32, net.ipv4.tcp_notsent_lowat from v1.37', () => {
    expect(checks('v1.31', bestPsp({ allowedUnsafeSysctls: ['net.ipv4.tcp_rmem'] }))).toContain('sysctls');
    expect(checks('v1.32', bestPsp({ allowedUnsafeSysctls: ['net.ipv4.tcp_rmem'] }))).not.toContain('sysctls');
    expect(checks('v1.36', bestPsp({ allowedUnsafeSysctls: ['net.ipv4.tcp_notsent_lowat'] }))).toContain('sysctls');
    expect(checks('v1.37', bestPsp({ allowedUnsafeSysctls: ['net.ipv4.tcp_notsent_lowat'] }))).not.toContain('sysctls');
  });

  it("PSP §5.15 safe sysctls are exactly PSS v1.0's allow-list, so PSP's safe set never opens a gap", () => {
    for (const name of SAFE_SYSCTLS) {
      expect(evaluatePss({ metadata: {}, spec: { containers: [], securityContext: { sysctls: [{ name }] } } }, 'baseline', 'v1.0').allowed).toBe(true);
    }
  });

  it('§4.12 seLinuxOptions: MustRunAs type container_engine_t is a gap at v1.30, closed from v1.31', () => {
    const psp = bestPsp({ seLinux: { rule: 'MustRunAs', seLinuxOptions: { type: 'container_engine_t' } } });
    expect(migratePolicy(psp, 'v1.30').gaps).toContainEqual({
      field: 'seLinux',
      check: 'seLinuxOptions',
      level: 'baseline',
      message: 'seLinux: MustRunAs with type "container_engine_t" sets seLinuxOptions.type "container_engine_t" on every pod, which baseline forbids',
    });
    expect(migratePolicy(psp, 'v1.31').guaranteedLevel).toBe('baseline');
  });

  it('§4.12 seLinuxOptions: the RunAsAny message lists the types allowed at the version', () => {
    const msg = (v: string) => migratePolicy(bestPsp({ seLinux: { rule: 'RunAsAny' } }), v).gaps[0]!.message;
    expect(msg('v1.30')).toBe('seLinux: RunAsAny lets pods set any seLinuxOptions.type, which baseline forbids except container_t, container_init_t and container_kvm_t');
    expect(msg('v1.31')).toBe(
      'seLinux: RunAsAny lets pods set any seLinuxOptions.type, which baseline forbids except container_t, container_init_t, container_kvm_t and container_engine_t',
    );
  });

  it('§4.13 procMount: restricted gap only from v1.35; baseline message notes the hostUsers relaxation from v1.35', () => {
    const psp = bestPsp({ allowedProcMountTypes: ['Unmasked'] });
    expect(migratePolicy(psp, 'v1.33').gaps.map((g) => `${g.check}: ${g.message}`)).toContain(
      'procMount: allowedProcMountTypes: ["Unmasked"] lets containers set procMount Unmasked, which baseline forbids',
    );
    expect(checks('v1.34', psp)).not.toContain('procMount_restricted');
    expect(migratePolicy(psp, 'v1.35').gaps.filter((g) => g.field === 'allowedProcMountTypes').map((g) => `${g.check}: ${g.message}`)).toEqual([
      'procMount: allowedProcMountTypes: ["Unmasked"] lets containers set procMount Unmasked, which baseline forbids unless the pod sets hostUsers: false',
      'procMount_restricted: allowedProcMountTypes: ["Unmasked"] lets containers set procMount Unmasked, which restricted forbids even with hostUsers: false',
    ]);
  });

  it('§2.1 restricted checks appear at their first versions (v1.8 allowPrivilegeEscalation, v1.19 seccomp, v1.22 capabilities, v1.23 runAsUser)', () => {
    const psp = bestPsp({ allowPrivilegeEscalation: true, requiredDropCapabilities: [] }, { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': undefined });
    expect(checks('v1.7', psp)).toEqual(['runAsNonRoot']);
    expect(checks('v1.8', psp)).toEqual(['allowPrivilegeEscalation', 'runAsNonRoot']);
    expect(checks('v1.19', psp)).toEqual(['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted']);
    expect(checks('v1.22', psp)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
    expect(checks('v1.23', psp)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted']);
  });

  it('§1.2 invalid versions throw RangeError', () => {
    expect(() => migratePolicy(bestPsp(), 'v1.07')).toThrow(RangeError);
  });
});

describe('MIGRATION_RULES table', () => {
  it("every row names a PSS check, with the check's level and first version", () => {
    const byId = new Map(PSS_CHECKS.map((c) => [c.id, c]));
    for (const r of MIGRATION_RULES) {
      const c = byId.get(r.check);
      expect(c, r.id).toBeDefined();
      expect(r.level, r.id).toBe(c!.level);
      expect(r.since, r.id).toBe(c!.versions[0]);
    }
    expect(new Set(MIGRATION_RULES.map((r) => r.id)).size).toBe(MIGRATION_RULES.length);
  });

  it('every PSS check has at least one rule', () => {
    const covered = new Set(MIGRATION_RULES.map((r) => r.check));
    expect(PSS_CHECKS.filter((c) => !covered.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('migrationRulesMarkdown renders one row per rule', () => {
    const md = migrationRulesMarkdown();
    expect(md.split('\n')[0]).toBe('| PSP field | PSS check | level | since | the PSP closes the gap when |');
    expect(md).toContain('| `privileged` | `privileged` | baseline | v1.0 | `privileged` is not true |');
    expect(md.split('\n').filter((l) => l.startsWith('| `')).length).toBe(MIGRATION_RULES.length);
  });
});
