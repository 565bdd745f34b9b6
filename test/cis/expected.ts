/** Spec tables transcribed independently of src/cis/benchmarks.ts, for the tests to compare against. */

/** Spec §2.1, column by column, in ID order (IDs are <section>.1, .2, … in this order). */
export const COLUMN_KEYS: Record<string, { section: string; keys: string[] }> = {
  P: {
    section: '5.2',
    keys: ['privileged', 'host-pid', 'host-ipc', 'host-network', 'allow-privilege-escalation', 'root', 'net-raw', 'added-capabilities', 'capabilities-assigned'],
  },
  S: {
    section: '5.2',
    keys: [
      'policy-mechanism', 'privileged', 'host-pid', 'host-ipc', 'host-network', 'allow-privilege-escalation', 'root', 'net-raw',
      'added-capabilities', 'capabilities-assigned', 'windows-hostprocess', 'hostpath-volumes', 'host-ports',
    ],
  },
  S12: {
    section: '5.2',
    keys: [
      'policy-mechanism', 'privileged', 'host-pid', 'host-ipc', 'host-network', 'allow-privilege-escalation', 'root', 'net-raw',
      'capabilities-assigned', 'windows-hostprocess', 'hostpath-volumes', 'host-ports',
    ],
  },
  M1: {
    section: '4.2',
    keys: ['privileged', 'host-pid', 'host-ipc', 'host-network', 'allow-privilege-escalation', 'root', 'net-raw', 'added-capabilities', 'capabilities-assigned'],
  },
  M2: {
    section: '4.2',
    keys: ['privileged', 'host-pid', 'host-ipc', 'host-network', 'allow-privilege-escalation', 'root', 'added-capabilities', 'capabilities-assigned'],
  },
  M3: { section: '4.2', keys: ['privileged', 'host-pid', 'host-ipc', 'host-network', 'allow-privilege-escalation'] },
  G: { section: '4.2', keys: ['pss-baseline-enforced'] },
  R: {
    section: '5.2',
    keys: [
      'privileged', 'host-pid', 'host-ipc', 'host-network', 'allow-privilege-escalation', 'root', 'net-raw', 'added-capabilities',
      'capabilities-assigned', 'privileged-scc-access',
    ],
  },
};

/**
 * Spec §2.1 column groups and §2.3 markers, one letter per control in ID order:
 * M Manual, A Automated, S Scored, N Not Scored, - no marker.
 */
export const EXPECTED: Record<string, { column: string; markers: string }> = {
  'cis-1.5': { column: 'P', markers: 'NSSSSNNNN' },
  'cis-1.6': { column: 'P', markers: 'MMMMMMMMM' },
  'cis-1.6-k3s': { column: 'P', markers: 'MMMMMMMMM' },
  'cis-1.20': { column: 'P', markers: 'AAAAAAAAM' },
  'gke-1.0': { column: 'P', markers: 'NSSSSSSSS' },
  'ack-1.0': { column: 'P', markers: 'MMMMMMMMM' },
  'tkgi-1.2.53': { column: 'P', markers: '---------' },
  'rh-1.0': { column: 'P', markers: 'MMMMMMMMM' },
  'cis-1.23': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'cis-1.24': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'cis-1.24-microk8s': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'cis-1.7': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'cis-1.8': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'cis-1.9': { column: 'S', markers: 'MMMMMMMMMMMMM' },
  'cis-1.10': { column: 'S', markers: 'MMMMMMMMMMMMM' },
  'cis-1.11': { column: 'S', markers: 'MMMMMMMMMMMMM' },
  'k3s-cis-1.23': { column: 'S', markers: 'MAAAAAAAAMMMM' },
  'k3s-cis-1.24': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'k3s-cis-1.7': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'k3s-cis-1.8': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'k3s-cis-1.9': { column: 'S', markers: 'MMMMMMMMMMMMM' },
  'rke-cis-1.23': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'rke-cis-1.24': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'rke-cis-1.7': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'rke2-cis-1.23': { column: 'S', markers: 'MMAAAAAAAMMMM' },
  'rke2-cis-1.24': { column: 'S', markers: 'MMMMMMMMAMMMM' },
  'rke2-cis-1.7': { column: 'S', markers: 'MMMMMMMMAMMMM' },
  'rke2-cis-1.8': { column: 'S', markers: 'MMMMMMMMMMMMM' },
  'cis-1.12': { column: 'S12', markers: 'MMMMMMMMMMMM' },
  'eks-1.0.1': { column: 'M1', markers: 'AAAAAAAAM' },
  'eks-1.1.0': { column: 'M1', markers: 'AAAAAAAMM' },
  'gke-1.2.0': { column: 'M1', markers: 'AAAAAAAAM' },
  'aks-1.0': { column: 'M1', markers: 'AAAAAAAAM' },
  'eks-1.2.0': { column: 'M2', markers: 'AAAAAAMM' },
  'eks-1.5.0': { column: 'M3', markers: 'AAAAA' },
  'eks-1.7.0': { column: 'M3', markers: 'AAAAA' },
  'eks-1.8.0': { column: 'M3', markers: 'AAAAA' },
  'aks-1.7': { column: 'M3', markers: 'AAAAA' },
  'aks-1.8': { column: 'M3', markers: 'MMMMM' },
  'gke-1.6.0': { column: 'G', markers: 'M' },
  'gke-1.8.0': { column: 'G', markers: 'M' },
  'gke-1.9.0': { column: 'G', markers: 'M' },
  'rh-1.4': { column: 'R', markers: 'MMMMMMMMMM' },
  'rh-1.8': { column: 'R', markers: 'MMMMMMMMMM' },
};

const MARKER: Record<string, string | null> = { M: 'Manual', A: 'Automated', S: 'Scored', N: 'Not Scored', '-': null };

/** Expected (id, key, assessment) rows of a benchmark. */
export function expectedControls(name: string): Array<{ id: string; key: string; assessment: string | null }> {
  const e = EXPECTED[name]!;
  const col = COLUMN_KEYS[e.column]!;
  return col.keys.map((key, i) => ({ id: `${col.section}.${i + 1}`, key, assessment: MARKER[e.markers[i]!] ?? null }));
}
