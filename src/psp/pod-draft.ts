/**
 * Copy-on-write view of a pod that a policy mutates (§3.3 step 1 "deep-copy the pod", without the
 * deep copy): reads go to the current pod; the first write under an object shallow-copies it and
 * every parent on the way, so untouched subtrees stay shared with the input and an unchanged draft
 * is the input object itself (`draft.pod === draft.base`).
 */
import type { Container, PodSecurityContext, PodTemplate, SecurityContext } from '../k8s/types';
import type { ContainerKind } from './types';

export class PodDraft {
  readonly base: PodTemplate;
  pod: PodTemplate;
  // Which objects this draft already copied (and may therefore write in place). Plain flags rather
  // than a Set of objects: this runs for every policy × container of a request.
  private podOwned = false;
  private metaOwned = false;
  private annotationsOwned = false;
  private specOwned = false;
  private podScOwned = false;
  /**
   * Per kind (KIND_SLOT), the copied container list, and per index whether the container and its
   * securityContext were copied. Made on the first container write: most policies write none.
   */
  private containerOwned: Array<boolean[] | undefined> | undefined;

  constructor(base: PodTemplate) {
    this.base = base;
    this.pod = base;
  }

  get changed(): boolean {
    return this.pod !== this.base;
  }

  /** Reads one pod annotation. */
  annotation(key: string): string | undefined {
    return this.pod.metadata.annotations?.[key];
  }

  setAnnotation(key: string, value: string): void {
    const meta = this.ownMeta();
    if (!this.annotationsOwned) {
      meta.annotations = { ...meta.annotations };
      this.annotationsOwned = true;
    }
    meta.annotations![key] = value;
  }

  podSecurityContext(): PodSecurityContext | undefined {
    return this.pod.spec.securityContext;
  }

  writablePodSecurityContext(): PodSecurityContext {
    const spec = this.ownSpec();
    if (!this.podScOwned) {
      spec.securityContext = { ...spec.securityContext };
      this.podScOwned = true;
    }
    return spec.securityContext!;
  }

  setRuntimeClassName(name: string): void {
    this.ownSpec().runtimeClassName = name;
  }

  container(kind: ContainerKind, index: number): Container {
    return this.pod.spec[kind]![index]!;
  }

  writableContainerSecurityContext(kind: ContainerKind, index: number): SecurityContext {
    const spec = this.ownSpec();
    const byKind = (this.containerOwned ??= [undefined, undefined, undefined]);
    const slot = KIND_SLOT[kind];
    let owned = byKind[slot];
    // The list is copied once, together with its ownership flags.
    if (owned === undefined) {
      spec[kind] = spec[kind]!.slice();
      byKind[slot] = owned = [];
    }
    const list = spec[kind]!;
    if (owned[index] === true) return list[index]!.securityContext!;
    const container = (list[index] = { ...list[index]! });
    container.securityContext = { ...container.securityContext };
    owned[index] = true;
    return container.securityContext;
  }

  private ownPod(): PodTemplate {
    if (!this.podOwned) {
      this.pod = { ...this.base };
      this.podOwned = true;
    }
    return this.pod;
  }

  private ownMeta(): PodTemplate['metadata'] {
    const pod = this.ownPod();
    if (!this.metaOwned) {
      pod.metadata = { ...pod.metadata };
      this.metaOwned = true;
    }
    return pod.metadata;
  }

  private ownSpec(): PodTemplate['spec'] {
    const pod = this.ownPod();
    if (!this.specOwned) {
      pod.spec = { ...pod.spec };
      this.specOwned = true;
    }
    return pod.spec;
  }
}

/** A container kind's slot in PodDraft's ownership flags. */
const KIND_SLOT: Readonly<Record<ContainerKind, 0 | 1 | 2>> = { initContainers: 0, containers: 1, ephemeralContainers: 2 };

/** Visit order of VisitContainersWithPath: init containers, containers, ephemeral containers (§8). */
export const CONTAINER_KINDS: readonly ContainerKind[] = ['initContainers', 'containers', 'ephemeralContainers'];

/** Effective (container, else pod) values, §7. */
export function effectiveRunAsUser(pod: PodTemplate, c: Container): number | undefined {
  return c.securityContext?.runAsUser ?? pod.spec.securityContext?.runAsUser;
}
export function effectiveRunAsGroup(pod: PodTemplate, c: Container): number | undefined {
  return c.securityContext?.runAsGroup ?? pod.spec.securityContext?.runAsGroup;
}
export function effectiveRunAsNonRoot(pod: PodTemplate, c: Container): boolean | undefined {
  return c.securityContext?.runAsNonRoot ?? pod.spec.securityContext?.runAsNonRoot;
}
export function effectiveSeLinuxOptions(pod: PodTemplate, c: Container) {
  return c.securityContext?.seLinuxOptions ?? pod.spec.securityContext?.seLinuxOptions;
}
