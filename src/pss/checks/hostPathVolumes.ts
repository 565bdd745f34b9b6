import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, forbidden, joinQuote, pluralize } from '../helpers';
import type { CheckResult } from '../types';

/**
 * Baseline: HostPath volumes must be forbidden.
 * Restricted field: spec.volumes[*].hostPath; allowed: unset. Volumes in declaration order.
 */
export function hostPathVolumesV1Dot0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const volumes = spec.volumes;
  if (volumes === undefined) return ALLOWED;
  const bad: string[] = [];
  for (const v of volumes) if (v.hostPath !== undefined) bad.push(v.name);
  if (bad.length === 0) return ALLOWED;
  return forbidden('hostPath volumes', `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}`);
}
