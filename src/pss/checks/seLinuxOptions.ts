import type { ObjectMeta, PodSpec, SELinuxOptions } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, joinQuote, pluralize, sortedSet, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

/** Allowed seLinuxOptions.type values; "" is unset. */
const ALLOWED_TYPES_V1_0: ReadonlySet<string> = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
/** v1.31 added container_engine_t. */
const ALLOWED_TYPES_V1_31: ReadonlySet<string> = new Set([...ALLOWED_TYPES_V1_0, 'container_engine_t']);

/**
 * Baseline: setting a custom SELinux user or role, or a type outside the allowed set, is forbidden.
 * Restricted fields: seLinuxOptions.type/.user/.role of the pod and of every container; `level`
 * is not checked.
 */
function checkSELinuxOptions(spec: PodSpec, allowedTypes: ReadonlySet<string>): CheckResult {
  const badSetters: string[] = [];
  const badTypes: string[] = [];
  let setUser = false;
  let setRole = false;
  const isValid = (opts: SELinuxOptions): boolean => {
    let valid = true;
    const type = opts.type ?? '';
    if (!allowedTypes.has(type)) {
      valid = false;
      badTypes.push(type);
    }
    if (opts.user !== undefined && opts.user.length > 0) {
      valid = false;
      setUser = true;
    }
    if (opts.role !== undefined && opts.role.length > 0) {
      valid = false;
      setRole = true;
    }
    return valid;
  };
  const podOpts = spec.securityContext?.seLinuxOptions;
  if (podOpts !== undefined && !isValid(podOpts)) badSetters.push('pod');
  const bad: string[] = [];
  visitContainers(spec, (c) => {
    const opts = c.securityContext?.seLinuxOptions;
    if (opts !== undefined && !isValid(opts)) bad.push(c.name);
  });
  if (bad.length > 0) badSetters.push(containersPhrase(bad));
  if (badSetters.length === 0) return ALLOWED;
  const parts: string[] = [];
  if (badTypes.length > 0) {
    const types = sortedSet(badTypes);
    parts.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
  }
  if (setUser) parts.push('user may not be set');
  if (setRole) parts.push('role may not be set');
  return forbidden(
    'seLinuxOptions',
    `${badSetters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${parts.join('; ')}`,
  );
}

export function seLinuxOptionsV1Dot0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  return checkSELinuxOptions(spec, ALLOWED_TYPES_V1_0);
}

export function seLinuxOptionsV1Dot31(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  return checkSELinuxOptions(spec, ALLOWED_TYPES_V1_31);
}
