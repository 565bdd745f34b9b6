/**
 * Stable reason codes (kebab-case) for findings and advisory notes, plus the few message
 * fragments several controls share. Codes are API: never rename one, add a new one instead.
 */

import { goQuote } from '../k8s/field-error';
import { StringMemo } from '../k8s/string-memo';
import type { ContainerList } from './types';

export const REASON = {
  // Shared by pod and PSP findings: the thing itself is requested / allowed.
  privileged: 'privileged',
  hostPID: 'host-pid',
  hostIPC: 'host-ipc',
  hostNetwork: 'host-network',
  allowPrivilegeEscalation: 'allow-privilege-escalation',

  // §5.4 pod: escalation effectively allowed (notes in audit mode, findings in strict mode).
  escalationUnset: 'escalation-unset',
  escalationForcedByPrivileged: 'escalation-forced-privileged',
  escalationForcedBySysAdmin: 'escalation-forced-sys-admin',

  // §5.5 pod.
  explicitRoot: 'explicit-root',
  unverifiedUser: 'unverified-user',

  // §5.6 / §5.7 / §5.8 pod.
  netRawAdded: 'net-raw-added',
  allCapabilitiesAdded: 'all-capabilities-added',
  netRawNotDropped: 'net-raw-not-dropped',
  nonCanonicalDrop: 'non-canonical-drop',
  capabilitiesAdded: 'capabilities-added',
  allNotDropped: 'all-not-dropped',

  // §5.9 – §5.11 pod.
  hostProcess: 'host-process',
  hostPathVolume: 'host-path-volume',
  hostPort: 'host-port',
  hostPortDefaulted: 'host-port-defaulted',

  // PSP sets (§5 b).
  noPolicies: 'no-policies',
  escalationDefaulted: 'escalation-defaulted',
  runAsAny: 'run-as-any',
  runAsUserRuleMissing: 'run-as-user-rule-missing',
  uidRangesMissing: 'uid-ranges-missing',
  uidRangeIncludesRoot: 'uid-range-includes-root',
  unsupportedRunAsUserRule: 'unsupported-run-as-user-rule',
  netRawNotRequiredDrop: 'net-raw-not-required-drop',
  allNotRequiredDrop: 'all-not-required-drop',
  capabilitiesAllowed: 'capabilities-allowed',
  defaultAddCapabilities: 'default-add-capabilities',
  hostPathAllowed: 'host-path-allowed',
  allowedHostPathsNarrowOnly: 'allowed-host-paths-narrow-only',
  hostPortsAllowed: 'host-ports-allowed',

  // Controls that cannot be decided from the submitted objects.
  cannotBeDecided: 'cannot-be-decided',
  notExpressibleInPsp: 'not-expressible-in-psp',
} as const;

export type ReasonCode = (typeof REASON)[keyof typeof REASON];

/** How messages name the list a container came from (§4.2). */
export const CONTAINER_KIND: Readonly<Record<ContainerList, string>> = {
  initContainers: 'init container',
  containers: 'container',
  ephemeralContainers: 'ephemeral container',
};

/** The PSP's name as reported in verdicts ('' when the object has none). */
export function policyName(psp: { metadata: { name?: string } }): string {
  return psp.metadata.name ?? '';
}

/** Labels remembered per policy name before the memo starts over. */
export const POLICY_LABELS_KEPT = 512;
const POLICY_LABELS = new StringMemo(POLICY_LABELS_KEPT, (name) => `PodSecurityPolicy ${quote(name)}`);

/**
 * `PodSecurityPolicy "restricted"`: how messages name a policy. Remembered per name: every failing
 * control of every policy names it (quoting it and building the label was ~15 % of a policy set's
 * evaluation).
 */
export function policyLabel(psp: { metadata: { name?: string } }): string {
  return POLICY_LABELS.get(policyName(psp));
}

/** Plain printable ASCII without quotes or backslashes: Go's %q just wraps it. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * Go's %q (goQuote), with a fast path for the common case: goQuote tests every character with a
 * Unicode regex, which costs microseconds per name on every container label and message.
 */
export function quote(s: string): string {
  return PLAIN_ASCII.test(s) ? `"${s}"` : goQuote(s);
}

/** `["NET_ADMIN", "SYS_TIME"]`, strings quoted as Go's %q does. */
export function quotedList(xs: readonly string[]): string {
  return `[${xs.map(quote).join(', ')}]`;
}

