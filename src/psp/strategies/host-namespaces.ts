/**
 * Host namespace checks (§5.3). The internal pod keeps hostNetwork/hostPID/hostIPC in the pod
 * security context, hence the `spec.securityContext.*` paths (§2.2).
 */
import { goValue } from '../../k8s/field-error';
import type { PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError, PATH } from '../fields';
import type { PspStrategy, PspViolation } from '../types';

type HostNamespace = 'hostNetwork' | 'hostPID' | 'hostIPC';

const HOST_NAMESPACE_DETAIL: Record<HostNamespace, string> = {
  hostNetwork: 'Host network is not allowed to be used',
  hostPID: 'Host PID is not allowed to be used',
  hostIPC: 'Host IPC is not allowed to be used',
};

export function validateHostNamespace(ns: HostNamespace, pod: PodTemplate, errs: PspViolation[]): void {
  if (pod.spec[ns] === true) errs.push(fieldError.invalid(PATH[ns], goValue.bool(true), HOST_NAMESPACE_DETAIL[ns]));
}

function hostNamespaceCheck(ns: HostNamespace): PspStrategy<HostNamespace> {
  return {
    id: ns,
    compile: (psp: PodSecurityPolicy) => (psp.spec[ns] === true ? undefined : ns),
    validatePod: validateHostNamespace,
  };
}

export const HOST_NETWORK = hostNamespaceCheck('hostNetwork');
export const HOST_PID = hostNamespaceCheck('hostPID');
export const HOST_IPC = hostNamespaceCheck('hostIPC');
