/** PSP-set mode (spec §5 b, §6.1, §6.4): per-PSP verdicts, quantifiers, defaulting. */

import { describe, expect, it } from 'vitest';
import { type CisOptions, DECISIONS, type PolicySetControl, evaluatePolicySet } from '../../src/cis';
import type { PodSecurityPolicy } from '../../src/k8s/types';
import { psp, restrictivePsp } from './helpers';

function control(set: PodSecurityPolicy[], key: string, opts: Partial<CisOptions> = {}): PolicySetControl {
  return evaluatePolicySet(set, { benchmark: 'cis-1.20', ...opts }).find((r) => r.key === key)!;
}
const decision = (code: string) => DECISIONS.find((d) => d.code === code)!;
const verdicts = (r: PolicySetControl) => r.policies.map((v) => `${v.policy}:${v.status}`);

describe('§5 quantifiers', () => {
  const open = restrictivePsp('open', { privileged: true, allowedCapabilities: ['NET_ADMIN'] });
  const tight = restrictivePsp('tight');

  it('§5 PSP era (cis-1.20): privileged is ∃, so one satisfying PSP passes', () => {
    const r = control([open, tight], 'privileged');
    expect([r.status, r.quantifier, r.satisfiedBy, verdicts(r), r.findings]).toEqual(['pass', 'exists', ['tight'], ['open:fail', 'tight:pass'], []]);
  });

  it('§5 PSP era: added-capabilities is ∀ ("no PSP violates")', () => {
    const r = control([open, tight], 'added-capabilities');
    expect([r.status, r.quantifier, r.satisfiedBy, r.findings.map((f) => f.message)]).toEqual([
      'fail',
      'all',
      ['tight'],
      ['PodSecurityPolicy "open" allows adding capabilities ["NET_ADMIN"] (spec.allowedCapabilities)'],
    ]);
  });

  it('§5 quantifier=all applies ∀ everywhere', () => {
    const r = control([open, tight], 'privileged', { quantifier: 'all' });
    expect([r.status, r.quantifier, r.findings.map((f) => [f.path, f.message])]).toEqual([
      'fail',
      'all',
      [['spec.privileged', 'PodSecurityPolicy "open" allows privileged containers (spec.privileged=true)']],
    ]);
  });

  it('§5 PSP-era quantifiers are the default for PSS-era benchmarks too (cis-1.24); quantifier=all switches to "each policy"', () => {
    const r = control([open, tight], 'privileged', { benchmark: 'cis-1.24' });
    expect([r.id, r.status, r.quantifier]).toEqual(['5.2.2', 'pass', 'exists']);
    expect(control([open, tight], 'privileged', { benchmark: 'cis-1.24', quantifier: 'all' }).status).toBe('fail');
    // quantifier=exists keeps added-capabilities universal: that is its PSP-era wording.
    expect(control([open, tight], 'added-capabilities', { benchmark: 'cis-1.24', quantifier: 'exists' }).quantifier).toBe('all');
  });

  it('§5 the quantifier decision is stated on every PSP-expressible control', () => {
    expect(control([tight], 'host-pid').notes).toEqual([decision('decision-quantifier')]);
  });

  it('§5 ∃ with every PSP failing reports every PSP\'s findings', () => {
    const r = control([psp('a', { hostPID: true }), psp('b', { hostPID: true })], 'host-pid');
    expect([r.status, r.satisfiedBy, r.findings.map((f) => f.message)]).toEqual([
      'fail',
      [],
      [
        'PodSecurityPolicy "a" allows sharing the host process ID namespace (spec.hostPID=true)',
        'PodSecurityPolicy "b" allows sharing the host process ID namespace (spec.hostPID=true)',
      ],
    ]);
  });
});

