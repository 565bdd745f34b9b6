/**
 * The Pod Security Standards check registry (policy/registry.go + the Check definitions of the
 * library). Adding a check = adding one file under checks/ and one row here.
 */
import { compareGoStrings } from './helpers';
import type { CheckPodFn, PssCheckLevel } from './types';
import { LATEST_MINOR, parseMinor } from './version';
import { allowPrivilegeEscalationV1Dot25, allowPrivilegeEscalationV1Dot8 } from './checks/allowPrivilegeEscalation';
import { appArmorProfileV1Dot0 } from './checks/appArmorProfile';
import { capabilitiesBaselineV1Dot0 } from './checks/capabilities_baseline';
import { capabilitiesRestrictedV1Dot22, capabilitiesRestrictedV1Dot25 } from './checks/capabilities_restricted';
import { hostNamespacesV1Dot0 } from './checks/hostNamespaces';
import { hostPathVolumesV1Dot0 } from './checks/hostPathVolumes';
import { hostPortsV1Dot0 } from './checks/hostPorts';
import { hostProbesAndHostLifecycleV1Dot34 } from './checks/hostProbesAndHostLifecycle';
import { privilegedV1Dot0 } from './checks/privileged';
import { procMountV1Dot0, procMountV1Dot35 } from './checks/procMount';
import { procMountRestrictedV1Dot35 } from './checks/procMount_restricted';
import { restrictedVolumesV1Dot0 } from './checks/restrictedVolumes';
import { runAsNonRootV1Dot0, runAsNonRootV1Dot35 } from './checks/runAsNonRoot';
import { runAsUserV1Dot23, runAsUserV1Dot35 } from './checks/runAsUser';
import { seccompProfileBaselineV1Dot0, seccompProfileBaselineV1Dot19 } from './checks/seccompProfile_baseline';
import { seccompProfileRestrictedV1Dot19, seccompProfileRestrictedV1Dot25 } from './checks/seccompProfile_restricted';
import { seLinuxOptionsV1Dot0, seLinuxOptionsV1Dot31 } from './checks/seLinuxOptions';
import { sysctlsV1Dot0, sysctlsV1Dot27, sysctlsV1Dot29, sysctlsV1Dot32, sysctlsV1Dot37 } from './checks/sysctls';
import { windowsHostProcessV1Dot0 } from './checks/windowsHostProcess';

export interface PssCheckVersion {
  /** First policy version this implementation applies to (`v1.N`). */
  readonly minVersion: string;
  readonly evaluate: CheckPodFn;
}

export interface PssCheckDefinition {
  readonly id: string;
  readonly level: PssCheckLevel;
  /** Implementations in ascending minVersion order; the check exists from the first one. */
  readonly versions: readonly PssCheckVersion[];
  /** Baseline checks this restricted check replaces at restricted, wherever this check exists. */
  readonly overrides?: readonly string[];
}

/** Every check of the library at the fixtures' commit (spec §2). Row order is irrelevant. */
export const PSS_CHECK_TABLE: readonly PssCheckDefinition[] = [
  // baseline
  { id: 'appArmorProfile', level: 'baseline', versions: [{ minVersion: 'v1.0', evaluate: appArmorProfileV1Dot0 }] },
  { id: 'capabilities_baseline', level: 'baseline', versions: [{ minVersion: 'v1.0', evaluate: capabilitiesBaselineV1Dot0 }] },
  { id: 'hostNamespaces', level: 'baseline', versions: [{ minVersion: 'v1.0', evaluate: hostNamespacesV1Dot0 }] },
  { id: 'hostPathVolumes', level: 'baseline', versions: [{ minVersion: 'v1.0', evaluate: hostPathVolumesV1Dot0 }] },
  { id: 'hostPorts', level: 'baseline', versions: [{ minVersion: 'v1.0', evaluate: hostPortsV1Dot0 }] },
  {
    id: 'hostProbesAndHostLifecycle',
    level: 'baseline',
    versions: [{ minVersion: 'v1.34', evaluate: hostProbesAndHostLifecycleV1Dot34 }],
  },
  { id: 'privileged', level: 'baseline', versions: [{ minVersion: 'v1.0', evaluate: privilegedV1Dot0 }] },
  {
    id: 'procMount',
    level: 'baseline',
    versions: [
      { minVersion: 'v1.0', evaluate: procMountV1Dot0 },
      { minVersion: 'v1.35', evaluate: procMountV1Dot35 },
    ],
  },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    versions: [
      { minVersion: 'v1.0', evaluate: seLinuxOptionsV1Dot0 },
      { minVersion: 'v1.31', evaluate: seLinuxOptionsV1Dot31 },
    ],
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    versions: [
      { minVersion: 'v1.0', evaluate: seccompProfileBaselineV1Dot0 },
      { minVersion: 'v1.19', evaluate: seccompProfileBaselineV1Dot19 },
    ],
  },
  {
    id: 'sysctls',
    level: 'baseline',
    versions: [
      { minVersion: 'v1.0', evaluate: sysctlsV1Dot0 },
      { minVersion: 'v1.27', evaluate: sysctlsV1Dot27 },
      { minVersion: 'v1.29', evaluate: sysctlsV1Dot29 },
      { minVersion: 'v1.32', evaluate: sysctlsV1Dot32 },
      { minVersion: 'v1.37', evaluate: sysctlsV1Dot37 },
    ],
  },
  { id: 'windowsHostProcess', level: 'baseline', versions: [{ minVersion: 'v1.0', evaluate: windowsHostProcessV1Dot0 }] },
  // restricted
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    versions: [
      { minVersion: 'v1.8', evaluate: allowPrivilegeEscalationV1Dot8 },
      { minVersion: 'v1.25', evaluate: allowPrivilegeEscalationV1Dot25 },
    ],
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      { minVersion: 'v1.22', evaluate: capabilitiesRestrictedV1Dot22 },
      { minVersion: 'v1.25', evaluate: capabilitiesRestrictedV1Dot25 },
    ],
    overrides: ['capabilities_baseline'],
  },
  {
    id: 'procMount_restricted',
    level: 'restricted',
    versions: [{ minVersion: 'v1.35', evaluate: procMountRestrictedV1Dot35 }],
    overrides: ['procMount'],
  },
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    versions: [{ minVersion: 'v1.0', evaluate: restrictedVolumesV1Dot0 }],
    overrides: ['hostPathVolumes'],
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    versions: [
      { minVersion: 'v1.0', evaluate: runAsNonRootV1Dot0 },
      { minVersion: 'v1.35', evaluate: runAsNonRootV1Dot35 },
    ],
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    versions: [
      { minVersion: 'v1.23', evaluate: runAsUserV1Dot23 },
      { minVersion: 'v1.35', evaluate: runAsUserV1Dot35 },
    ],
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      { minVersion: 'v1.19', evaluate: seccompProfileRestrictedV1Dot19 },
      { minVersion: 'v1.25', evaluate: seccompProfileRestrictedV1Dot25 },
    ],
    overrides: ['seccompProfile_baseline'],
  },
];

