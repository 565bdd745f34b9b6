/**
 * Every benchmark kube-bench ships with a 5.2 / 4.2 pod-security group (spec §1), the ID table of
 * spec §2.1 and the assessment markers of spec §2.3, as data. Adding a benchmark = one row.
 */

import { CONTROLS } from './controls';
import type { Assessment, BenchmarkControl, BenchmarkInfo, CanonicalKey } from './types';

/** Column groups of spec §2.1: benchmarks that number the controls the same way. */
export type ColumnGroup = 'P' | 'S' | 'S12' | 'M1' | 'M2' | 'M3' | 'G' | 'R';

const COLUMNS: readonly ColumnGroup[] = ['P', 'S', 'S12', 'M1', 'M2', 'M3', 'G', 'R'];

/**
 * Spec §2.1, transcribed row for row: canonical key, then the ID in columns
 * P, S, S12, M1, M2, M3, G, R ('' = the benchmark has no such control).
 */
// prettier-ignore
const ID_TABLE: ReadonlyArray<readonly [CanonicalKey, string, string, string, string, string, string, string, string]> = [
  //  key                           P        S         S12       M1       M2       M3       G        R
  ['policy-mechanism',           '',      '5.2.1',  '5.2.1',  '',      '',      '',      '',      ''],
  ['privileged',                 '5.2.1', '5.2.2',  '5.2.2',  '4.2.1', '4.2.1', '4.2.1', '',      '5.2.1'],
  ['host-pid',                   '5.2.2', '5.2.3',  '5.2.3',  '4.2.2', '4.2.2', '4.2.2', '',      '5.2.2'],
  ['host-ipc',                   '5.2.3', '5.2.4',  '5.2.4',  '4.2.3', '4.2.3', '4.2.3', '',      '5.2.3'],
  ['host-network',               '5.2.4', '5.2.5',  '5.2.5',  '4.2.4', '4.2.4', '4.2.4', '',      '5.2.4'],
  ['allow-privilege-escalation', '5.2.5', '5.2.6',  '5.2.6',  '4.2.5', '4.2.5', '4.2.5', '',      '5.2.5'],
  ['root',                       '5.2.6', '5.2.7',  '5.2.7',  '4.2.6', '4.2.6', '',      '',      '5.2.6'],
  ['net-raw',                    '5.2.7', '5.2.8',  '5.2.8',  '4.2.7', '',      '',      '',      '5.2.7'],
  ['added-capabilities',         '5.2.8', '5.2.9',  '',       '4.2.8', '4.2.7', '',      '',      '5.2.8'],
  ['capabilities-assigned',      '5.2.9', '5.2.10', '5.2.9',  '4.2.9', '4.2.8', '',      '',      '5.2.9'],
  ['windows-hostprocess',        '',      '5.2.11', '5.2.10', '',      '',      '',      '',      ''],
  ['hostpath-volumes',           '',      '5.2.12', '5.2.11', '',      '',      '',      '',      ''],
  ['host-ports',                 '',      '5.2.13', '5.2.12', '',      '',      '',      '',      ''],
  ['pss-baseline-enforced',      '',      '',       '',       '',      '',      '',      '4.2.1', ''],
  ['privileged-scc-access',      '',      '',       '',       '',      '',      '',      '',      '5.2.10'],
];

/** `[first, last, marker]`: controls <section>.<first> … <section>.<last> carry `marker`. */
type AssessmentRange = readonly [number, number, Exclude<Assessment, null>];

interface BenchmarkRow {
  name: string;
  title: string;
  column: ColumnGroup;
  group: string;
  /** From kube-bench's version_mapping; null for managed services and distribution variants. */
  kubernetesVersions: readonly string[] | null;
  /** Spec §2.3; null when the document has no marker (tkgi). */
  assessments: readonly AssessmentRange[] | null;
}

const PSP = 'Pod Security Policies';
const PSS = 'Pod Security Standards';
const SCC = 'Security Context Constraints (SCCs)';