describe('§5 empty PSP set', () => {
  it.each(['privileged', 'host-pid', 'root', 'net-raw', 'added-capabilities', 'capabilities-assigned'])(
    '§5 empty set: %s fails with no-policies (no vacuous pass for ∀)',
    (key) => {
      const r = control([], key);
      expect([r.status, r.findings.map((f) => [f.reason, f.message]), r.notes.map((n) => n.code), r.policies]).toEqual([
        'fail',
        [['no-policies', 'no PodSecurityPolicy supplied: by default no PSPs exist, so nothing is restricted']],
        ['decision-quantifier', 'decision-empty-policy-set'],
        [],
      ]);
    },
  );

  it('§5.1 policy-mechanism (cis-1.24): pass with a PSP, with the PSP-removed note; fail with none', () => {
    const r = control([restrictivePsp()], 'policy-mechanism', { benchmark: 'cis-1.24' });
    expect([r.id, r.status, r.notes.map((n) => n.code)]).toEqual(['5.2.1', 'pass', ['decision-policy-mechanism-psp', 'decision-quantifier']]);
    expect(control([], 'policy-mechanism', { benchmark: 'cis-1.24' }).status).toBe('fail');
  });

  it('§5.9/§5.12/§5.13 controls PSPs cannot express are notApplicable, empty set or not', () => {
    for (const [benchmark, key] of [
      ['cis-1.24', 'windows-hostprocess'],
      ['gke-1.6.0', 'pss-baseline-enforced'],
      ['rh-1.4', 'privileged-scc-access'],
    ] as const) {
      for (const set of [[], [restrictivePsp()]]) {
        const r = control(set, key, { benchmark });
        expect([key, r.status, r.quantifier, r.findings]).toEqual([key, 'notApplicable', null, []]);
      }
    }
  });
});

describe('§5.4/§6.1 PSP allowPrivilegeEscalation defaulting', () => {
  it('§6.1 an omitted value counts as true and the finding names the conflict', () => {
    const r = control([psp('a', {})], 'allow-privilege-escalation');
    expect(r.findings[0]!.message).toBe(
      'PodSecurityPolicy "a" omits spec.allowPrivilegeEscalation, which the API defaults to true; the CIS remediation text calls an omitted value compliant, but the audit reads the stored, defaulted value',
    );
    expect(r.notes).toContainEqual({ ...decision('decision-psp-escalation-default'), path: 'spec.allowPrivilegeEscalation' });
  });
  it('§5.4 explicit true fails, explicit false passes', () => {
    expect(control([psp('a', { allowPrivilegeEscalation: true })], 'allow-privilege-escalation').findings.map((f) => f.message)).toEqual([
      'PodSecurityPolicy "a" allows privilege escalation (spec.allowPrivilegeEscalation=true)',
    ]);
    expect(control([psp('a', { allowPrivilegeEscalation: false })], 'allow-privilege-escalation').status).toBe('pass');
  });
});

describe('§5.5 PSP runAsUser', () => {
  it.each([
    [{ rule: 'MustRunAsNonRoot' }, 'pass', []],
    [{ rule: 'MustRunAs', ranges: [{ min: 1, max: 10 }, { min: 1000, max: 2000 }] }, 'pass', []],
    [{ rule: 'RunAsAny' }, 'fail', ['spec.runAsUser.rule', 'PodSecurityPolicy "p" allows root containers (spec.runAsUser.rule="RunAsAny")']],
    [
      { rule: 'MustRunAs' },
      'fail',
      ['spec.runAsUser.ranges', 'PodSecurityPolicy "p" uses spec.runAsUser.rule="MustRunAs" without UID ranges, so it does not exclude UID 0'],
    ],
    [
      { rule: 'MustRunAs', ranges: [{ min: 100, max: 200 }, { min: 0, max: 65535 }] },
      'fail',
      ['spec.runAsUser.ranges[1]', 'PodSecurityPolicy "p" allows UID 0 (spec.runAsUser.ranges[1] is 0-65535)'],
    ],
    [undefined, 'fail', ['spec.runAsUser.rule', 'PodSecurityPolicy "p" sets no spec.runAsUser.rule, so it does not restrict root containers']],
  ])('§5.5 runAsUser %j → %s', (runAsUser, status, finding) => {
    const r = control([psp('p', runAsUser === undefined ? {} : { runAsUser })], 'root');
    expect([r.status, r.findings.flatMap((f) => [f.path, f.message])]).toEqual([status, finding]);
  });
});

