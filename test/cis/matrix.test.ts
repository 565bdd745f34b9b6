/**
 * Every control of every benchmark, on a pod and on a PSP set, passing and failing (spec §2, §5).
 * Each case changes one thing from a pod / PSP that passes everything, so each can fail alone.
 */

import { describe, expect, it } from 'vitest';
import { evaluatePodControls, evaluatePolicySet } from '../../src/cis';
import type { PodSecurityPolicy, PodSecurityPolicySpec, PodTemplate } from '../../src/k8s/types';
import { EXPECTED, expectedControls } from './expected';
import { hardenedContainer, hardenedPod, restrictivePsp } from './helpers';

type Case<T> = { make: () => T; status: string; reason?: string };

/** §5 (a): one failing pod per control, with the reason code of its finding. */
const POD_FAIL: Record<string, Case<PodTemplate>> = {
  'policy-mechanism': { make: () => hardenedPod({ hostPID: true }), status: 'manual' },
  privileged: {
    make: () => hardenedPod({ containers: [hardenedContainer('app', { securityContext: { ...hardenedContainer().securityContext, privileged: true } })] }),
    status: 'fail',
    reason: 'privileged',
  },
  'host-pid': { make: () => hardenedPod({ hostPID: true }), status: 'fail', reason: 'host-pid' },
  'host-ipc': { make: () => hardenedPod({ hostIPC: true }), status: 'fail', reason: 'host-ipc' },
  'host-network': { make: () => hardenedPod({ hostNetwork: true }), status: 'fail', reason: 'host-network' },
  'allow-privilege-escalation': {
    make: () =>
      hardenedPod({ containers: [hardenedContainer('app', { securityContext: { ...hardenedContainer().securityContext, allowPrivilegeEscalation: true } })] }),
    status: 'fail',
    reason: 'allow-privilege-escalation',
  },
  root: {
    make: () => hardenedPod({ containers: [hardenedContainer('app', { securityContext: { ...hardenedContainer().securityContext, runAsUser: 0 } })] }),
    status: 'fail',
    reason: 'explicit-root',
  },
  'net-raw': {
    make: () => hardenedPod({ containers: [hardenedContainer('app', { securityContext: { ...hardenedContainer().securityContext, capabilities: { drop: ['ALL'], add: ['NET_RAW'] } } })] }),
    status: 'fail',
    reason: 'net-raw-added',
  },
  'added-capabilities': {
    make: () =>
      hardenedPod({ containers: [hardenedContainer('app', { securityContext: { ...hardenedContainer().securityContext, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } })] }),
    status: 'fail',
    reason: 'capabilities-added',
  },
  'capabilities-assigned': {
    make: () => hardenedPod({ containers: [hardenedContainer('app', { securityContext: { ...hardenedContainer().securityContext, capabilities: { drop: ['NET_RAW'] } } })] }),
    status: 'fail',
    reason: 'all-not-dropped',
  },
  'windows-hostprocess': {
    make: () => hardenedPod({ securityContext: { windowsOptions: { hostProcess: true } } }),
    status: 'fail',
    reason: 'host-process',
  },
  'hostpath-volumes': {
    make: () => hardenedPod({ volumes: [{ name: 'host', hostPath: { path: '/' } }] }),
    status: 'fail',
    reason: 'host-path-volume',
  },
  'host-ports': {
    make: () => hardenedPod({ containers: [hardenedContainer('app', { ports: [{ containerPort: 80, hostPort: 80 }] })] }),
    status: 'fail',
    reason: 'host-port',
  },
  'pss-baseline-enforced': { make: () => hardenedPod({ hostPID: true }), status: 'manual' },
  'privileged-scc-access': { make: () => hardenedPod({ hostPID: true }), status: 'notApplicable' },
};

/** Status of the hardened pod per control. */
const POD_PASS_STATUS: Record<string, string> = {
  'policy-mechanism': 'manual',
  'pss-baseline-enforced': 'manual',
  'privileged-scc-access': 'notApplicable',
};