// Marker patterns shared by several documents (spec §2.3).
const M = 'Manual';
const A = 'Automated';
const ALL_MANUAL_9: readonly AssessmentRange[] = [[1, 9, M]];
const ALL_MANUAL_13: readonly AssessmentRange[] = [[1, 13, M]];
const S_1_23: readonly AssessmentRange[] = [[1, 2, M], [3, 9, A], [10, 13, M]];
const M1_DEFAULT: readonly AssessmentRange[] = [[1, 8, A], [9, 9, M]];
const M3_AUTOMATED: readonly AssessmentRange[] = [[1, 5, A]];
const G_MANUAL: readonly AssessmentRange[] = [[1, 1, M]];

// prettier-ignore
const BENCHMARK_ROWS: readonly BenchmarkRow[] = [
  // P: Pod Security Policies, 5.2.1–5.2.9
  { name: 'cis-1.5', title: 'CIS Kubernetes 1.5.1', column: 'P', group: PSP, kubernetesVersions: ['1.15'],
    assessments: [[1, 1, 'Not Scored'], [2, 5, 'Scored'], [6, 9, 'Not Scored']] },
  { name: 'cis-1.6', title: 'CIS Kubernetes 1.6.0', column: 'P', group: PSP, kubernetesVersions: ['1.16', '1.17', '1.18'], assessments: ALL_MANUAL_9 },
  { name: 'cis-1.6-k3s', title: 'CIS Kubernetes 1.6.0 (k3s self-assessment)', column: 'P', group: PSP, kubernetesVersions: null, assessments: ALL_MANUAL_9 },
  { name: 'cis-1.20', title: 'CIS Kubernetes 1.20', column: 'P', group: PSP, kubernetesVersions: ['1.19', '1.20', '1.21'],
    assessments: [[1, 8, A], [9, 9, M]] },
  { name: 'gke-1.0', title: 'CIS GKE 1.0.0', column: 'P', group: PSP, kubernetesVersions: null,
    assessments: [[1, 1, 'Not Scored'], [2, 9, 'Scored']] },
  { name: 'ack-1.0', title: 'CIS Alibaba ACK 1.0.0', column: 'P', group: PSP, kubernetesVersions: null, assessments: ALL_MANUAL_9 },
  { name: 'tkgi-1.2.53', title: 'CIS-based VMware TKGI 1.2.53', column: 'P', group: PSP, kubernetesVersions: null, assessments: null },
  { name: 'rh-1.0', title: 'CIS OpenShift 4 1.1.0', column: 'P', group: PSP, kubernetesVersions: null, assessments: ALL_MANUAL_9 },

  // S: Pod Security Standards, 5.2.1–5.2.13
  { name: 'cis-1.23', title: 'CIS Kubernetes 1.23', column: 'S', group: PSS, kubernetesVersions: ['1.22', '1.23'], assessments: S_1_23 },
  { name: 'cis-1.24', title: 'CIS Kubernetes 1.24', column: 'S', group: PSS, kubernetesVersions: ['1.24'], assessments: S_1_23 },
  { name: 'cis-1.7', title: 'CIS Kubernetes 1.7', column: 'S', group: PSS, kubernetesVersions: ['1.25'], assessments: S_1_23 },
  { name: 'cis-1.8', title: 'CIS Kubernetes 1.8', column: 'S', group: PSS, kubernetesVersions: ['1.26'], assessments: S_1_23 },
  { name: 'cis-1.9', title: 'CIS Kubernetes 1.9', column: 'S', group: PSS, kubernetesVersions: ['1.27'], assessments: ALL_MANUAL_13 },
  { name: 'cis-1.10', title: 'CIS Kubernetes 1.10', column: 'S', group: PSS, kubernetesVersions: ['1.28'], assessments: ALL_MANUAL_13 },
  { name: 'cis-1.11', title: 'CIS Kubernetes 1.11', column: 'S', group: PSS, kubernetesVersions: ['1.29', '1.30', '1.31'], assessments: ALL_MANUAL_13 },
  { name: 'cis-1.24-microk8s', title: 'CIS Kubernetes 1.24 (MicroK8s self-assessment)', column: 'S', group: PSS, kubernetesVersions: null, assessments: S_1_23 },
  { name: 'k3s-cis-1.23', title: 'CIS Kubernetes 1.23 (k3s self-assessment)', column: 'S', group: PSS, kubernetesVersions: null,
    assessments: [[1, 1, M], [2, 9, A], [10, 13, M]] },
  { name: 'k3s-cis-1.24', title: 'CIS Kubernetes 1.24 (k3s self-assessment)', column: 'S', group: PSS, kubernetesVersions: null, assessments: S_1_23 },
  { name: 'k3s-cis-1.7', title: 'CIS Kubernetes 1.7 (k3s self-assessment)', column: 'S', group: PSS, kubernetesVersions: null, assessments: S_1_23 },
  { name: 'k3s-cis-1.8', title: 'CIS Kubernetes 1.8 (k3s self-assessment)', column: 'S', group: PSS, kubernetesVersions: null, assessments: S_1_23 },
  { name: 'k3s-cis-1.9', title: 'CIS Kubernetes 1.9 (k3s self-assessment)', column: 'S', group: PSS, kubernetesVersions: null, assessments: ALL_MANUAL_13 },
  { name: 'rke-cis-1.23', title: 'CIS Kubernetes 1.23 (RKE self-assessment)', column: 'S', group: PSS, kubernetesVersions: null, assessments: S_1_23 },
  { name: 'rke-cis-1.24', title: 'CIS Kubernetes 1.24 (RKE self-assessment)', column: 'S', group: PSS, kubernetesVersions: null, assessments: S_1_23 },
  { name: 'rke-cis-1.7', title: 'CIS Kubernetes 1.7 (RKE self-assessment)', column: 'S', group: PSS, kubernetesVersions: null, assessments: S_1_23 },
  { name: 'rke2-cis-1.23', title: 'CIS Kubernetes 1.23 (RKE2 self-assessment)', column: 'S', group: PSS, kubernetesVersions: null, assessments: S_1_23 },
  { name: 'rke2-cis-1.24', title: 'CIS Kubernetes 1.24 (RKE2 self-assessment)', column: 'S', group: PSS, kubernetesVersions: null,
    assessments: [[1, 8, M], [9, 9, A], [10, 13, M]] },
  { name: 'rke2-cis-1.7', title: 'CIS Kubernetes 1.7 (RKE2 self-assessment)', column: 'S', group: PSS, kubernetesVersions: null,
    assessments: [[1, 8, M], [9, 9, A], [10, 13, M]] },
  { name: 'rke2-cis-1.8', title: 'CIS Kubernetes 1.8 (RKE2 self-assessment)', column: 'S', group: PSS, kubernetesVersions: null, assessments: ALL_MANUAL_13 },

  // S12: cis-1.12 removed added-capabilities (CIS ticket 25337) and renumbered 5.2.10–5.2.12.
  { name: 'cis-1.12', title: 'CIS Kubernetes 1.12', column: 'S12', group: PSS, kubernetesVersions: ['1.32', '1.33', '1.34'],
    assessments: [[1, 12, M]] },

  // M1 / M2: managed, section 4.2, PSP era.
  { name: 'eks-1.0.1', title: 'CIS EKS 1.0.1', column: 'M1', group: PSP, kubernetesVersions: null, assessments: M1_DEFAULT },
  { name: 'eks-1.1.0', title: 'CIS EKS 1.1.0', column: 'M1', group: PSP, kubernetesVersions: null, assessments: [[1, 7, A], [8, 9, M]] },
  { name: 'gke-1.2.0', title: 'CIS GKE 1.2.0', column: 'M1', group: PSP, kubernetesVersions: null, assessments: M1_DEFAULT },
  { name: 'aks-1.0', title: 'CIS AKS 1.0.0', column: 'M1', group: PSP, kubernetesVersions: null, assessments: M1_DEFAULT },
  { name: 'eks-1.2.0', title: 'CIS EKS 1.2.0', column: 'M2', group: PSP, kubernetesVersions: null, assessments: [[1, 6, A], [7, 8, M]] },

  // M3: managed, 4.2.1–4.2.5 only. AKS keeps the PSP group title over PSA content (§6.9).
  { name: 'eks-1.5.0', title: 'CIS EKS 1.5.0', column: 'M3', group: PSS, kubernetesVersions: null, assessments: M3_AUTOMATED },
  { name: 'eks-1.7.0', title: 'CIS EKS 1.7.0', column: 'M3', group: PSS, kubernetesVersions: null, assessments: M3_AUTOMATED },
  { name: 'eks-1.8.0', title: 'CIS EKS 1.8.0', column: 'M3', group: PSS, kubernetesVersions: null, assessments: M3_AUTOMATED },
  { name: 'aks-1.7', title: 'CIS AKS 1.7', column: 'M3', group: PSP, kubernetesVersions: null, assessments: M3_AUTOMATED },
  { name: 'aks-1.8', title: 'CIS AKS 1.8', column: 'M3', group: PSP, kubernetesVersions: null, assessments: [[1, 5, M]] },

  // G: GKE 1.6+, a single PSS-baseline control.
  { name: 'gke-1.6.0', title: 'CIS GKE 1.6.0', column: 'G', group: PSS, kubernetesVersions: null, assessments: G_MANUAL },
  { name: 'gke-1.8.0', title: 'CIS GKE 1.8.0', column: 'G', group: PSS, kubernetesVersions: null, assessments: G_MANUAL },
  { name: 'gke-1.9.0', title: 'CIS GKE 1.9.0', column: 'G', group: PSS, kubernetesVersions: null, assessments: G_MANUAL },

  // R: OpenShift, SCC-based.
  { name: 'rh-1.4', title: 'CIS OpenShift 1.4', column: 'R', group: SCC, kubernetesVersions: null, assessments: [[1, 10, M]] },
  { name: 'rh-1.8', title: 'CIS OpenShift 1.8', column: 'R', group: SCC, kubernetesVersions: null, assessments: [[1, 10, M]] },
];

