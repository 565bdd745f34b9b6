import { DECISION, decisionNote } from '../decisions';
import { decide } from '../context';
import { REASON, policyLabel } from '../reasons';
import type { CisControl, ContainerList, Finding, Note } from '../types';

const REMEDIATION = {
  pod: 'Remove hostPort from the container ports (expose the workload through a Service instead), and do not use hostNetwork.',
  policy:
    'Keep at least one PodSecurityPolicy (each policy, for PSS-era benchmarks) with spec.hostPorts omitted or empty, and bind workloads to it.',
};

/**
 * Lists the API server fills hostPort in for a Pod with hostNetwork (SetDefaults_Pod →
 * defaultHostNetworkPorts, Kubernetes 1.28+; verified in pkg/apis/core/v1/defaults.go): containers
 * and initContainers, not ephemeral containers (which may not declare ports).
 */
const HOST_NETWORK_DEFAULTED: ReadonlySet<ContainerList> = new Set<ContainerList>(['initContainers', 'containers']);

/** §5.11 (S 5.2.13, S12 5.2.12): container ports with a hostPort. */
export const hostPorts: CisControl = {
  key: 'host-ports',
  title: 'Minimize the admission of containers which use HostPorts',
  remediation: REMEDIATION,
  policyPath: 'spec.hostPorts',
  quantifier: 'exists',
  evaluatePod(ctx) {
    const findings: Finding[] = [];
    const notes: Note[] = [];
    const defaulting = ctx.opts.isPod && ctx.spec.hostNetwork === true;
    for (const c of ctx.containers) {
      c.container.ports?.forEach((p, j) => {
        const path = `${c.path}.ports[${j}].hostPort`;
        if (p.hostPort !== undefined && p.hostPort !== 0) {
          findings.push({
            path,
            container: c.container.name,
            value: p.hostPort,
            reason: REASON.hostPort,
            message: `${c.label} uses hostPort ${p.hostPort}`,
            remediation: REMEDIATION.pod,
          });
        } else if (defaulting && HOST_NETWORK_DEFAULTED.has(c.list) && p.containerPort !== undefined && p.containerPort !== 0) {
          findings.push({
            path,
            container: c.container.name,
            value: p.containerPort,
            reason: REASON.hostPortDefaulted,
            message: `${c.label} gets hostPort ${p.containerPort}: the API server sets hostPort to containerPort for pods with hostNetwork: true`,
            remediation: REMEDIATION.pod,
          });
        }
      });
    }
    if (ctx.spec.hostNetwork === true) notes.push(decisionNote(DECISION.hostPortDefaulting, { path: 'spec.hostNetwork' }));
    return decide(findings, notes);
  },
  evaluatePolicy(psp) {
    const ranges = psp.spec.hostPorts;
    if (ranges === undefined || ranges.length === 0) return decide([]);
    const list = ranges.map((r) => `${r.min}-${r.max}`).join(', ');
    return decide([
      {
        path: 'spec.hostPorts',
        value: ranges,
        reason: REASON.hostPortsAllowed,
        message: `${policyLabel(psp)} allows host ports ${list} (spec.hostPorts)`,
        remediation: REMEDIATION.policy,
      },
    ]);
  },
};
