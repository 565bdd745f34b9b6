import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, isWindowsPod, joinQuote, sortedSet, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

/** Exact, case-sensitive capability names the restricted level requires / permits. */
const CAPABILITY_ALL = 'ALL';
const CAPABILITY_NET_BIND_SERVICE = 'NET_BIND_SERVICE';

/**
 * Restricted: containers must drop ALL and may only add back NET_BIND_SERVICE.
 * Restricted fields: securityContext.capabilities.drop / .add of every container.
 * Overrides capabilities_baseline.
 */
export function capabilitiesRestrictedV1Dot22(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const caps: string[] = [];
  visitContainers(spec, (c) => {
    const capabilities = c.securityContext?.capabilities;
    if (capabilities === undefined) {
      missingDropAll.push(c.name);
      return;
    }
    if (capabilities.drop === undefined || !capabilities.drop.includes(CAPABILITY_ALL)) {
      missingDropAll.push(c.name);
    }
    const add = capabilities.add;
    if (add === undefined) return;
    let addedForbidden = false;
    for (const cap of add) {
      if (cap !== CAPABILITY_NET_BIND_SERVICE) {
        addedForbidden = true;
        caps.push(cap);
      }
    }
    if (addedForbidden) addingForbidden.push(c.name);
  });
  if (missingDropAll.length === 0 && addingForbidden.length === 0) return ALLOWED;
  const parts: string[] = [];
  if (missingDropAll.length > 0) {
    parts.push(`${containersPhrase(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  }
  if (addingForbidden.length > 0) {
    parts.push(
      `${containersPhrase(addingForbidden)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`,
    );
  }
  return forbidden('unrestricted capabilities', parts.join('; '));
}

/** v1.25+: Windows pods are exempt (capabilities are Linux-only). */
export function capabilitiesRestrictedV1Dot25(meta: ObjectMeta, spec: PodSpec): CheckResult {
  return isWindowsPod(spec) ? ALLOWED : capabilitiesRestrictedV1Dot22(meta, spec);
}
