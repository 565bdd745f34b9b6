import { baselineAllowsSeLinuxType } from '../pss-probe';
import { andList, forbids } from '../text';
import type { PolicyView } from '../types';
import type { RuleLogic } from './rule-logic';

/**
 * SELinux types worth naming in a RunAsAny gap message; the ones the PSS engine allows at the
 * version are listed (container_engine_t only from v1.31).
 */
const CANDIDATE_CONTAINER_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'] as const;

/**
 * MustRunAs makes the pod and every container's effective seLinuxOptions equal the policy's
 * (PSP §4.1 step 3, §5.12: user, role and type compared exactly), so an admitted pod carries
 * exactly the policy's user, role and type. Any other rule (RunAsAny, or an unusable one) is
 * treated as allowing anything.
 */
function mustRunAs(p: PolicyView): { user: string; role: string; type: string } | undefined {
  const s = p.spec.seLinux;
  if (s?.rule !== 'MustRunAs') return undefined;
  return { user: s.seLinuxOptions?.user ?? '', role: s.seLinuxOptions?.role ?? '', type: s.seLinuxOptions?.type ?? '' };
}

/** seLinuxOptions.type (PSS `seLinuxOptions`). */
export const SELINUX_TYPE_RULE: RuleLogic = {
  closedWhen: '`seLinux.rule` is `MustRunAs` with an empty type or a container type baseline allows (`container_engine_t` from v1.31)',
  closes: (p, minor) => {
    const m = mustRunAs(p);
    return m !== undefined && (m.type === '' || baselineAllowsSeLinuxType(m.type, minor));
  },
  gap: (p, minor) => {
    const m = mustRunAs(p);
    if (m === undefined) {
      const allowed = CANDIDATE_CONTAINER_TYPES.filter((t) => baselineAllowsSeLinuxType(t, minor));
      return `seLinux: ${p.spec.seLinux?.rule ?? 'unset'} lets pods set any seLinuxOptions.type, which baseline forbids except ${andList(allowed)}`;
    }
    return `seLinux: MustRunAs with type ${JSON.stringify(m.type)} sets seLinuxOptions.type ${JSON.stringify(m.type)} on every pod, ${forbids('baseline')}`;
  },
};

/** seLinuxOptions.user and .role (PSS `seLinuxOptions`: both must be empty). */
export const SELINUX_USER_ROLE_RULE: RuleLogic = {
  closedWhen: '`seLinux.rule` is `MustRunAs` with empty user and role',
  closes: (p) => {
    const m = mustRunAs(p);
    return m !== undefined && m.user === '' && m.role === '';
  },
  gap: (p) => {
    const m = mustRunAs(p);
    if (m === undefined) return `seLinux: ${p.spec.seLinux?.rule ?? 'unset'} lets pods set seLinuxOptions.user and role, ${forbids('baseline')}`;
    const set = [m.user !== '' ? 'user' : '', m.role !== '' ? 'role' : ''].filter((x) => x !== '');
    const values = set.map((f) => `${f} ${JSON.stringify(f === 'user' ? m.user : m.role)}`);
    return `seLinux: MustRunAs with ${andList(values)} sets seLinuxOptions.${set.join(' and ')} on every pod, ${forbids('baseline')}`;
  },
};
