import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, pluralize, sortedSet, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

/**
 * Baseline: host ports should be disallowed (the library allows only 0/unset, not "a known list").
 * Restricted field: ports[*].hostPort of every container.
 * Ports are collected as strings and sorted as strings (`10, 20, 9`), as the library's string set does.
 */
export function hostPortsV1Dot0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const ports: string[] = [];
  visitContainers(spec, (c) => {
    const cp = c.ports;
    if (cp === undefined) return;
    let valid = true;
    for (const p of cp) {
      if (p.hostPort !== undefined && p.hostPort !== 0) {
        valid = false;
        ports.push(String(p.hostPort));
      }
    }
    if (!valid) bad.push(c.name);
  });
  if (bad.length === 0) return ALLOWED;
  const list = sortedSet(ports);
  return forbidden(
    'hostPort',
    `${containersPhrase(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
  );
}
