/**
 * A policy compiled ONCE into closures (the Go "provider"): which strategies run, in which order.
 * The order of mutation (§4) and validation (§5.1) comes from the four tables below; adding a
 * strategy = one file under strategies/ and one row per phase it takes part in.
 */
import { containerPath } from '../k8s/container-path';
import type { PodSecurityPolicy, PodTemplate } from '../k8s/types';
import { ownContent, POLICY_CACHE_SIZE, policyEntry } from './content-cache';
import { defaultPodSecurityPolicy } from './policy-defaults';
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
import type { PspStrategy, PspViolation } from './types';
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
  validate(pod: PodTemplate): PspViolation[];
}

const FAILED_PROVIDER = {
  mutate: (pod: PodTemplate) => pod,
  validate: () => [],
};

/**
 * One phase's work for one policy: the hooks of the strategies that take part, each with its
 * compiled form, in phase order. Parallel arrays rather than one closure per strategy: nothing but
 * two arrays is allocated per policy and phase. The hook functions themselves are kept, not the
 * strategy objects: the strategies' objects have different shapes, so reading the hook off them
 * per call was a megamorphic property load (per policy × container × strategy).
 */
interface Phase<Hook> {
  hooks: Hook[];
  compiled: unknown[];
}

type PodMutator = NonNullable<AnyStrategy['mutatePod']>;
type ContainerMutator = NonNullable<AnyStrategy['mutateContainer']>;
type PodValidator = NonNullable<AnyStrategy['validatePod']>;
type ContainerValidator = NonNullable<AnyStrategy['validateContainer']>;

/** Every strategy once, BUILD_ORDER first: compiled values live in an array at these slots. */
const STRATEGIES: readonly AnyStrategy[] = [
  ...new Set([...BUILD_ORDER, ...POD_MUTATION_ORDER, ...CONTAINER_MUTATION_ORDER, ...POD_VALIDATION_ORDER, ...CONTAINER_VALIDATION_ORDER]),
];

/** A phase's order as slots, keeping only the strategies that have the phase's hook (fixed per strategy, so decided once). */
function phaseSlots(order: readonly AnyStrategy[], has: (s: AnyStrategy) => boolean): number[] {
  return order.filter(has).map((s) => STRATEGIES.indexOf(s));
}

const POD_MUTATION_SLOTS = phaseSlots(POD_MUTATION_ORDER, (s) => s.mutatePod !== undefined);
const CONTAINER_MUTATION_SLOTS = phaseSlots(CONTAINER_MUTATION_ORDER, (s) => s.mutateContainer !== undefined);
const POD_VALIDATION_SLOTS = phaseSlots(POD_VALIDATION_ORDER, (s) => s.validatePod !== undefined);
const CONTAINER_VALIDATION_SLOTS = phaseSlots(CONTAINER_VALIDATION_ORDER, (s) => s.validateContainer !== undefined);

/** The phase's hooks of the strategies that do something for this policy (compiled to a value). */
function phase<Hook>(slots: readonly number[], compiled: readonly unknown[], hook: (s: AnyStrategy) => Hook | undefined): Phase<Hook> {
  const out: Phase<Hook> = { hooks: [], compiled: [] };
  for (const slot of slots) {
    const c = compiled[slot];
    if (c === undefined) continue;
    out.hooks.push(hook(STRATEGIES[slot]!)!);
    out.compiled.push(c);
  }
  return out;
}

/** How many policy contents keep their provider across requests (content-cache.ts). */
export const PROVIDER_CACHE_SIZE = POLICY_CACHE_SIZE;

/**
 * The provider of a submitted (not yet defaulted) policy: §1.3 defaulting, then compileProvider,
 * once per content (content-cache.ts): defaulting is a pure function of the submitted policy, so
 * a hit skips it as well as compiling. A provider holds no state and never hands out its own
 * objects (mutations write fresh copies), so sharing one between requests cannot change a result.
 * It is compiled from the cache entry's own copy of the content (ownContent), not from the
 * request's object: a cached provider holds no object another answer or a later change to that
 * object could reach, and no string of the request (which could keep the whole request text
 * alive, content-cache.ts).
 */
export function providerFor(psp: PodSecurityPolicy): Provider {
  // policyEntry is by object first: a request with many pods looks each policy up once.
  const entry = policyEntry(psp);
  return (entry.provider ??= compileProvider(defaultPodSecurityPolicy(ownContent(entry))));
}

/** Builds the provider for an already defaulted (§1.3) policy. */
export function compileProvider(psp: PodSecurityPolicy): Provider {
  const name = psp.metadata.name ?? '';
  // Each strategy is compiled once even when it takes part in several phases.
  const compiled: unknown[] = new Array(STRATEGIES.length);
  let buildErrors: string[] | undefined;
  for (let i = 0; i < BUILD_ORDER.length; i++) {
    try {
      compiled[i] = STRATEGIES[i]!.compile(psp);
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      (buildErrors ??= []).push(e.message);
    }
  }
  if (buildErrors !== undefined) {
    const error = buildErrors.length === 1 ? buildErrors[0]! : `[${buildErrors.join(', ')}]`;
    return { name, error, ...FAILED_PROVIDER };
  }
  // Only BUILD_ORDER's strategies can fail to build (§3.2); the others compile unguarded (the
  // runAsNonRoot marker compiles exactly as RUN_AS_USER, which just succeeded).
  for (let i = BUILD_ORDER.length; i < STRATEGIES.length; i++) compiled[i] = STRATEGIES[i]!.compile(psp);

  const podMutators = phase<PodMutator>(POD_MUTATION_SLOTS, compiled, (s) => s.mutatePod);
  const containerMutators = phase<ContainerMutator>(CONTAINER_MUTATION_SLOTS, compiled, (s) => s.mutateContainer);
  const podValidators = phase<PodValidator>(POD_VALIDATION_SLOTS, compiled, (s) => s.validatePod);
  const containerValidators = phase<ContainerValidator>(CONTAINER_VALIDATION_SLOTS, compiled, (s) => s.validateContainer);

  return {
    name,
    mutate(pod) {
      const draft = new PodDraft(pod);
      const pm = podMutators.hooks;
      for (let j = 0; j < pm.length; j++) pm[j]!(podMutators.compiled[j], draft);
      const cm = containerMutators.hooks;
      if (cm.length > 0) {
        for (const kind of CONTAINER_KINDS) {
          const n = pod.spec[kind]?.length ?? 0;
          for (let i = 0; i < n; i++) for (let j = 0; j < cm.length; j++) cm[j]!(containerMutators.compiled[j], draft, kind, i);
        }
      }
      return draft.pod;
    },
    validate(pod) {
      const errs: PspViolation[] = [];
      const pv = podValidators.hooks;
      for (let j = 0; j < pv.length; j++) pv[j]!(podValidators.compiled[j], pod, errs);
      const cv = containerValidators.hooks;
      for (const kind of CONTAINER_KINDS) {
        const list = pod.spec[kind];
        if (list === undefined) continue;
        for (let i = 0; i < list.length; i++) {
          const path = containerPath(kind, i);
          for (let j = 0; j < cv.length; j++) cv[j]!(containerValidators.compiled[j], pod, list[i]!, path, errs);
        }
      }
      return errs;
    },
  };
}
