/**
 * Every point the CIS spec (cis-5.2.md) leaves open, as this engine decided it. Controls attach
 * the matching entry as a note where the decision changed or explained their result, so a
 * response is self-explaining; the README lists DECISIONS whole.
 */

import type { Note } from './types';

export const DECISION = {
  containerScope: 'decision-container-scope',
  capabilityGrantSpelling: 'decision-capability-grant-spelling',
  capabilityDropSpelling: 'decision-capability-drop-spelling',
  netRawRuntimeDefault: 'decision-net-raw-runtime-default',
  netRawAddDespiteDrop: 'decision-net-raw-add-despite-drop',
  escalationAuditParity: 'decision-escalation-audit-parity',
  escalationForced: 'decision-escalation-forced',
  pspEscalationDefault: 'decision-psp-escalation-default',
  rootUnverifiedUser: 'decision-root-unverified-user',
  rootWindows: 'decision-root-windows',
  rootHostUsers: 'decision-root-host-users',
  hostNamespaceFalse: 'decision-host-namespace-false',
  hostPathUnmounted: 'decision-hostpath-unmounted',
  hostPortDefaulting: 'decision-host-port-defaulting',
  quantifier: 'decision-quantifier',
  emptyPolicySet: 'decision-empty-policy-set',
  policyMechanismPod: 'decision-policy-mechanism-pod',
  policyMechanismPsp: 'decision-policy-mechanism-psp',
  pssBaselinePod: 'decision-pss-baseline-pod',
  notExpressibleInPsp: 'decision-not-expressible-in-psp',
  sccAccess: 'decision-scc-access',
  allowedHostPaths: 'decision-allowed-host-paths',
  defaultAddCapabilities: 'decision-default-add-capabilities',
  assessmentSource: 'decision-assessment-source',
} as const;

export type DecisionCode = (typeof DECISION)[keyof typeof DECISION];

/**
 * Each decision's text (what answers carry: plain printable ASCII, see below) and the section of
 * the behaviour spec (cis-5.2.md) that leaves the point open, which the README lists beside it.
 *
 * ASCII because workerd turns an answer into bytes by a straight copy when every character is
 * ASCII and character by character from the first one that is not: one `§` in these texts, which
 * nearly every evaluation answer carries, cost ~1 ms of CPU on the 1.26 MB answer of the bench's
 * large request and ~0.1 ms on its reference request (docs/performance.md, round 11).
 */