/** A check ready to run: its ID and the implementation chosen for one policy version. */
export interface SelectedCheck {
  readonly id: string;
  readonly evaluate: CheckPodFn;
}

interface CompiledCheck {
  readonly id: string;
  readonly level: PssCheckLevel;
  /** Ascending; minors[i] is the first minor version of evaluators[i]. */
  readonly minors: readonly number[];
  readonly evaluators: readonly CheckPodFn[];
  readonly overrides: readonly string[];
}

function compile(def: PssCheckDefinition): CompiledCheck {
  const minors = def.versions.map((v) => {
    const m = parseMinor(v.minVersion);
    if (m === undefined || m === LATEST_MINOR) throw new Error(`check ${def.id}: bad minVersion ${v.minVersion}`);
    return m;
  });
  for (let i = 1; i < minors.length; i++) {
    if (minors[i]! <= minors[i - 1]!) throw new Error(`check ${def.id}: versions not ascending`);
  }
  return {
    id: def.id,
    level: def.level,
    minors,
    evaluators: def.versions.map((v) => v.evaluate),
    overrides: def.overrides ?? [],
  };
}

/**
 * Run order (spec §2.2): baseline IDs then restricted IDs, each group in Go string (byte) order,
 * so `seLinuxOptions` precedes `seccompProfile_baseline`.
 */
const RUN_ORDER: readonly CompiledCheck[] = (['baseline', 'restricted'] as const).flatMap((level) =>
  PSS_CHECK_TABLE.filter((c) => c.level === level)
    .map(compile)
    .sort((a, b) => compareGoStrings(a.id, b.id)),
);

/** The largest minimum version of any check: the evaluator's maximum version. */
export const REGISTRY_MAX_MINOR: number = Math.max(...RUN_ORDER.flatMap((c) => c.minors));

/** The implementation of a check for a (resolved) minor version, or undefined if it does not exist yet. */
function implementationAt(check: CompiledCheck, minor: number): CheckPodFn | undefined {
  let fn: CheckPodFn | undefined;
  for (let i = 0; i < check.minors.length; i++) {
    if (check.minors[i]! <= minor) fn = check.evaluators[i];
    else break;
  }
  return fn;
}

function buildCheckList(level: PssCheckLevel, minor: number): readonly SelectedCheck[] {
  const applicable: SelectedCheck[] = [];
  const overridden = new Set<string>();
  for (const check of RUN_ORDER) {
    if (level === 'baseline' && check.level !== 'baseline') continue;
    const evaluate = implementationAt(check, minor);
    if (evaluate === undefined) continue;
    applicable.push({ id: check.id, evaluate });
    // An override only applies where the overriding check exists (spec §2).
    for (const id of check.overrides) overridden.add(id);
  }
  return Object.freeze(applicable.filter((c) => !overridden.has(c.id)));
}

const CHECK_LIST_CACHE = new Map<string, readonly SelectedCheck[]>();
const NO_CHECKS: readonly SelectedCheck[] = Object.freeze([]);

/**
 * The checks to run, in run order, for a level at a resolved minor version (≤ the maximum).
 * Built once per (level, version) and cached at module scope.
 */
export function selectChecks(level: PssCheckLevel | 'privileged', minor: number): readonly SelectedCheck[] {
  if (level === 'privileged') return NO_CHECKS;
  const key = `${level}:${minor}`;
  let list = CHECK_LIST_CACHE.get(key);
  if (list === undefined) {
    list = buildCheckList(level, minor);
    CHECK_LIST_CACHE.set(key, list);
  }
  return list;
}

/** Public description of a check (docs, OpenAPI, SARIF rules). */
export interface PssCheckInfo {
  readonly id: string;
  readonly level: PssCheckLevel;
  /** Minimum version of each implementation, ascending (`v1.0`, `v1.35`, ...). */
  readonly versions: readonly string[];
  readonly overrides: readonly string[];
}

/** Every check, in run order. */
export const PSS_CHECKS: readonly PssCheckInfo[] = Object.freeze(
  RUN_ORDER.map((c) =>
    Object.freeze({
      id: c.id,
      level: c.level,
      versions: Object.freeze(c.minors.map((m) => `v1.${m}`)),
      overrides: Object.freeze([...c.overrides]),
    }),
  ),
);
