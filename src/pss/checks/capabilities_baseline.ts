import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, joinQuote, sortedSet, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

/**
 * The container runtime's default capability set. Matching is exact and case-sensitive
 * (`chown` and `CAP_CHOWN` are forbidden; upstream fixtures test both).
 */
const DEFAULT_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/**
 * Baseline: adding capabilities beyond the default set must be disallowed.
 * Restricted field: securityContext.capabilities.add of every container; `drop` is ignored.
 */
export function capabilitiesBaselineV1Dot0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const caps: string[] = [];
  visitContainers(spec, (c) => {
    const add = c.securityContext?.capabilities?.add;
    if (add === undefined) return;
    let valid = true;
    for (const cap of add) {
      if (!DEFAULT_CAPABILITIES.has(cap)) {
        valid = false;
        caps.push(cap);
      }
    }
    if (!valid) bad.push(c.name);
  });
  if (bad.length === 0) return ALLOWED;
  return forbidden(
    'non-default capabilities',
    `${containersPhrase(bad)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`,
  );
}
