/**
 * The defaults a PSP writes into admitted pods (PSP §4), none of which Pod Security Admission
 * applies: after the migration workloads must set these fields themselves. One row per default,
 * in the PSP's mutation order (pod level, then per container).
 */
import { ANNOTATION } from '../psp/fields';
import { seccompFieldForAnnotation } from './api-server-sync';
import { jsonList } from './text';
import type { MigrationMutation, PolicyView } from './types';

interface MutationRow {
  /** The pod field the PSP fills in. */
  readonly field: string;
  /** The value written, or undefined when this PSP writes nothing there. */
  readonly value: (p: PolicyView) => unknown;
  readonly message: (p: PolicyView, value: unknown) => string;
}

const CONTAINER_SC = 'spec.containers[*].securityContext';
const MUST_SET = 'workloads must now set it themselves';
const EVERY_CONTAINER = 'every container (init and ephemeral containers too)';

function firstMin(opts: { rule?: string; ranges?: Array<{ min: number }> } | undefined): number | undefined {
  return opts?.rule === 'MustRunAs' ? opts.ranges?.[0]?.min : undefined;
}

function nonEmpty(xs: string[] | undefined): string[] | undefined {
  return xs === undefined || xs.length === 0 ? undefined : [...new Set(xs)].sort();
}

export const MUTATION_ROWS: readonly MutationRow[] = [
  {
    field: 'spec.securityContext.supplementalGroups',
    value: (p) => {
      const min = firstMin(p.spec.supplementalGroups);
      return min === undefined ? undefined : [min];
    },
    message: (_p, v) => `supplementalGroups: MustRunAs sets spec.securityContext.supplementalGroups to ${JSON.stringify(v)} on pods that leave it unset; ${MUST_SET}`,
  },
  {
    field: 'spec.securityContext.fsGroup',
    value: (p) => firstMin(p.spec.fsGroup),
    message: (_p, v) => `fsGroup: MustRunAs sets spec.securityContext.fsGroup to ${String(v)} on pods that leave it unset; ${MUST_SET}`,
  },
  {
    field: 'spec.securityContext.seLinuxOptions',
    value: (p) => (p.spec.seLinux?.rule === 'MustRunAs' ? p.spec.seLinux.seLinuxOptions : undefined),
    message: (_p, v) => `seLinux: MustRunAs sets spec.securityContext.seLinuxOptions to ${JSON.stringify(v)} on pods that leave it unset; ${MUST_SET}`,
  },
  {
    field: 'spec.securityContext.seccompProfile',
    value: (p) => (p.seccompDefault === undefined || p.seccompDefault === '' ? undefined : (seccompFieldForAnnotation(p.seccompDefault) ?? p.seccompDefault)),
    message: (p, v) =>
      `${ANNOTATION.seccompDefault}: ${JSON.stringify(p.seccompDefault)} gives pods without a seccomp profile the ${p.seccompDefault!} profile (spec.securityContext.seccompProfile ${JSON.stringify(v)}); ${MUST_SET}`,
  },
  {
    field: 'spec.runtimeClassName',
    value: (p) => p.spec.runtimeClass?.defaultRuntimeClassName,
    message: (_p, v) => `runtimeClass.defaultRuntimeClassName: ${JSON.stringify(v)} sets spec.runtimeClassName on pods that leave it unset; ${MUST_SET}`,
  },
  {
    field: `${CONTAINER_SC}.runAsUser`,
    value: (p) => firstMin(p.spec.runAsUser),
    message: (_p, v) => `runAsUser: MustRunAs sets securityContext.runAsUser to ${String(v)} on ${EVERY_CONTAINER} without an effective runAsUser; ${MUST_SET}`,
  },
  {
    field: `${CONTAINER_SC}.runAsGroup`,
    value: (p) => firstMin(p.spec.runAsGroup),
    message: (_p, v) => `runAsGroup: MustRunAs sets securityContext.runAsGroup to ${String(v)} on ${EVERY_CONTAINER} without an effective runAsGroup; ${MUST_SET}`,
  },
  {
    field: `metadata.annotations[${ANNOTATION.appArmorContainerPrefix}*]`,
    value: (p) => (p.appArmorDefault === undefined || p.appArmorDefault === '' ? undefined : p.appArmorDefault),
    message: (_p, v) =>
      `${ANNOTATION.appArmorDefault}: ${JSON.stringify(v)} gives ${EVERY_CONTAINER} without an AppArmor profile the ${String(v)} profile; ${MUST_SET} (annotation, or securityContext.appArmorProfile from Kubernetes 1.30)`,
  },
  {
    field: `${CONTAINER_SC}.runAsNonRoot`,
    value: (p) => (p.spec.runAsUser?.rule === 'MustRunAsNonRoot' ? true : undefined),
    message: () => `runAsUser: MustRunAsNonRoot sets securityContext.runAsNonRoot to true on ${EVERY_CONTAINER} without an effective runAsNonRoot or runAsUser; ${MUST_SET}`,
  },
  {
    field: `${CONTAINER_SC}.capabilities.add`,
    value: (p) => nonEmpty(p.spec.defaultAddCapabilities),
    message: (_p, v) => `defaultAddCapabilities: ${jsonList(v as string[])} adds them to ${EVERY_CONTAINER} that does not drop them; ${MUST_SET}`,
  },
  {
    field: `${CONTAINER_SC}.capabilities.drop`,
    value: (p) => nonEmpty(p.spec.requiredDropCapabilities),
    message: (_p, v) => `requiredDropCapabilities: ${jsonList(v as string[])} adds them to the drop list of ${EVERY_CONTAINER}; ${MUST_SET}`,
  },
  {
    field: `${CONTAINER_SC}.readOnlyRootFilesystem`,
    value: (p) => (p.spec.readOnlyRootFilesystem === true ? true : undefined),
    message: () => `readOnlyRootFilesystem: true sets securityContext.readOnlyRootFilesystem to true on ${EVERY_CONTAINER} that leaves it unset; ${MUST_SET}`,
  },
  {
    field: `${CONTAINER_SC}.allowPrivilegeEscalation`,
    value: (p) => p.spec.defaultAllowPrivilegeEscalation ?? (p.spec.allowPrivilegeEscalation === false ? false : undefined),
    message: (p, v) => {
      const source =
        p.spec.defaultAllowPrivilegeEscalation !== undefined
          ? `defaultAllowPrivilegeEscalation: ${String(v)}`
          : 'allowPrivilegeEscalation: false';
      return `${source} sets securityContext.allowPrivilegeEscalation to ${String(v)} on ${EVERY_CONTAINER} that leaves it unset; ${MUST_SET}`;
    },
  },
];

/** The defaults this policy applies, in mutation order. */
export function listMutations(p: PolicyView): MigrationMutation[] {
  const out: MigrationMutation[] = [];
  for (const row of MUTATION_ROWS) {
    const value = row.value(p);
    if (value !== undefined) out.push({ field: row.field, default: value, message: row.message(p, value) });
  }
  return out;
}