/** §5 (b): one failing PSP override per control. */
const PSP_FAIL: Record<string, { spec?: PodSecurityPolicySpec; empty?: true; status: string; reason?: string }> = {
  'policy-mechanism': { empty: true, status: 'fail', reason: 'no-policies' },
  privileged: { spec: { privileged: true }, status: 'fail', reason: 'privileged' },
  'host-pid': { spec: { hostPID: true }, status: 'fail', reason: 'host-pid' },
  'host-ipc': { spec: { hostIPC: true }, status: 'fail', reason: 'host-ipc' },
  'host-network': { spec: { hostNetwork: true }, status: 'fail', reason: 'host-network' },
  'allow-privilege-escalation': { spec: { allowPrivilegeEscalation: true }, status: 'fail', reason: 'allow-privilege-escalation' },
  root: { spec: { runAsUser: { rule: 'RunAsAny' } }, status: 'fail', reason: 'run-as-any' },
  'net-raw': { spec: { requiredDropCapabilities: ['SYS_ADMIN'] }, status: 'fail', reason: 'net-raw-not-required-drop' },
  'added-capabilities': { spec: { allowedCapabilities: ['NET_ADMIN'] }, status: 'fail', reason: 'capabilities-allowed' },
  'capabilities-assigned': { spec: { requiredDropCapabilities: ['NET_RAW'] }, status: 'fail', reason: 'all-not-required-drop' },
  'windows-hostprocess': { spec: { privileged: true }, status: 'notApplicable' },
  'hostpath-volumes': { spec: { volumes: ['configMap', 'hostPath'] }, status: 'fail', reason: 'host-path-allowed' },
  'host-ports': { spec: { hostPorts: [{ min: 80, max: 80 }] }, status: 'fail', reason: 'host-ports-allowed' },
  'pss-baseline-enforced': { spec: { privileged: true }, status: 'notApplicable' },
  'privileged-scc-access': { spec: { privileged: true }, status: 'notApplicable' },
};

const PSP_PASS_STATUS: Record<string, string> = {
  'windows-hostprocess': 'notApplicable',
  'pss-baseline-enforced': 'notApplicable',
  'privileged-scc-access': 'notApplicable',
};

const rows = Object.keys(EXPECTED).flatMap((benchmark) => expectedControls(benchmark).map((c) => ({ benchmark, ...c })));

describe('§5 (a) every control of every benchmark on pods', () => {
  it.each(rows)('$benchmark $id ($key): hardened pod', ({ benchmark, id, key }) => {
    const r = evaluatePodControls(hardenedPod(), { benchmark }).find((c) => c.key === key)!;
    expect([r.id, r.status, r.findings]).toEqual([id, POD_PASS_STATUS[key] ?? 'pass', []]);
  });

  it.each(rows)('$benchmark $id ($key): pod that violates it', ({ benchmark, id, key }) => {
    const c = POD_FAIL[key]!;
    const r = evaluatePodControls(c.make(), { benchmark }).find((x) => x.key === key)!;
    expect([r.id, r.status, r.findings.map((f) => f.reason)]).toEqual([id, c.status, c.reason === undefined ? [] : [c.reason]]);
  });

  it.each(Object.keys(EXPECTED))('%s: pod results come in benchmark ID order, only the benchmark\'s controls', (benchmark) => {
    const ids = evaluatePodControls(hardenedPod(), { benchmark }).map((r) => `${r.id} ${r.key} ${String(r.assessment)}`);
    expect(ids).toEqual(expectedControls(benchmark).map((c) => `${c.id} ${c.key} ${String(c.assessment)}`));
  });
});

describe('§5 (b) every control of every benchmark on PSP sets', () => {
  it.each(rows)('$benchmark $id ($key): restrictive PSP set', ({ benchmark, id, key }) => {
    const r = evaluatePolicySet([restrictivePsp()], { benchmark }).find((c) => c.key === key)!;
    const status = PSP_PASS_STATUS[key] ?? 'pass';
    expect([r.id, r.status, r.findings, r.satisfiedBy]).toEqual([id, status, [], status === 'pass' ? ['restricted'] : []]);
  });

  it.each(rows)('$benchmark $id ($key): PSP set that violates it', ({ benchmark, id, key }) => {
    const c = PSP_FAIL[key]!;
    const set: PodSecurityPolicy[] = c.empty === true ? [] : [restrictivePsp('loose', c.spec)];
    const r = evaluatePolicySet(set, { benchmark }).find((x) => x.key === key)!;
    expect([r.id, r.status, r.findings.map((f) => f.reason)]).toEqual([id, c.status, c.reason === undefined ? [] : [c.reason]]);
  });
});