const DECISION_POINTS: Readonly<Record<DecisionCode, { readonly spec: string; readonly text: string }>> = {
  [DECISION.containerScope]: {
    spec: '§4.2',
    text: 'init, regular and ephemeral containers are all evaluated by default (CIS impact text, Pod Security Admission); containerScope=containers evaluates spec.containers[] only, as kube-bench does.',
  },
  [DECISION.capabilityGrantSpelling]: {
    spec: '§4.4',
    text: 'capabilities.add entries are canonicalised (trimmed, upper-cased, CAP_ prefix stripped), so net_raw, NET_RAW and CAP_NET_RAW all grant NET_RAW and "all" grants every capability.',
  },
  [DECISION.capabilityDropSpelling]: {
    spec: '§4.4',
    text: 'a capabilities.drop entry is credited only when its upper-cased spelling is exactly ALL or the capability name without CAP_; a CAP_-prefixed drop such as CAP_NET_RAW is not credited (runtimes add the prefix themselves, so it drops nothing) and is reported as a non-canonical-drop note.',
  },
  [DECISION.netRawRuntimeDefault]: {
    spec: '§5.6/§6.11',
    text: 'NET_RAW is assumed granted unless dropped (Docker and containerd grant it by default).',
  },
  [DECISION.netRawAddDespiteDrop]: {
    spec: '§5.6',
    text: 'a container that adds NET_RAW or ALL fails even when it also drops it: the manifest still asks for the capability.',
  },
  [DECISION.escalationAuditParity]: {
    spec: '§5.4/§6.2',
    text: 'by default only allowPrivilegeEscalation: true fails (kube-bench and EKS/AKS audit parity); an unset value is reported as a note because Kubernetes allows escalation by default. privilegeEscalation=strict makes it a failure, as Pod Security restricted does.',
  },
  [DECISION.escalationForced]: {
    spec: '§5.4',
    text: 'privileged: true, or SYS_ADMIN (or ALL) in capabilities.add, forces escalation on; reported as a note by default and as a failure with privilegeEscalation=strict.',
  },
  [DECISION.pspEscalationDefault]: {
    spec: '§5.4/§6.1',
    text: 'an omitted PSP spec.allowPrivilegeEscalation is treated as true, because the API defaults it to true and the CIS audit reads the stored value (the CIS remediation text and rke-cis-1.24 count omitted as compliant).',
  },
  [DECISION.rootUnverifiedUser]: {
    spec: '§5.5/§6.3',
    text: 'a container with neither a runAsUser nor runAsNonRoot: true (own or inherited from the pod) fails as unverified-user, since it runs as the image USER; rootRule=explicitOnly fails only an explicit runAsUser: 0 and reports unverified users as notes.',
  },
  [DECISION.rootWindows]: {
    spec: '§5.5',
    text: 'for pods with spec.os.name: windows the root control is notApplicable (UID fields do not apply); windowsOptions.runAsUserName is not interpreted.',
  },
  [DECISION.rootHostUsers]: {
    spec: '§5.5',
    text: 'spec.hostUsers: false (user namespaces) maps UID 0 to an unprivileged host UID; CIS says nothing about it, so the result is kept and this note added.',
  },
  [DECISION.hostNamespaceFalse]: {
    spec: '§5.3/§6.7',
    text: 'an explicit hostPID/hostIPC/hostNetwork: false passes (kube-bench 1.10+ flags any non-empty value; not copied).',
  },
  [DECISION.hostPathUnmounted]: {
    spec: '§5.10',
    text: 'a declared hostPath volume fails even when no container mounts it, as admission policies do.',
  },
  [DECISION.hostPortDefaulting]: {
    spec: '§5.11',
    text: 'for kind Pod (isPod) with hostNetwork: true, the API server default hostPort = containerPort (containers and initContainers, Kubernetes 1.28+) is emulated, so such ports fail host-ports; pod templates are not defaulted and are left to host-network.',
  },
  [DECISION.quantifier]: {
    spec: '§5',
    text: 'PSP sets use the PSP-era quantifiers by default, whatever the benchmark (PSP objects only matter on PSP-era clusters): "at least one PSP satisfies" for every control except added-capabilities, which is "no PSP violates". quantifier=all applies "each policy" (the PSS-era wording) to every control. Per-PSP verdicts are always returned.',
  },
  [DECISION.emptyPolicySet]: {
    spec: '§5',
    text: 'with no PodSecurityPolicy supplied, every control that PSPs can express fails with reason no-policies (no vacuous pass for "no PSP violates": by default no PSPs exist, so nothing is restricted).',
  },
  [DECISION.policyMechanismPod]: {
    spec: '§5.1',
    text: 'whether a policy control mechanism covers every namespace cannot be known from one pod: manual.',
  },
  [DECISION.policyMechanismPsp]: {
    spec: '§5.1',
    text: 'a supplied PSP counts as a policy mechanism; PSP was removed in Kubernetes 1.25, so on newer clusters it cannot be the active mechanism.',
  },
  [DECISION.pssBaselinePod]: {
    spec: '§5.12',
    text: 'whether every namespace enforces Pod Security baseline or stricter cannot be known from one pod: manual. The engine attaches no PSS evidence; the PSS endpoint evaluates the pod.',
  },
  [DECISION.notExpressibleInPsp]: {
    spec: '§5.9/§5.12/§5.13',
    text: 'PSPs have no field for Windows HostProcess, namespace PSS labels or SCC access: notApplicable for PSP sets.',
  },
  [DECISION.sccAccess]: {
    spec: '§5.13',
    text: 'access to privileged Security Context Constraints is an RBAC/SCC question that neither a pod spec nor a PSP answers: notApplicable.',
  },
  [DECISION.allowedHostPaths]: {
    spec: '§5.10',
    text: 'PSP allowedHostPaths only narrows the paths of allowed hostPath volumes; it does not satisfy the control and is reported as a note.',
  },
  [DECISION.defaultAddCapabilities]: {
    spec: '§5.7',
    text: 'a non-empty PSP defaultAddCapabilities is reported as a note (OpenShift audits check it, CIS does not); it does not change the result.',
  },
  [DECISION.assessmentSource]: {
    spec: '§2.3',
    text: 'assessment is the CIS status from the control title marker (Scored/Not Scored up to 1.5.x, Automated/Manual from 1.6.0), not whether kube-bench automates the check. Controls CIS marks Manual are still computed when the submitted objects decide them.',
  },
};

/** Every decision point, in a stable order (for the README and responses). */
export const DECISIONS: readonly Note[] = Object.freeze(
  (Object.keys(DECISION_POINTS) as DecisionCode[]).map((code) =>
    Object.freeze({ code, message: DECISION_POINTS[code].text }),
  ),
);

/** The section of the behaviour spec (cis-5.2.md) a decision point comes from, as the README cites it. */
export function decisionSpecSection(code: DecisionCode): string {
  return DECISION_POINTS[code].spec;
}

/** The note a control attaches where a decision applied. */
export function decisionNote(code: DecisionCode, at?: { path?: string; container?: string }): Note {
  const note: Note = { code, message: DECISION_POINTS[code].text };
  if (at?.path !== undefined) note.path = at.path;
  if (at?.container !== undefined) note.container = at.container;
  return note;
}
