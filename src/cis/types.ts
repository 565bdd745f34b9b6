/**
 * Public and internal types of the CIS 5.2 / 4.2 engine (spec: cis-5.2.md).
 */

import type { Container, PodSecurityPolicy, PodSpec, PodTemplate } from '../k8s/types';

/** Our stable identifiers for the controls (spec §2); benchmark IDs move, these do not. */
export type CanonicalKey =
  | 'policy-mechanism'
  | 'privileged'
  | 'host-pid'
  | 'host-ipc'
  | 'host-network'
  | 'allow-privilege-escalation'
  | 'root'
  | 'net-raw'
  | 'added-capabilities'
  | 'capabilities-assigned'
  | 'windows-hostprocess'
  | 'hostpath-volumes'
  | 'host-ports'
  | 'pss-baseline-enforced'
  | 'privileged-scc-access';

/** CIS status from the title marker (spec §2.3); null when the document has no marker. */
export type Assessment = 'Automated' | 'Manual' | 'Scored' | 'Not Scored' | null;

export type Quantifier = 'exists' | 'all';

export interface CisOptions {
  benchmark: string; // validated name
  containerScope?: 'all' | 'containers'; // §4.2, default 'all'
  rootRule?: 'strict' | 'explicitOnly'; // §5.5, default 'strict'
  privilegeEscalation?: 'audit' | 'strict'; // §5.4, default 'audit'
  quantifier?: Quantifier; // §5, default: the PSP-era quantifiers (∃, added-capabilities ∀)
  isPod?: boolean; // kind Pod: emulate hostNetwork → hostPort defaulting (§5.11 decision)
}

export type ControlStatus = 'pass' | 'fail' | 'manual' | 'notApplicable';

export interface Finding {
  path: string;
  container?: string;
  value?: unknown;
  reason: string;
  message: string;
  remediation: string;
  /** Set when the judged value was not on the container but inherited from the pod. */
  inheritedFrom?: 'pod';
}

export interface Note {
  code: string;
  message: string;
  path?: string;
  container?: string;
}

export interface ControlResult {
  id: string;
  key: string;
  title: string;
  assessment: Assessment;
  status: ControlStatus;
  findings: Finding[];
  notes: Note[];
}

export interface PolicyVerdict {
  policy: string;
  status: ControlStatus;
  findings: Finding[];
}

export interface PolicySetControl extends ControlResult {
  quantifier: Quantifier | null;
  satisfiedBy: string[];
  policies: PolicyVerdict[];
}

export interface BenchmarkControl {
  id: string;
  key: CanonicalKey;
  title: string;
  assessment: Assessment;
}

export interface BenchmarkInfo {
  name: string;
  title: string;
  section: string;
  group: string;
  kubernetesVersions: string[] | null;
  controls: BenchmarkControl[];
}

// ---------------------------------------------------------------------------------------------
// Internal: what a control file sees and returns.

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';

/** One container of the pod, with the path and label every finding about it uses. */
export interface ContainerRef {
  container: Container;
  list: ContainerList;
  index: number;
  /** e.g. `spec.initContainers[0]` */
  path: string;
  /** e.g. `init container "setup"` */
  label: string;
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  containerScope: 'all' | 'containers';
  rootRule: 'strict' | 'explicitOnly';
  privilegeEscalation: 'audit' | 'strict';
  isPod: boolean;
}

/** Per-request view of the pod, built once and shared by every control. */
export interface PodContext {
  pod: PodTemplate;
  spec: PodSpec;
  /** Containers in scope (§4.2), init, regular, ephemeral in that order. */
  containers: readonly ContainerRef[];
  opts: ResolvedOptions;
}

export interface PolicyContext {
  opts: ResolvedOptions;
}

/** What a control decides about one pod or one PSP (id, title, assessment are added later). */
export interface Outcome {
  status: ControlStatus;
  findings: Finding[];
  notes: Note[];
}

export interface CisControl {
  key: CanonicalKey;
  title: string;
  remediation: { pod: string; policy: string };
  /** The PSP field the control reads (`spec.privileged`); null when PSPs cannot express it. */
  policyPath: string | null;
  /** PSP-era quantifier of the control (§5); null when PSPs cannot express the control. */
  quantifier: Quantifier | null;
  evaluatePod(ctx: PodContext): Outcome;
  evaluatePolicy(psp: PodSecurityPolicy, ctx: PolicyContext): Outcome;
}
