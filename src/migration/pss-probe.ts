/**
 * Asking the Pod Security Standards engine about single values ("is capability X allowed at
 * baseline v1.N?") by evaluating a minimal probe pod, so that the migration rules never copy the
 * PSS engine's lists (default capabilities, safe sysctls, SELinux types, volume sources, seccomp
 * and AppArmor values). Only the named check's result is read. Answers are memoised in a bounded
 * module-scope map (values come from user input, so the map is cleared when full).
 */
import type { PodSpec, PodTemplate, SeccompProfile } from '../k8s/types';
import { evaluatePss } from '../pss';
import type { MigrationGapLevel } from './types';

const PROBE_CONTAINER = 'c';
const MEMO_LIMIT = 2048;
const memo = new Map<string, boolean>();

function passes(kind: string, value: string, check: string, level: MigrationGapLevel, minor: number, build: () => PodTemplate): boolean {
  const key = `${kind}\u0000${level}\u0000${minor}\u0000${value}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const result = evaluatePss(build(), level, `v1.${minor}`);
  const ok = !result.forbidden.some((f) => f.check === check);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, ok);
  return ok;
}

function pod(spec: Partial<PodSpec>, annotations?: Record<string, string>): PodTemplate {
  return {
    metadata: annotations === undefined ? {} : { annotations },
    spec: { containers: [{ name: PROBE_CONTAINER }], ...spec },
  };
}

/** capabilities_baseline: may a container add `cap`? */
export function baselineAllowsAddedCapability(cap: string, minor: number): boolean {
  return passes('cap-b', cap, 'capabilities_baseline', 'baseline', minor, () =>
    pod({ containers: [{ name: PROBE_CONTAINER, securityContext: { capabilities: { add: [cap] } } }] }),
  );
}

/** capabilities_restricted: may a container that drops ALL add `cap`? */
export function restrictedAllowsAddedCapability(cap: string, minor: number): boolean {
  return passes('cap-r', cap, 'capabilities_restricted', 'restricted', minor, () =>
    pod({ containers: [{ name: PROBE_CONTAINER, securityContext: { capabilities: { add: [cap], drop: ['ALL'] } } }] }),
  );
}

/** seLinuxOptions: may a pod set `seLinuxOptions.type`? */
export function baselineAllowsSeLinuxType(type: string, minor: number): boolean {
  return passes('selinux', type, 'seLinuxOptions', 'baseline', minor, () => pod({ securityContext: { seLinuxOptions: { type } } }));
}

/** sysctls: may a pod set sysctl `name`? */
export function baselineAllowsSysctl(name: string, minor: number): boolean {
  return passes('sysctl', name, 'sysctls', 'baseline', minor, () => pod({ securityContext: { sysctls: [{ name }] } }));
}

/** appArmorProfile: may a container carry the AppArmor annotation value `value`? */
export function baselineAllowsAppArmorAnnotation(value: string, annotationPrefix: string, minor: number): boolean {
  return passes('apparmor', value, 'appArmorProfile', 'baseline', minor, () => pod({}, { [annotationPrefix + PROBE_CONTAINER]: value }));
}

/** seccompProfile_baseline v1.0–v1.18: may the pod seccomp annotation have value `value`? */
export function baselineAllowsSeccompAnnotation(value: string, podAnnotation: string, minor: number): boolean {
  return passes('seccomp-a', value, 'seccompProfile_baseline', 'baseline', minor, () => pod({}, { [podAnnotation]: value }));
}

function seccompKey(f: SeccompProfile): string {
  return `${f.type ?? ''}/${f.localhostProfile ?? ''}`;
}

/** seccompProfile_baseline v1.19+: may the pod set this seccompProfile? */
export function baselineAllowsSeccompField(f: SeccompProfile, minor: number): boolean {
  return passes('seccomp-b', seccompKey(f), 'seccompProfile_baseline', 'baseline', minor, () => pod({ securityContext: { seccompProfile: f } }));
}

/** seccompProfile_restricted: does this pod-level seccompProfile satisfy restricted for a container without its own? */
export function restrictedAcceptsSeccompField(f: SeccompProfile, minor: number): boolean {
  return passes('seccomp-r', seccompKey(f), 'seccompProfile_restricted', 'restricted', minor, () =>
    pod({ securityContext: { seccompProfile: f } }),
  );
}

/** restrictedVolumes: may a pod use a volume with source key `sourceKey`? */
export function restrictedAllowsVolumeSource(sourceKey: string, minor: number): boolean {
  return passes('volume', sourceKey, 'restrictedVolumes', 'restricted', minor, () =>
    pod({ volumes: [{ name: 'v', [sourceKey]: {} }] }),
  );
}
