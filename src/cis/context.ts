/**
 * Builds the per-request pod view every control shares (spec §4.2), once per evaluation.
 */

import type { Container, PodTemplate } from '../k8s/types';
import { CONTAINER_KIND, quote } from './reasons';
import type { CisOptions, ContainerList, ContainerRef, Outcome, PodContext, ResolvedOptions } from './types';

/** Evaluation order of the container lists (§4.2). */
const ALL_LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];
const REGULAR_ONLY: readonly ContainerList[] = ['containers'];

export function resolveOptions(opts: CisOptions): ResolvedOptions {
  return {
    containerScope: opts.containerScope ?? 'all',
    rootRule: opts.rootRule ?? 'strict',
    privilegeEscalation: opts.privilegeEscalation ?? 'audit',
    isPod: opts.isPod ?? false,
  };
}

function collectContainers(pod: PodTemplate, lists: readonly ContainerList[]): ContainerRef[] {
  const refs: ContainerRef[] = [];
  for (const list of lists) {
    const containers: Container[] | undefined = pod.spec[list];
    if (containers === undefined) continue;
    containers.forEach((container, index) => {
      refs.push({
        container,
        list,
        index,
        path: `spec.${list}[${index}]`,
        label: `${CONTAINER_KIND[list]} ${quote(container.name)}`,
      });
    });
  }
  return refs;
}

export function buildPodContext(pod: PodTemplate, opts: ResolvedOptions): PodContext {
  const lists = opts.containerScope === 'containers' ? REGULAR_ONLY : ALL_LISTS;
  return { pod, spec: pod.spec, containers: collectContainers(pod, lists), opts };
}

/** Every container regardless of scope (e.g. to say who mounts a volume). */
export function allContainers(pod: PodTemplate): ContainerRef[] {
  return collectContainers(pod, ALL_LISTS);
}

/** Status follows from the findings: any finding fails the control. */
export function decide(findings: Outcome['findings'], notes: Outcome['notes'] = []): Outcome {
  return { status: findings.length > 0 ? 'fail' : 'pass', findings, notes };
}

/** A fixed status without findings (manual / notApplicable). */
export function fixed(status: Outcome['status'], notes: Outcome['notes']): Outcome {
  return { status, findings: [], notes };
}
