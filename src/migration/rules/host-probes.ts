import type { RuleLogic } from './rule-logic';

/**
 * PSP never looked at probe or lifecycle handlers, so no PSP closes PSS
 * `hostProbesAndHostLifecycle`: from v1.34 no PSP guarantees baseline.
 */
export const HOST_PROBES_RULE: RuleLogic = {
  closedWhen: 'never (PSP has no say over probe and lifecycle handlers)',
  closes: () => false,
  gap: () => '(no PSP field) probe and lifecycle handlers may set host, which baseline forbids from v1.34',
};
