/**
 * PodSecurityPolicy admission engine: PSP admission exactly as the 1.21–1.24 apiserver did it
 * (spec: shared/spec/psp-admission.md). Pure TypeScript, no I/O.
 */
export type { FieldErrorType } from '../k8s/field-error';
export type { PspViolation, PolicyEvaluation, JsonPatchOp, AdmissionInput, AdmissionResult } from './types';
export { admitPod, podNameFromMetadata, rejectionText } from './admit';
export { defaultPodSecurityPolicy } from './policy-defaults';
export { EXAMPLE_POLICIES } from './example-policies';
