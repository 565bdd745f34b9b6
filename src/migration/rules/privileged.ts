import { forbids } from '../text';
import type { RuleLogic } from './rule-logic';

/** PSP `privileged: true` lets containers run privileged (PSP §5.2; PSS `privileged`). */
export const PRIVILEGED_RULE: RuleLogic = {
  closedWhen: '`privileged` is not true',
  closes: (p) => p.spec.privileged !== true,
  gap: () => `privileged: true lets containers set securityContext.privileged=true, ${forbids('baseline')}`,
};
