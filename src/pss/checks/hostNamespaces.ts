import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, forbidden } from '../helpers';
import type { CheckResult } from '../types';

/**
 * Baseline: sharing the host namespaces must be disallowed.
 * Restricted fields: spec.hostNetwork, spec.hostPID, spec.hostIPC; allowed: false, unset.
 * The detail lists the true ones in this fixed order.
 */
export function hostNamespacesV1Dot0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  if (spec.hostNetwork === true) bad.push('hostNetwork=true');
  if (spec.hostPID === true) bad.push('hostPID=true');
  if (spec.hostIPC === true) bad.push('hostIPC=true');
  if (bad.length === 0) return ALLOWED;
  return forbidden('host namespaces', bad.join(', '));
}