describe('§5.6–§5.8 PSP capabilities', () => {
  it.each([['NET_RAW'], ['ALL'], ['net_raw']])('§5.6 requiredDropCapabilities %j satisfies net-raw', (c) => {
    expect(control([psp('p', { requiredDropCapabilities: [c] })], 'net-raw').status).toBe('pass');
  });
  it('§5.6/§4.4 requiredDropCapabilities CAP_NET_RAW does not satisfy and is noted', () => {
    const r = control([psp('p', { requiredDropCapabilities: ['CAP_NET_RAW'] })], 'net-raw');
    expect([r.status, r.findings.map((f) => f.message), r.notes.filter((n) => n.code === 'non-canonical-drop').map((n) => [n.path, n.message])]).toEqual([
      'fail',
      ['PodSecurityPolicy "p" does not require dropping NET_RAW or ALL (spec.requiredDropCapabilities is ["CAP_NET_RAW"])'],
      [
        [
          'spec.requiredDropCapabilities[0]',
          'PodSecurityPolicy "p" requires dropping "CAP_NET_RAW", which is not credited: runtimes add the CAP_ prefix themselves, so write "NET_RAW"',
        ],
      ],
    ]);
  });
  it('§5.7 allowedCapabilities ["*"] is the worst case; an empty list passes', () => {
    expect(control([psp('p', { allowedCapabilities: ['*'] })], 'added-capabilities').findings.map((f) => f.message)).toEqual([
      'PodSecurityPolicy "p" allows adding capabilities ["*"] (spec.allowedCapabilities; "*" allows any capability)',
    ]);
    expect(control([psp('p', { allowedCapabilities: [] })], 'added-capabilities').status).toBe('pass');
  });
  it('§5.7 defaultAddCapabilities is reported as a note only', () => {
    const r = control([psp('p', { defaultAddCapabilities: ['CHOWN'] })], 'added-capabilities');
    expect([r.status, r.notes.map((n) => n.code)]).toEqual(['pass', ['default-add-capabilities', 'decision-default-add-capabilities', 'decision-quantifier']]);
  });
  it('§5.8 capabilities-assigned needs ALL in requiredDropCapabilities', () => {
    expect(control([psp('p', { requiredDropCapabilities: ['NET_RAW'] })], 'capabilities-assigned').findings.map((f) => f.message)).toEqual([
      'PodSecurityPolicy "p" does not require dropping ALL capabilities (spec.requiredDropCapabilities is ["NET_RAW"])',
    ]);
    expect(control([psp('p', { requiredDropCapabilities: ['ALL'] })], 'capabilities-assigned').status).toBe('pass');
  });
});

describe('§5.10/§5.11 PSP volumes and host ports (cis-1.24)', () => {
  const opts = { benchmark: 'cis-1.24' };
  it('§5.10 volumes with "*" fails; an absent list allows no volumes and passes', () => {
    expect(control([psp('p', { volumes: ['*'] })], 'hostpath-volumes', opts).findings.map((f) => [f.path, f.message])).toEqual([
      ['spec.volumes[0]', 'PodSecurityPolicy "p" allows every volume type, including hostPath (spec.volumes[0]="*")'],
    ]);
    expect(control([psp('p', {})], 'hostpath-volumes', opts).status).toBe('pass');
  });
  it('§5.10 allowedHostPaths narrows paths but does not satisfy; noted', () => {
    const r = control([psp('p', { volumes: ['hostPath'], allowedHostPaths: [{ pathPrefix: '/var/log', readOnly: true }] })], 'hostpath-volumes', opts);
    expect([r.status, r.findings.map((f) => f.message), r.notes.map((n) => n.code)]).toEqual([
      'fail',
      ['PodSecurityPolicy "p" allows hostPath volumes (spec.volumes[0]="hostPath")'],
      ['allowed-host-paths-narrow-only', 'decision-allowed-host-paths', 'decision-quantifier'],
    ]);
  });
  it('§5.11 hostPorts non-empty fails; empty passes', () => {
    expect(control([psp('p', { hostPorts: [{ min: 80, max: 80 }, { min: 8000, max: 9000 }] })], 'host-ports', opts).findings.map((f) => f.message)).toEqual([
      'PodSecurityPolicy "p" allows host ports 80-80, 8000-9000 (spec.hostPorts)',
    ]);
    expect(control([psp('p', { hostPorts: [] })], 'host-ports', opts).status).toBe('pass');
  });
});

describe('§2.1 PSP-set results carry the benchmark IDs', () => {
  it('§2.1 eks-1.2.0: 4.2.7 is added-capabilities', () => {
    const r = evaluatePolicySet([restrictivePsp()], { benchmark: 'eks-1.2.0' }).map((c) => `${c.id} ${c.key}`);
    expect(r.slice(-2)).toEqual(['4.2.7 added-capabilities', '4.2.8 capabilities-assigned']);
  });
  it('unknown benchmark names are rejected', () => {
    expect(() => evaluatePolicySet([], { benchmark: 'cis-9.9' })).toThrow('unknown CIS benchmark "cis-9.9"');
  });
});
