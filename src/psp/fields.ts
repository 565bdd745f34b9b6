/**
 * Field paths, annotation keys and message fragments the PSP engine reuses, in one place.
 * Paths are Kubernetes' exact (sometimes odd, spec §10.8) field paths.
 */
import { formatFieldError } from '../k8s/field-error';
import { ownString, registerMemo } from '../k8s/string-memo';
import type { PspViolation } from './types';

export const ANNOTATION = {
  /** Written on the admitted pod: the chosen policy (create only). */
  validatedPsp: 'kubernetes.io/psp',
  seccompPod: 'seccomp.security.alpha.kubernetes.io/pod',
  seccompContainerPrefix: 'container.seccomp.security.alpha.kubernetes.io/',
  appArmorContainerPrefix: 'container.apparmor.security.beta.kubernetes.io/',
  /** On the PSP object. */
  seccompAllowed: 'seccomp.security.alpha.kubernetes.io/allowedProfileNames',
  seccompDefault: 'seccomp.security.alpha.kubernetes.io/defaultProfileName',
  appArmorAllowed: 'apparmor.security.beta.kubernetes.io/allowedProfileNames',
  appArmorDefault: 'apparmor.security.beta.kubernetes.io/defaultProfileName',
} as const;

export const AUDIT_ANNOTATION = {
  admitPolicy: 'podsecuritypolicy.policy.k8s.io/admit-policy',
  validatePolicy: 'podsecuritypolicy.policy.k8s.io/validate-policy',
} as const;

export const PATH = {
  podSecurityContext: 'spec.securityContext',
  fsGroup: 'spec.securityContext.fsGroup',
  supplementalGroups: 'spec.securityContext.supplementalGroups',
  podSeLinuxOptions: 'spec.securityContext.seLinuxOptions',
  /** Internal pod layout keeps host namespaces in the pod security context (§2.2). */
  hostNetwork: 'spec.securityContext.hostNetwork',
  hostPID: 'spec.securityContext.hostPID',
  hostIPC: 'spec.securityContext.hostIPC',
  /** The sysctl strategy builds its path from `pod`, not `spec` (§5.15). */
  sysctls: 'pod.spec.securityContext.sysctls',
  volumes: 'spec.volumes',
  runtimeClassName: 'spec.runtimeClassName',
  /** seccomp and AppArmor errors point at pod annotations with a `pod.` prefix (§5.13, §5.14). */
  podAnnotations: 'pod.metadata.annotations',
} as const;

/** fldPath.Key(k): map keys are rendered unquoted in brackets. */
export function annotationPath(key: string): string {
  return `${PATH.podAnnotations}[${key}]`;
}

/** Rejection prefixes (§3.5, 1.18+ wording). */
export const REJECTION = {
  admit: 'PodSecurityPolicy: unable to admit pod: ',
  validate: 'PodSecurityPolicy: unable to validate pod: ',
  noProviders: 'PodSecurityPolicy: no providers available to validate pod request',
} as const;

/**
 * Constructors mirroring field.Invalid / Required / Forbidden; `value` is already Go-rendered.
 * They build the answer's violation itself (fields in its order, `message` rendered by
 * formatFieldError, the one Kubernetes rendering), so no intermediate FieldError is made per
 * violation.
 */
export const fieldError = {
  invalid: (field: string, value: string, detail: string): PspViolation => rendered({ field, type: 'Invalid value', detail, message: '', value }),
  required: (field: string, detail = ''): PspViolation => rendered({ field, type: 'Required value', detail, message: '' }),
  forbidden: (field: string, detail: string): PspViolation => rendered({ field, type: 'Forbidden', detail, message: '' }),
};

/** Fills in `message` (a violation carries every FieldError field, so it renders as one). */
function rendered(v: PspViolation): PspViolation {
  v.message = formatFieldError(v);
  return v;
}

/**
 * Violations one validator builds again and again in the same words, remembered by where they are
 * (a constant string such as a container's path) and what they are about (a string of the
 * request, such as a capability name). Every policy that refuses the same thing on the same
 * container words it the same way, and a request's containers come back with the next request of
 * the same pod: the message is rendered once instead of per policy × container. Each call returns
 * a copy of its own, field for field as `rendered` built it. The strings are immutable, so
 * remembering them across requests cannot change an answer; they are built from own copies of
 * the request's strings (ownString), so they keep nothing of its text. Bounded: emptied when full.
 */
export class ViolationMemo {
  private readonly kept = new Map<string, Map<string, PspViolation>>();
  private size = 0;

  constructor(
    /** Violations kept before the memo starts over. */
    readonly limit: number,
    private readonly make: (at: string, about: string) => PspViolation,
  ) {
    registerMemo(this);
  }

  get(at: string, about: string): PspViolation {
    // Only strings are remembered: anything else is built as before.
    if (typeof about !== 'string') return this.make(at, about);
    let byAbout = this.kept.get(at);
    let v = byAbout?.get(about);
    if (v === undefined) {
      if (this.size >= this.limit) this.clear();
      // Kept from own copies (ownString): nothing kept refers to the request's text.
      const ownAt = ownString(at);
      const ownAbout = ownString(about);
      byAbout = this.kept.get(at);
      if (byAbout === undefined) this.kept.set(ownAt, (byAbout = new Map()));
      v = this.make(ownAt, ownAbout);
      byAbout.set(ownAbout, v);
      this.size++;
    }
    return v.value === undefined
      ? { field: v.field, type: v.type, detail: v.detail, message: v.message }
      : { field: v.field, type: v.type, detail: v.detail, message: v.message, value: v.value };
  }

  clear(): void {
    this.kept.clear();
    this.size = 0;
  }
}

/** Go's `%v` of a []policy.IDRange / []HostPortRange struct slice: `[{1 2} {3 4}]`. */
export function formatRanges(ranges: ReadonlyArray<{ min: number; max: number }>): string {
  return `[${ranges.map((r) => `{${r.min} ${r.max}}`).join(' ')}]`;
}
