/**
 * Supported strategy rules, in the order the apiserver lists them in "supported values": the
 * sets.String-based checks print sorted lists; runAsGroup prints its literal list.
 */
export const RUN_AS_USER_RULES = ['MustRunAs', 'MustRunAsNonRoot', 'RunAsAny'] as const;
export const SELINUX_RULES = ['MustRunAs', 'RunAsAny'] as const;
export const GROUP_RULES = ['MayRunAs', 'MustRunAs', 'RunAsAny'] as const;
export const RUN_AS_GROUP_RULES = ['MustRunAs', 'RunAsAny', 'MayRunAs'] as const;

export function isOneOf(rules: readonly string[], rule: string): boolean {
  return rules.includes(rule);
}
