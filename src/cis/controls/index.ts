/**
 * The one registry of CIS 5.2 / 4.2 controls, keyed by canonical key (spec §2). Benchmark IDs and
 * assessment markers live in ../benchmarks; adding a control = one file here and one row there.
 */

import type { CanonicalKey, CisControl } from '../types';
import { addedCapabilities } from './added-capabilities';
import { allowPrivilegeEscalation } from './allow-privilege-escalation';
import { capabilitiesAssigned } from './capabilities-assigned';
import { hostIPC } from './host-ipc';
import { hostNetwork } from './host-network';
import { hostPID } from './host-pid';
import { hostPathVolumes } from './hostpath-volumes';
import { hostPorts } from './host-ports';
import { netRaw } from './net-raw';
import { pssBaselineEnforced } from './pss-baseline-enforced';
import { policyMechanism } from './policy-mechanism';
import { privileged } from './privileged';
import { privilegedSccAccess } from './privileged-scc-access';
import { root } from './root';
import { windowsHostProcess } from './windows-hostprocess';

export const CONTROLS: Readonly<Record<CanonicalKey, CisControl>> = {
  'policy-mechanism': policyMechanism,
  privileged,
  'host-pid': hostPID,
  'host-ipc': hostIPC,
  'host-network': hostNetwork,
  'allow-privilege-escalation': allowPrivilegeEscalation,
  root,
  'net-raw': netRaw,
  'added-capabilities': addedCapabilities,
  'capabilities-assigned': capabilitiesAssigned,
  'windows-hostprocess': windowsHostProcess,
  'hostpath-volumes': hostPathVolumes,
  'host-ports': hostPorts,
  'pss-baseline-enforced': pssBaselineEnforced,
  'privileged-scc-access': privilegedSccAccess,
};
