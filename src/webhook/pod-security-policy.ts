/**
 * PodSecurityPolicy admission for one review, as the plugin's two phases
 * (plugin/pkg/admission/security/podsecuritypolicy/admission.go, spec psp-admission §3.1, §3.5):
 * the mutating phase (Admit) on CREATE of pods without subresource, the validating phase
 * (Validate) on CREATE and UPDATE. Every policy is usable (there is no authorizer to ask).
 */
import type { PodSecurityPolicy, PodTemplate } from '../k8s/types';
import { admitPod, type AdmissionResult } from '../psp';

/** Admit: mutation allowed, the `kubernetes.io/psp` annotation ignored as a hint. */
export function admitPhase(pod: PodTemplate, policies: readonly PodSecurityPolicy[], podName: string): AdmissionResult {
  return admitPod({ pod, policies: policies as PodSecurityPolicy[], operation: 'CREATE', podName });
}

/**
 * Validate: no mutation allowed, the pod's `kubernetes.io/psp` annotation tried first, denial
 * prefix `unable to validate pod`. The engine models this pass as its UPDATE; on CREATE there is
 * no old pod, so the garbage-collector-only shortcut cannot apply.
 */
export function validatePhase(pod: PodTemplate, oldPod: PodTemplate | undefined, policies: readonly PodSecurityPolicy[], podName: string): AdmissionResult {
  return admitPod({ pod, policies: policies as PodSecurityPolicy[], operation: 'UPDATE', podName, ...(oldPod !== undefined ? { oldPod } : {}) });
}
