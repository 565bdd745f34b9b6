/**
 * A policy compiled ONCE into closures (the Go "provider"): which strategies run, in which order.
 * The order of mutation (§4) and validation (§5.1) comes from the four tables below; adding a
 * strategy = one file under strategies/ and one row per phase it takes part in.
 */
import type { FieldError } from '../k8s/field-error';
import type { PodSecurityPolicy, PodTemplate } from '../k8s/types';
import { POLICY_CACHE_SIZE, policyEntry, type PolicyEntry } from './content-cache';
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
import type { PspStrategy } from './types';
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

const FAILED_PROVIDER = {
  mutate: (pod: PodTemplate) => pod,
  validate: () => [],
};

/**
 * One phase's work for one policy: the strategies that take part, each with its compiled form, in
 * phase order. Parallel arrays rather than one closure per strategy: nothing but two arrays is
 * allocated per policy and phase, and the call sites stay monomorphic per strategy.
 */
interface Phase {
  strategies: AnyStrategy[];
  compiled: unknown[];
}

function phase(order: readonly AnyStrategy[], has: (s: AnyStrategy) => boolean, compileOnce: (s: AnyStrategy) => unknown): Phase {
  const out: Phase = { strategies: [], compiled: [] };
  for (const s of order) {
    if (!has(s)) continue;
    const c = compileOnce(s);
    if (c === undefined) continue;
    out.strategies.push(s);
    out.compiled.push(c);
  }
  return out;
}

/** How many policy contents keep their provider across requests (content-cache.ts). */
export const PROVIDER_CACHE_SIZE = POLICY_CACHE_SIZE;

/**
 * The policy rebuilt from its entry's JSON, so a cached provider shares no object with the request
 * that first compiled it (after ingest no value is null, so JSON's null can only stand for undefined).
 */
function ownCopy(psp: PodSecurityPolicy, entry: PolicyEntry): PodSecurityPolicy {
  const [metadata, spec] = JSON.parse(entry.json) as [PodSecurityPolicy['metadata'] | null, PodSecurityPolicy['spec']];
  return { ...psp, metadata: metadata ?? {}, spec };
}

/**
 * The provider of a submitted (not yet defaulted) policy: §1.3 defaulting, then compileProvider,
 * once per content (content-cache.ts): defaulting is a pure function of the submitted policy, so
 * a hit skips it as well as compiling. A provider holds no state and never hands out its own
 * objects (mutations write fresh copies), so sharing one between requests cannot change a result.
 */
export function providerFor(psp: PodSecurityPolicy): Provider {
  // policyEntry is by object first: a request with many pods looks each policy up once.
  const entry = policyEntry(psp);
  return (entry.provider ??= compileProvider(defaultPodSecurityPolicy(ownCopy(psp, entry))));
}

/** Builds the provider for an already defaulted (§1.3) policy. */
export function compileProvider(psp: PodSecurityPolicy): Provider {
  const name = psp.metadata.name ?? '';
  // Each strategy is compiled once even when it takes part in several phases.
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

  const podMutators = phase(POD_MUTATION_ORDER, (s) => s.mutatePod !== undefined, compileOnce);
  const containerMutators = phase(CONTAINER_MUTATION_ORDER, (s) => s.mutateContainer !== undefined, compileOnce);
  const podValidators = phase(POD_VALIDATION_ORDER, (s) => s.validatePod !== undefined, compileOnce);
  const containerValidators = phase(CONTAINER_VALIDATION_ORDER, (s) => s.validateContainer !== undefined, compileOnce);

  return {
    name,
    mutate(pod) {
      const draft = new PodDraft(pod);
      const pm = podMutators.strategies;
      for (let j = 0; j < pm.length; j++) pm[j]!.mutatePod!(podMutators.compiled[j], draft);
      const cm = containerMutators.strategies;
      if (cm.length > 0) {
        for (const kind of CONTAINER_KINDS) {
          const n = pod.spec[kind]?.length ?? 0;
          for (let i = 0; i < n; i++) for (let j = 0; j < cm.length; j++) cm[j]!.mutateContainer!(containerMutators.compiled[j], draft, kind, i);
        }
      }
      return draft.pod;
    },
    validate(pod) {
      const errs: FieldError[] = [];
      const pv = podValidators.strategies;
      for (let j = 0; j < pv.length; j++) pv[j]!.validatePod!(podValidators.compiled[j], pod, errs);
      const cv = containerValidators.strategies;
      for (const kind of CONTAINER_KINDS) {
        const list = pod.spec[kind];
        if (list === undefined) continue;
        for (let i = 0; i < list.length; i++) {
          const path = `spec.${kind}[${i}]`;
          for (let j = 0; j < cv.length; j++) cv[j]!.validateContainer!(containerValidators.compiled[j], pod, list[i]!, path, errs);
        }
      }
      return errs;
    },
  };
}
