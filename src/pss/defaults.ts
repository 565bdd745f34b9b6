/**
 * Emulation of the API-server defaulting that the PodSecurity admission plugin sees and a
 * stateless evaluator does not get for free.
 */
import type { Container, PodSpec } from '../k8s/types';

/**
 * For Pods (not templates) with hostNetwork, the API server (1.28+, SetDefaults_Pod →
 * defaultHostNetworkPorts) copies each containerPort into an unset hostPort, in containers and
 * initContainers (ephemeral containers cannot declare ports). Returns the spec unchanged when
 * nothing would change; otherwise a shallow copy with copied containers (input never mutated).
 */
export function applyHostNetworkPortDefaults(spec: PodSpec): PodSpec {
  if (spec.hostNetwork !== true) return spec;
  const containers = defaultContainers(spec.containers);
  const init = spec.initContainers === undefined ? undefined : defaultContainers(spec.initContainers);
  if (containers === spec.containers && init === spec.initContainers) return spec;
  const out: PodSpec = { ...spec, containers };
  if (init !== undefined) out.initContainers = init;
  return out;
}

function needsDefault(c: Container): boolean {
  const ports = c.ports;
  if (ports === undefined) return false;
  for (const p of ports) {
    if ((p.hostPort === undefined || p.hostPort === 0) && p.containerPort !== undefined && p.containerPort !== 0) {
      return true;
    }
  }
  return false;
}

function defaultContainers(list: Container[]): Container[] {
  if (!list.some(needsDefault)) return list;
  return list.map((c) => {
    if (!needsDefault(c)) return c;
    return {
      ...c,
      ports: c.ports!.map((p) =>
        p.hostPort === undefined || p.hostPort === 0 ? { ...p, hostPort: p.containerPort ?? 0 } : p,
      ),
    };
  });
}
