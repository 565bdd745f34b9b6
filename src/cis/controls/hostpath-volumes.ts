import { DECISION, decisionNote } from '../decisions';
import { decide } from '../context';
import { REASON, quote, policyLabel } from '../reasons';
import type { CisControl, Finding, Note } from '../types';

const REMEDIATION = {
  pod: 'Replace hostPath volumes with another volume type (emptyDir, configMap, a PersistentVolumeClaim, ...).',
  policy:
    'Keep at least one PodSecurityPolicy (each policy, for PSS-era benchmarks) whose spec.volumes lists neither hostPath nor "*", and bind workloads to it.',
};

/** §5.10 (S 5.2.12, S12 5.2.11): hostPath volumes, mounted or not. */
export const hostPathVolumes: CisControl = {
  key: 'hostpath-volumes',
  title: 'Minimize the admission of HostPath volumes',
  remediation: REMEDIATION,
  policyPath: 'spec.volumes',
  quantifier: 'exists',
  evaluatePod(ctx) {
    const findings: Finding[] = [];
    let sawUnmounted = false;
    ctx.spec.volumes?.forEach((v, i) => {
      if (v.hostPath === undefined) return;
      const mountedBy = ctx.containers
        .filter((c) => c.container.volumeMounts?.some((m) => m.name === v.name) === true)
        .map((c) => c.label);
      if (mountedBy.length === 0) sawUnmounted = true;
      findings.push({
        path: `spec.volumes[${i}].hostPath`,
        value: v.hostPath.path,
        reason: REASON.hostPathVolume,
        message:
          `volume ${quote(v.name)} is a hostPath volume for ${quote(v.hostPath.path)}; ` +
          (mountedBy.length === 0 ? 'no container mounts it' : `mounted by ${mountedBy.join(', ')}`),
        remediation: REMEDIATION.pod,
      });
    });
    return decide(findings, sawUnmounted ? [decisionNote(DECISION.hostPathUnmounted)] : []);
  },
  evaluatePolicy(psp) {
    const notes: Note[] = [];
    const volumes = psp.spec.volumes;
    const i = volumes === undefined ? -1 : volumes.findIndex((v) => v === 'hostPath' || v === '*');
    if (i < 0) return decide([]);
    const allowedHostPaths = psp.spec.allowedHostPaths;
    if (allowedHostPaths !== undefined && allowedHostPaths.length > 0) {
      notes.push(
        {
          code: REASON.allowedHostPathsNarrowOnly,
          message: `${policyLabel(psp)} limits hostPath volumes to spec.allowedHostPaths, which narrows the paths but still admits hostPath volumes`,
          path: 'spec.allowedHostPaths',
        },
        decisionNote(DECISION.allowedHostPaths),
      );
    }
    const entry = volumes![i]!;
    return decide(
      [
        {
          path: `spec.volumes[${i}]`,
          value: entry,
          reason: REASON.hostPathAllowed,
          message:
            entry === '*'
              ? `${policyLabel(psp)} allows every volume type, including hostPath (spec.volumes[${i}]="*")`
              : `${policyLabel(psp)} allows hostPath volumes (spec.volumes[${i}]="hostPath")`,
          remediation: REMEDIATION.policy,
        },
      ],
      notes,
    );
  },
};
