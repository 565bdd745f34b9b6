/**
 * seLinux strategy (§4.1 step 3, §4.2 step 3, §5.12; selinux/mustrunas.go). MustRunAs is checked at
 * pod level and per container on the effective options, so an inherited bad value is reported
 * twice (§10.10).
 */
import { goValue } from '../../k8s/field-error';
import type { Container, PodSecurityPolicy, PodTemplate, SELinuxOptions } from '../../k8s/types';
import { fieldError, PATH } from '../fields';
import type { PodDraft } from '../pod-draft';
import { effectiveSeLinuxOptions } from '../pod-draft';
import type { ContainerKind, PspStrategy, PspViolation } from '../types';
import { ProviderError } from '../types';

export interface SeLinuxMustRunAs {
  options: SELinuxOptions;
}

/** Compared in this order; each mismatch is one error. */
const SELINUX_FIELDS = ['level', 'role', 'type', 'user'] as const;

export function compileSeLinuxStrategy(psp: PodSecurityPolicy): SeLinuxMustRunAs | undefined {
  const opts = psp.spec.seLinux;
  if (opts?.rule === 'RunAsAny') return undefined;
  if (opts?.rule === 'MustRunAs') {
    if (opts.seLinuxOptions === undefined) throw new ProviderError('seLinux: MustRunAs requires SELinuxContextStrategyOptions');
    // Copied: a cached provider holds no object of the request it was compiled from.
    return { options: { ...opts.seLinuxOptions } };
  }
  throw new ProviderError(`seLinux: Unrecognized SELinuxContext strategy type ${opts?.rule ?? ''}`);
}

/** A copy of the policy's options (as given, empty fields stay empty). */
function generate(s: SeLinuxMustRunAs): SELinuxOptions {
  return { ...s.options };
}

export function applySeLinuxPodStrategy(s: SeLinuxMustRunAs, draft: PodDraft): void {
  if (draft.podSecurityContext()?.seLinuxOptions !== undefined) return;
  draft.writablePodSecurityContext().seLinuxOptions = generate(s);
}

export function applySeLinuxContainerStrategy(s: SeLinuxMustRunAs, draft: PodDraft, kind: ContainerKind, index: number): void {
  if (effectiveSeLinuxOptions(draft.pod, draft.container(kind, index)) !== undefined) return;
  draft.writableContainerSecurityContext(kind, index).seLinuxOptions = generate(s);
}

/**
 * equalLevels: identical, or both `sensitivity:categories` with equal sensitivity and the same
 * comma-separated category set in any order.
 */
function equalLevels(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  const e = expected.indexOf(':');
  const a = actual.indexOf(':');
  if (e < 0 || a < 0) return false;
  if (expected.slice(0, e) !== actual.slice(0, a)) return false;
  const want = new Set(expected.slice(e + 1).split(','));
  const got = new Set(actual.slice(a + 1).split(','));
  if (want.size !== got.size) return false;
  for (const c of want) if (!got.has(c)) return false;
  return true;
}

function validateOptions(s: SeLinuxMustRunAs, path: string, actual: SELinuxOptions | undefined, errs: PspViolation[]): void {
  if (actual === undefined) {
    errs.push(fieldError.required(path));
    return;
  }
  for (const f of SELINUX_FIELDS) {
    const want = s.options[f] ?? '';
    const got = actual[f] ?? '';
    const equal = f === 'level' ? equalLevels(want, got) : want === got;
    if (!equal) errs.push(fieldError.invalid(`${path}.${f}`, goValue.string(got), `must be ${want}`));
  }
}

export function validateSeLinuxPod(s: SeLinuxMustRunAs, pod: PodTemplate, errs: PspViolation[]): void {
  validateOptions(s, PATH.podSeLinuxOptions, pod.spec.securityContext?.seLinuxOptions, errs);
}

export function validateSeLinuxContainer(s: SeLinuxMustRunAs, pod: PodTemplate, c: Container, path: string, errs: PspViolation[]): void {
  validateOptions(s, `${path}.securityContext.seLinuxOptions`, effectiveSeLinuxOptions(pod, c), errs);
}

export const SE_LINUX: PspStrategy<SeLinuxMustRunAs> = {
  id: 'seLinux',
  compile: compileSeLinuxStrategy,
  mutatePod: applySeLinuxPodStrategy,
  mutateContainer: applySeLinuxContainerStrategy,
  validatePod: validateSeLinuxPod,
  validateContainer: validateSeLinuxContainer,
};
