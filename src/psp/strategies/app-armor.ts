/**
 * AppArmor strategy (§4.2 step 4, §5.14; apparmor/strategy.go), driven by the PSP annotations.
 * Profiles live in pod annotations `container.apparmor.security.beta.kubernetes.io/<name>`.
 */
import { goQuote } from '../../k8s/field-error';
import type { Container, PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { appArmorContainerKey } from '../container-annotation-keys';
import { ANNOTATION, annotationPath, fieldError } from '../fields';
import type { PodDraft } from '../pod-draft';
import type { ContainerKind, PspStrategy, PspViolation } from '../types';

export interface AppArmorPolicy {
  defaultProfile: string;
  /** undefined = no allow-list annotation = unrestricted. Split on `,` without trimming. */
  allowed: ReadonlySet<string> | undefined;
  /** The raw annotation value, printed in errors. */
  allowedText: string;
}

export function compileAppArmorStrategy(psp: PodSecurityPolicy): AppArmorPolicy | undefined {
  const annotations = psp.metadata.annotations;
  const defaultProfile = annotations?.[ANNOTATION.appArmorDefault] ?? '';
  const allowedText = annotations?.[ANNOTATION.appArmorAllowed];
  if (defaultProfile === '' && allowedText === undefined) return undefined;
  return {
    defaultProfile,
    allowed: allowedText === undefined ? undefined : new Set(allowedText.split(',')),
    allowedText: allowedText ?? '',
  };
}

export function applyAppArmorStrategy(s: AppArmorPolicy, draft: PodDraft, kind: ContainerKind, index: number): void {
  if (s.defaultProfile === '') return;
  const key = appArmorContainerKey(draft.container(kind, index).name);
  const current = draft.annotation(key);
  if (current !== undefined && current !== '') return;
  draft.setAnnotation(key, s.defaultProfile);
}

export function validateAppArmor(s: AppArmorPolicy, pod: PodTemplate, c: Container, _path: string, errs: PspViolation[]): void {
  if (s.allowed === undefined) return;
  const key = appArmorContainerKey(c.name);
  const profile = pod.metadata.annotations?.[key] ?? '';
  if (profile === '') {
    if (s.allowed.size > 0) errs.push(fieldError.forbidden(annotationPath(key), 'AppArmor profile must be set'));
    return;
  }
  if (!s.allowed.has(profile)) {
    errs.push(fieldError.forbidden(annotationPath(key), `${profile} is not an allowed profile. Allowed values: ${goQuote(s.allowedText)}`));
  }
}

export const APP_ARMOR: PspStrategy<AppArmorPolicy> = {
  id: 'appArmor',
  compile: compileAppArmorStrategy,
  mutateContainer: applyAppArmorStrategy,
  validateContainer: validateAppArmor,
};
