import { forbids } from '../text';
import type { RuleLogic } from './rule-logic';

/**
 * allowPrivilegeEscalation: false makes the PSP write false into every container that leaves it
 * unset and reject true (PSP §4.2 step 8, §5.9), exactly what PSS requires. The policy default is
 * true (§1.3).
 */
export const ALLOW_PRIVILEGE_ESCALATION_RULE: RuleLogic = {
  closedWhen: '`allowPrivilegeEscalation` is false',
  closes: (p) => p.spec.allowPrivilegeEscalation === false,
  gap: (p) => {
    const value = p.allowPrivilegeEscalationSet ? String(p.spec.allowPrivilegeEscalation) : 'unset (defaults to true)';
    const unset = p.spec.defaultAllowPrivilegeEscalation === false ? '' : ' or leave it unset';
    return `allowPrivilegeEscalation: ${value} lets containers set allowPrivilegeEscalation=true${unset}, ${forbids('restricted')}`;
  },
};
