/**
 * A policy compiled ONCE into closures (the Go "provider"): which strategies run, in which order.
 * The order of mutation (§4) and validation (§5.1) comes from the four tables below; adding a
 * strategy = one file under strategies/ and one row per phase it takes part in.
 */
import type { FieldError } from '../k8s/field-error';
import type { Container, PodSecurityPolicy, PodTemplate } from '../k8s/types';
import { CONTAINER_KINDS, PodDraft } from './pod-draft';
import { ALLOW_PRIVILEGE_ESCALATION } from './strategies/allow-privilege-escalation';
import { APP_ARMOR } from './strategies/app-armor';
import { CAPABILITIES } from './strategies/capabilities';
import { FS_GROUP } from './strategies/fs-group';
import { HOST_IPC, HOST_NETWORK, HOST_PID } from './strategies/host-namespaces';
import { HOST_PORTS } from './strategies/host-ports';
import { PRIVILEGED } from './strategies/privileged';
import { PROC_MOUNT } from './strategies/proc-mount';
import { READ_ONLY_ROOT_FILESYSTEM } from './strategies/read-only-root-filesystem';
import { RUN_AS_GROUP } from './strategies/run-as-group';
import { RUN_AS_NON_ROOT_MARKER, RUN_AS_USER } from './strategies/run-as-user';
import { RUNTIME_CLASS } from './strategies/runtime-class';
import { SE_LINUX } from './strategies/se-linux';
import { SECCOMP } from './strategies/seccomp';
import { SUPPLEMENTAL_GROUPS } from './strategies/supplemental-groups';
import { SYSCTLS } from './strategies/sysctls';
import { VOLUMES } from './strategies/volumes';
import type { ContainerKind, PspStrategy } from './types';
import { ProviderError } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStrategy = PspStrategy<any>;

/** §4.1: pod-level defaulting, in this order. */
export const POD_MUTATION_ORDER: readonly AnyStrategy[] = [SUPPLEMENTAL_GROUPS, FS_GROUP, SE_LINUX, SECCOMP, RUNTIME_CLASS];

/** §4.2: per container (init, regular, ephemeral), in this order. */
export const CONTAINER_MUTATION_ORDER: readonly AnyStrategy[] = [
  RUN_AS_USER,
  RUN_AS_GROUP,
  SE_LINUX,
  APP_ARMOR,
  RUN_AS_NON_ROOT_MARKER,
  CAPABILITIES,
  READ_ONLY_ROOT_FILESYSTEM,
  ALLOW_PRIVILEGE_ESCALATION,
];

/** §5.1 pod level (ValidatePod), in this order. */
export const POD_VALIDATION_ORDER: readonly AnyStrategy[] = [
  FS_GROUP,
  SUPPLEMENTAL_GROUPS,
  SECCOMP,
  SE_LINUX,
  HOST_NETWORK,
  HOST_PID,
  HOST_IPC,
  SYSCTLS,
  VOLUMES,
  RUNTIME_CLASS,
];

/** §5.1 per container (validateContainer), in this order. */
export const CONTAINER_VALIDATION_ORDER: readonly AnyStrategy[] = [
  RUN_AS_USER,
  RUN_AS_GROUP,
  SE_LINUX,
  APP_ARMOR,
  SECCOMP,
  PRIVILEGED,
  PROC_MOUNT,
  CAPABILITIES,
  HOST_PORTS,
  READ_ONLY_ROOT_FILESYSTEM,
  ALLOW_PRIVILEGE_ESCALATION,
];

/**
 * Strategies whose construction can fail (§3.2), in the Go factory's order; all failures are
 * collected like errors.NewAggregate.
 */
const BUILD_ORDER: readonly AnyStrategy[] = [RUN_AS_USER, RUN_AS_GROUP, SE_LINUX, FS_GROUP, SUPPLEMENTAL_GROUPS];

export interface Provider {
  /** The policy's metadata.name. */
  name: string;
  /** Set when the provider could not be built (§3.2); such a policy is ignored by admission. */
  error?: string;
  /** Applies the policy's defaults; returns `pod` itself when nothing was written. */
  mutate(pod: PodTemplate): PodTemplate;
  /** Validates a (mutated) pod; errors in §5.1 order. */
  validate(pod: PodTemplate): FieldError[];
}

type PodMutator = (draft: PodDraft) => void;
type ContainerMutator = (draft: PodDraft, kind: ContainerKind, index: number) => void;
type PodValidator = (pod: PodTemplate, errs: FieldError[]) => void;
type ContainerValidator = (pod: PodTemplate, c: Container, path: string, errs: FieldError[]) => void;

const FAILED_PROVIDER = {
  mutate: (pod: PodTemplate) => pod,
  validate: () => [],
};

/** Builds the provider for an already defaulted (§1.3) policy. */
export function compileProvider(psp: PodSecurityPolicy): Provider {
  const name = psp.metadata.name ?? '';
  const compiled = new Map<AnyStrategy, unknown>();
  const buildErrors: string[] = [];
  const compileOnce = (s: AnyStrategy): unknown => {
    if (compiled.has(s)) return compiled.get(s);
    let c: unknown;
    try {
      c = s.compile(psp);
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      buildErrors.push(e.message);
      c = undefined;
    }
    compiled.set(s, c);
    return c;
  };
  for (const s of BUILD_ORDER) compileOnce(s);
  if (buildErrors.length > 0) {
    const error = buildErrors.length === 1 ? buildErrors[0]! : `[${buildErrors.join(', ')}]`;
    return { name, error, ...FAILED_PROVIDER };
  }

  const podMutators: PodMutator[] = [];
  for (const s of POD_MUTATION_ORDER) {
    const c = compileOnce(s);
    if (c !== undefined && s.mutatePod) podMutators.push((d) => s.mutatePod!(c, d));
  }
  const containerMutators: ContainerMutator[] = [];
  for (const s of CONTAINER_MUTATION_ORDER) {
    const c = compileOnce(s);
    if (c !== undefined && s.mutateContainer) containerMutators.push((d, k, i) => s.mutateContainer!(c, d, k, i));
  }
  const podValidators: PodValidator[] = [];
  for (const s of POD_VALIDATION_ORDER) {
    const c = compileOnce(s);
    if (c !== undefined && s.validatePod) podValidators.push((p, errs) => s.validatePod!(c, p, errs));
  }
  const containerValidators: ContainerValidator[] = [];
  for (const s of CONTAINER_VALIDATION_ORDER) {
    const c = compileOnce(s);
    if (c !== undefined && s.validateContainer) containerValidators.push((p, ct, path, errs) => s.validateContainer!(c, p, ct, path, errs));
  }

  return {
    name,
    mutate(pod) {
      const draft = new PodDraft(pod);
      for (const m of podMutators) m(draft);
      if (containerMutators.length > 0) {
        for (const kind of CONTAINER_KINDS) {
          const n = pod.spec[kind]?.length ?? 0;
          for (let i = 0; i < n; i++) for (const m of containerMutators) m(draft, kind, i);
        }
      }
      return draft.pod;
    },
    validate(pod) {
      const errs: FieldError[] = [];
      for (const v of podValidators) v(pod, errs);
      for (const kind of CONTAINER_KINDS) {
        const list = pod.spec[kind];
        if (list === undefined) continue;
        for (let i = 0; i < list.length; i++) {
          const path = `spec.${kind}[${i}]`;
          for (const v of containerValidators) v(pod, list[i]!, path, errs);
        }
      }
      return errs;
    },
  };
}
