/** PSP annotations that act as policy fields (§1.1), and the field path prefix they are reported under. */
export const PSP_ANNOTATION = {
  appArmorDefault: 'apparmor.security.beta.kubernetes.io/defaultProfileName',
  appArmorAllowed: 'apparmor.security.beta.kubernetes.io/allowedProfileNames',
  seccompDefault: 'seccomp.security.alpha.kubernetes.io/defaultProfileName',
  seccompAllowed: 'seccomp.security.alpha.kubernetes.io/allowedProfileNames',
} as const;

/** fldPath.Key(k) under metadata.annotations. */
export function annotationPath(key: string): string {
  return `metadata.annotations[${key}]`;
}
