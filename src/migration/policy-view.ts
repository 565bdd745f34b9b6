/** Reading a PodSecurityPolicy once into the shape the migration rules share. */
import type { PodSecurityPolicy } from '../k8s/types';
import { defaultPodSecurityPolicy } from '../psp';
import { ANNOTATION } from '../psp/fields';
import type { PolicyView } from './types';

/** Split on `,` without trimming (the PSP seccomp and AppArmor strategies do the same). */
function splitList(text: string | undefined): readonly string[] | undefined {
  return text === undefined ? undefined : text.split(',');
}

/** The defaulted policy (§1.3: absent allowPrivilegeEscalation = true) plus its annotation fields. */
export function viewPolicy(psp: PodSecurityPolicy): PolicyView {
  const defaulted = defaultPodSecurityPolicy(psp);
  const annotations = psp.metadata.annotations;
  const seccompAllowedText = annotations?.[ANNOTATION.seccompAllowed];
  const appArmorAllowedText = annotations?.[ANNOTATION.appArmorAllowed];
  return {
    name: psp.metadata.name ?? '',
    spec: defaulted.spec,
    allowPrivilegeEscalationSet: psp.spec.allowPrivilegeEscalation !== undefined,
    seccompAllowedText,
    seccompAllowed: splitList(seccompAllowedText),
    seccompDefault: annotations?.[ANNOTATION.seccompDefault],
    appArmorAllowedText,
    appArmorAllowed: splitList(appArmorAllowedText),
    appArmorDefault: annotations?.[ANNOTATION.appArmorDefault],
  };
}
