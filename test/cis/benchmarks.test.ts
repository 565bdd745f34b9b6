import { describe, expect, it } from 'vitest';
import { BENCHMARKS, DEFAULT_BENCHMARK, findBenchmark } from '../../src/cis';
import { EXPECTED, expectedControls } from './expected';

describe('§1 benchmark table', () => {
  it('lists exactly the benchmarks of §1/§2.1 that have a 5.2/4.2 pod-security group', () => {
    expect(BENCHMARKS.map((b) => b.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('§1 DEFAULT_BENCHMARK is the newest CIS Kubernetes benchmark, cis-1.12', () => {
    expect(DEFAULT_BENCHMARK).toBe('cis-1.12');
    expect(findBenchmark(DEFAULT_BENCHMARK)?.kubernetesVersions).toEqual(['1.32', '1.33', '1.34']);
  });

  it('§1 findBenchmark returns undefined for names without a pod-security group', () => {
    expect(findBenchmark('eks-stig-kubernetes-v1r6')).toBeUndefined();
    expect(findBenchmark('rh-0.7')).toBeUndefined();
    expect(findBenchmark('cis-1.4')).toBeUndefined();
  });

  it.each([
    ['cis-1.5', ['1.15']],
    ['cis-1.6', ['1.16', '1.17', '1.18']],
    ['cis-1.20', ['1.19', '1.20', '1.21']],
    ['cis-1.23', ['1.22', '1.23']],
    ['cis-1.24', ['1.24']],
    ['cis-1.7', ['1.25']],
    ['cis-1.8', ['1.26']],
    ['cis-1.9', ['1.27']],
    ['cis-1.10', ['1.28']],
    ['cis-1.11', ['1.29', '1.30', '1.31']],
    ['cis-1.12', ['1.32', '1.33', '1.34']],
    ['eks-1.8.0', null],
    ['gke-1.9.0', null],
    ['k3s-cis-1.23', null],
  ])('§1 version_mapping: %s covers %j', (name, versions) => {
    expect(findBenchmark(name)?.kubernetesVersions).toEqual(versions);
  });

  it.each([
    ['cis-1.5', '5.2', 'Pod Security Policies', 'CIS Kubernetes 1.5.1'],
    ['cis-1.20', '5.2', 'Pod Security Policies', 'CIS Kubernetes 1.20'],
    ['cis-1.24', '5.2', 'Pod Security Standards', 'CIS Kubernetes 1.24'],
    ['cis-1.12', '5.2', 'Pod Security Standards', 'CIS Kubernetes 1.12'],
    ['eks-1.2.0', '4.2', 'Pod Security Policies', 'CIS EKS 1.2.0'],
    ['eks-1.5.0', '4.2', 'Pod Security Standards', 'CIS EKS 1.5.0'],
    ['aks-1.7', '4.2', 'Pod Security Policies', 'CIS AKS 1.7'],
    ['gke-1.2.0', '4.2', 'Pod Security Policies', 'CIS GKE 1.2.0'],
    ['gke-1.6.0', '4.2', 'Pod Security Standards', 'CIS GKE 1.6.0'],
    ['gke-1.0', '5.2', 'Pod Security Policies', 'CIS GKE 1.0.0'],
    ['rh-1.8', '5.2', 'Security Context Constraints (SCCs)', 'CIS OpenShift 1.8'],
  ])('§1 %s: section %s, group %j, document %j', (name, section, group, title) => {
    const b = findBenchmark(name)!;
    expect([b.section, b.group, b.title]).toEqual([section, group, title]);
  });
});

describe('§2.1 IDs and §2.3 assessment markers per benchmark', () => {
  it.each(Object.keys(EXPECTED))('%s: controls, IDs (in ID order) and CIS assessment markers', (name) => {
    const b = findBenchmark(name)!;
    expect(b.controls.map(({ id, key, assessment }) => ({ id, key, assessment }))).toEqual(expectedControls(name));
  });

  it('§2.1/§6.6 5.2.1 is privileged up to cis-1.20 and policy-mechanism from cis-1.23 on', () => {
    expect(findBenchmark('cis-1.20')!.controls[0]).toMatchObject({ id: '5.2.1', key: 'privileged' });
    expect(findBenchmark('cis-1.23')!.controls[0]).toMatchObject({ id: '5.2.1', key: 'policy-mechanism' });
  });

  it('§2.1/§6.6 5.2.9 is capabilities-assigned in P, added-capabilities in S, capabilities-assigned again in S12', () => {
    const at = (name: string) => findBenchmark(name)!.controls.find((c) => c.id === '5.2.9')!.key;
    expect([at('cis-1.20'), at('cis-1.24'), at('cis-1.12')]).toEqual(['capabilities-assigned', 'added-capabilities', 'capabilities-assigned']);
  });

  it('§2.1 cis-1.12 removed added-capabilities and shifted windows-hostprocess/hostpath/host-ports to 5.2.10–5.2.12', () => {
    const b = findBenchmark('cis-1.12')!;
    expect(b.controls.some((c) => c.key === 'added-capabilities')).toBe(false);
    expect(b.controls.slice(-3).map((c) => `${c.id} ${c.key}`)).toEqual(['5.2.10 windows-hostprocess', '5.2.11 hostpath-volumes', '5.2.12 host-ports']);
  });

  it('§2.1 eks-1.2.0 removed NET_RAW and shifted added-capabilities/capabilities-assigned to 4.2.7/4.2.8', () => {
    const b = findBenchmark('eks-1.2.0')!;
    expect(b.controls.slice(-2).map((c) => `${c.id} ${c.key}`)).toEqual(['4.2.7 added-capabilities', '4.2.8 capabilities-assigned']);
  });

  it('§2.1 GKE 1.6+ keeps a single control, 4.2.1 pss-baseline-enforced', () => {
    expect(findBenchmark('gke-1.9.0')!.controls).toEqual([
      {
        id: '4.2.1',
        key: 'pss-baseline-enforced',
        title: 'Ensure that the cluster enforces Pod Security Standard Baseline profile or stricter for all namespaces.',
        assessment: 'Manual',
      },
    ]);
  });

  it('§2.2 titles are the exact CIS strings', () => {
    const titles = Object.fromEntries(findBenchmark('cis-1.24')!.controls.map((c) => [c.key, c.title]));
    expect(titles).toEqual({
      'policy-mechanism': 'Ensure that the cluster has at least one active policy control mechanism in place',
      privileged: 'Minimize the admission of privileged containers',
      'host-pid': 'Minimize the admission of containers wishing to share the host process ID namespace',
      'host-ipc': 'Minimize the admission of containers wishing to share the host IPC namespace',
      'host-network': 'Minimize the admission of containers wishing to share the host network namespace',
      'allow-privilege-escalation': 'Minimize the admission of containers with allowPrivilegeEscalation',
      root: 'Minimize the admission of root containers',
      'net-raw': 'Minimize the admission of containers with the NET_RAW capability',
      'added-capabilities': 'Minimize the admission of containers with added capabilities',
      'capabilities-assigned': 'Minimize the admission of containers with capabilities assigned',
      'windows-hostprocess': 'Minimize the admission of Windows HostProcess containers',
      'hostpath-volumes': 'Minimize the admission of HostPath volumes',
      'host-ports': 'Minimize the admission of containers which use HostPorts',
    });
    expect(findBenchmark('rh-1.4')!.controls.at(-1)!.title).toBe('Minimize access to privileged Security Context Constraints');
  });
});
