/**
 * The v1 defaults the apiserver applies before any admission plugin that change PSP outcomes
 * (§2.1). They never count as mutations. Copy-on-write: the input is never modified.
 */
import type { Container, PodTemplate } from '../k8s/types';
import { CONTAINER_KINDS } from './pod-draft';

const DEFAULT_PROC_MOUNT = 'Default';

/** hostNetwork: a port without hostPort gets hostPort = containerPort (containers and init containers). */
function defaultHostNetworkPorts(list: Container[] | undefined): Container[] | undefined {
  if (list === undefined) return list;
  let out: Container[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const ports = c.ports;
    if (ports === undefined || !ports.some((p) => (p.hostPort ?? 0) === 0)) continue;
    out ??= list.slice();
    out[i] = { ...c, ports: ports.map((p) => ((p.hostPort ?? 0) === 0 ? { ...p, hostPort: p.containerPort ?? 0 } : p)) };
  }
  return out ?? list;
}

/** SetDefaults_SecurityContext: a container security context without procMount gets `Default`. */
function defaultProcMount(list: Container[] | undefined): Container[] | undefined {
  if (list === undefined) return list;
  let out: Container[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (c.securityContext === undefined || c.securityContext.procMount !== undefined) continue;
    out ??= list.slice();
    out[i] = { ...c, securityContext: { ...c.securityContext, procMount: DEFAULT_PROC_MOUNT } };
  }
  return out ?? list;
}

export function applyPodDefaults(pod: PodTemplate): PodTemplate {
  const spec = { ...pod.spec };
  if (spec.securityContext === undefined) spec.securityContext = {};
  if (spec.hostNetwork === true) {
    spec.containers = defaultHostNetworkPorts(spec.containers)!;
    spec.initContainers = defaultHostNetworkPorts(spec.initContainers);
  }
  for (const kind of CONTAINER_KINDS) {
    const list = defaultProcMount(spec[kind]);
    if (list !== spec[kind]) spec[kind] = list!;
  }
  // Keep absent lists absent (no `initContainers: undefined` keys in the copy).
  for (const kind of CONTAINER_KINDS) if (spec[kind] === undefined) delete spec[kind];
  return { ...pod, spec };
}
