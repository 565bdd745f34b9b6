/** Spec §7, verbatim: pod mode under cis-1.24 and the PSP set {A, B} under cis-1.20. */

import { describe, expect, it } from 'vitest';
import { evaluatePodControls, evaluatePolicySet } from '../../src/cis';
import type { PodSecurityPolicy, PodTemplate } from '../../src/k8s/types';
import examples from '../fixtures/cis/worked-examples.json';

const statuses = (rs: Array<{ id: string; status: string }>) => Object.fromEntries(rs.map((r) => [r.id, r.status]));

describe('§7 worked examples', () => {
  it('§7 pod with one container "app" and no securityContext (cis-1.24)', () => {
    const pod = examples.podNoSecurityContext as unknown as PodTemplate;
    const results = evaluatePodControls(pod, { benchmark: 'cis-1.24', isPod: true });
    expect(statuses(results)).toEqual({
      '5.2.1': 'manual',
      '5.2.2': 'pass',
      '5.2.3': 'pass',
      '5.2.4': 'pass',
      '5.2.5': 'pass',
      '5.2.6': 'pass',
      '5.2.7': 'fail',
      '5.2.8': 'fail',
      '5.2.9': 'pass',
      '5.2.10': 'fail',
      '5.2.11': 'pass',
      '5.2.12': 'pass',
      '5.2.13': 'pass',
    });
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    // 5.2.6 passes with a note: unset, escalation allowed by default.
    expect(byId['5.2.6']!.notes[0]).toEqual({
      code: 'escalation-unset',
      message: 'container "app" does not set securityContext.allowPrivilegeEscalation; Kubernetes allows privilege escalation by default',
      path: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
      container: 'app',
    });
    expect(byId['5.2.7']!.findings).toEqual([
      {
        path: 'spec.containers[0].securityContext.runAsNonRoot',
        container: 'app',
        reason: 'unverified-user',
        message:
          'container "app" sets neither runAsUser nor runAsNonRoot=true, so it runs as the image\'s USER, which is root unless the image says otherwise',
        remediation:
          'Set securityContext.runAsNonRoot: true and a non-zero runAsUser on the container or the pod, and never runAsUser: 0.',
      },
    ]);
    expect(byId['5.2.8']!.findings.map((f) => [f.reason, f.message])).toEqual([
      ['net-raw-not-dropped', 'container "app" does not drop NET_RAW or ALL, and common runtimes grant NET_RAW by default'],
    ]);
    expect(byId['5.2.10']!.findings.map((f) => [f.reason, f.message])).toEqual([
      ['all-not-dropped', 'container "app" does not drop ALL capabilities'],
    ]);
  });

  it('§7 Deployment template with hostNetwork and a hardened container adding NET_BIND_SERVICE (cis-1.24)', () => {
    const template = examples.deploymentHostNetwork.spec.template as unknown as PodTemplate;
    const results = evaluatePodControls(template, { benchmark: 'cis-1.24' }); // a template: isPod unset
    const s = statuses(results);
    expect([s['5.2.5'], s['5.2.6'], s['5.2.7'], s['5.2.8'], s['5.2.9'], s['5.2.10'], s['5.2.13']]).toEqual([
      'fail',
      'pass',
      'pass',
      'pass',
      'fail',
      'pass',
      'pass',
    ]);
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    expect(byId['5.2.5']!.findings.map((f) => f.message)).toEqual(['pod shares the host network namespace (spec.hostNetwork=true)']);
    expect(byId['5.2.9']!.findings.map((f) => [f.path, f.message])).toEqual([
      ['spec.containers[0].securityContext.capabilities.add', 'container "app" adds capabilities ["NET_BIND_SERVICE"]'],
    ]);
    // 5.2.13: templates are not hostPort-defaulted; the decision is stated on the control.
    expect(byId['5.2.13']!.notes.map((n) => n.code)).toEqual(['decision-host-port-defaulting']);
  });

  it('§7 PSP set {A, B} under cis-1.20', () => {
    const set = examples.pspSet as unknown as PodSecurityPolicy[];
    const results = evaluatePolicySet(set, { benchmark: 'cis-1.20' });
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    expect([byId['5.2.1']!.status, byId['5.2.1']!.satisfiedBy]).toEqual(['pass', ['A']]);
    expect([byId['5.2.5']!.status, byId['5.2.5']!.satisfiedBy]).toEqual(['pass', ['B']]);
    expect(byId['5.2.5']!.policies[0]).toEqual({
      policy: 'A',
      status: 'fail',
      findings: [
        {
          path: 'spec.allowPrivilegeEscalation',
          reason: 'escalation-defaulted',
          message:
            'PodSecurityPolicy "A" omits spec.allowPrivilegeEscalation, which the API defaults to true; the CIS remediation text calls an omitted value compliant, but the audit reads the stored, defaulted value',
          remediation:
            'Keep at least one PodSecurityPolicy (each policy, for PSS-era benchmarks) with spec.allowPrivilegeEscalation set explicitly to false, and bind workloads to it.',
        },
      ],
    });
    expect([byId['5.2.6']!.status, byId['5.2.6']!.satisfiedBy]).toEqual(['pass', ['B']]);
    expect([byId['5.2.8']!.status, byId['5.2.8']!.quantifier, byId['5.2.8']!.findings.map((f) => f.message)]).toEqual([
      'fail',
      'all',
      ['PodSecurityPolicy "B" allows adding capabilities ["NET_ADMIN"] (spec.allowedCapabilities)'],
    ]);
    expect([byId['5.2.7']!.status, byId['5.2.7']!.satisfiedBy, byId['5.2.7']!.findings.map((f) => f.message)]).toEqual([
      'fail',
      [],
      [
        'PodSecurityPolicy "A" does not require dropping NET_RAW or ALL (spec.requiredDropCapabilities is not set)',
        'PodSecurityPolicy "B" does not require dropping NET_RAW or ALL (spec.requiredDropCapabilities is not set)',
      ],
    ]);
  });
});