/** The newest CIS Kubernetes benchmark (kube-bench maps Kubernetes 1.32–1.34 to it). */
export const DEFAULT_BENCHMARK = 'cis-1.12';

function lastComponent(id: string): number {
  return Number(id.slice(id.lastIndexOf('.') + 1));
}

function markerFor(row: BenchmarkRow, id: string): Assessment {
  if (row.assessments === null) return null;
  const n = lastComponent(id);
  const range = row.assessments.find(([first, last]) => n >= first && n <= last);
  if (range === undefined) throw new Error(`benchmarks: ${row.name} has no assessment marker for ${id}`);
  return range[2];
}

function buildInfo(row: BenchmarkRow): BenchmarkInfo {
  const col = COLUMNS.indexOf(row.column) + 1;
  const controls: BenchmarkControl[] = [];
  for (const r of ID_TABLE) {
    const id = r[col]!;
    if (id === '') continue;
    const key = r[0];
    controls.push({ id, key, title: CONTROLS[key].title, assessment: markerFor(row, id) });
  }
  controls.sort((a, b) => lastComponent(a.id) - lastComponent(b.id));
  const section = controls[0]!.id.slice(0, controls[0]!.id.lastIndexOf('.'));
  return {
    name: row.name,
    title: row.title,
    section,
    group: row.group,
    kubernetesVersions: row.kubernetesVersions === null ? null : [...row.kubernetesVersions],
    controls,
  };
}

export const BENCHMARKS: readonly BenchmarkInfo[] = BENCHMARK_ROWS.map(buildInfo);

const BY_NAME: ReadonlyMap<string, BenchmarkInfo> = new Map(BENCHMARKS.map((b) => [b.name, b]));

export function findBenchmark(name: string): BenchmarkInfo | undefined {
  return BY_NAME.get(name);
}
