/** readOnlyRootFilesystem (§4.2 step 7, §5.10): when required, unset becomes true; false is rejected. */
import { goValue } from '../../k8s/field-error';
import type { Container, PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError } from '../fields';
import type { PodDraft } from '../pod-draft';
import type { ContainerKind, PspStrategy, PspViolation } from '../types';

export function compileReadOnlyRootFilesystem(psp: PodSecurityPolicy): true | undefined {
  return psp.spec.readOnlyRootFilesystem === true ? true : undefined;
}

export function applyReadOnlyRootFilesystem(_: true, draft: PodDraft, kind: ContainerKind, index: number): void {
  if (draft.container(kind, index).securityContext?.readOnlyRootFilesystem !== undefined) return;
  draft.writableContainerSecurityContext(kind, index).readOnlyRootFilesystem = true;
}

export function validateReadOnlyRootFilesystem(_: true, _pod: PodTemplate, c: Container, path: string, errs: PspViolation[]): void {
  const ro = c.securityContext?.readOnlyRootFilesystem;
  const field = `${path}.securityContext.readOnlyRootFilesystem`;
  if (ro === undefined) errs.push(fieldError.invalid(field, goValue.nil(), 'ReadOnlyRootFilesystem may not be nil and must be set to true'));
  else if (!ro) errs.push(fieldError.invalid(field, goValue.bool(false), 'ReadOnlyRootFilesystem must be set to true'));
}

export const READ_ONLY_ROOT_FILESYSTEM: PspStrategy<true> = {
  id: 'readOnlyRootFilesystem',
  compile: compileReadOnlyRootFilesystem,
  mutateContainer: applyReadOnlyRootFilesystem,
  validateContainer: validateReadOnlyRootFilesystem,
};
