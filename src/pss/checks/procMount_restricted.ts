import type { ObjectMeta, PodSpec } from '../../k8s/types';
import type { CheckResult } from '../types';
import { checkProcMount } from './procMount';

/**
 * Restricted v1.35+: the unconditional procMount rule (no user-namespace relaxation); overrides
 * baseline `procMount` so restricted still refuses Unmasked in `hostUsers: false` pods.
 */
export function procMountRestrictedV1Dot35(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  return checkProcMount(spec);
}
