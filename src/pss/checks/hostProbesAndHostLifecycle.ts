import type { Handler, ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, forbidden, joinQuote, pluralize, sortedSet, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

/** Adds the non-empty httpGet.host / tcpSocket.host of a probe or lifecycle handler. */
function collectHosts(h: Handler | undefined, hosts: string[]): boolean {
  if (h === undefined) return false;
  let found = false;
  const httpHost = h.httpGet?.host;
  if (httpHost !== undefined && httpHost !== '') {
    hosts.push(httpHost);
    found = true;
  }
  const tcpHost = h.tcpSocket?.host;
  if (tcpHost !== undefined && tcpHost !== '') {
    hosts.push(tcpHost);
    found = true;
  }
  return found;
}

/**
 * Baseline v1.34+: probes and lifecycle handlers must not target another host.
 * Restricted fields: {liveness,readiness,startup}Probe and lifecycle.{postStart,preStop}
 * `.httpGet.host` / `.tcpSocket.host` of every container (grpc and exec are not inspected).
 * Unlike other checks, the library collects container names in a set, so they are sorted and
 * de-duplicated rather than in visit order.
 */
export function hostProbesAndHostLifecycleV1Dot34(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const hosts: string[] = [];
  visitContainers(spec, (c) => {
    // Evaluate every handler (no short-circuit) so all hosts are collected.
    let found = collectHosts(c.livenessProbe, hosts);
    found = collectHosts(c.readinessProbe, hosts) || found;
    found = collectHosts(c.startupProbe, hosts) || found;
    const lc = c.lifecycle;
    if (lc !== undefined) {
      found = collectHosts(lc.postStart, hosts) || found;
      found = collectHosts(lc.preStop, hosts) || found;
    }
    if (found) bad.push(c.name);
  });
  if (bad.length === 0) return ALLOWED;
  const containers = sortedSet(bad);
  const list = sortedSet(hosts);
  return forbidden(
    'probe or lifecycle host',
    `${pluralize('container', 'containers', containers.length)} ${joinQuote(containers)} ${pluralize('uses', 'use', containers.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', list.length)} ${joinQuote(list)}`,
  );
}
