/**
 * Which PodSecurityPolicy field (strategy) produced a violation, from the violation's field path.
 * The admission engine reports Kubernetes' exact field errors, which do not name the strategy, so
 * the path is the only key. Paths are those of pkg/security/podsecuritypolicy (spec
 * psp-admission.md §5, including the odd ones: host namespaces under `spec.securityContext`,
 * runAsGroup at `<container>.securityContext`, sysctls and annotations with a `pod.` prefix).
 * First match wins; order matters where patterns overlap.
 */
import type { RuleId } from './severity';

const CONTAINER = String.raw`spec\.(?:initContainers|containers|ephemeralContainers)\[\d+\]`;

// prettier-ignore
const PSP_RULE_PATTERNS: ReadonlyArray<readonly [RegExp, RuleId]> = [
  [/\.securityContext\.privileged$/, 'psp/privileged'],
  [/^spec\.securityContext\.hostNetwork$/, 'psp/hostNetwork'],
  [/^spec\.securityContext\.hostPID$/, 'psp/hostPID'],
  [/^spec\.securityContext\.hostIPC$/, 'psp/hostIPC'],
  [/\.hostPort$/, 'psp/hostPorts'],
  [/\.securityContext\.(?:runAsUser|runAsNonRoot)$/, 'psp/runAsUser'],
  [new RegExp(`^${CONTAINER}\\.securityContext$`), 'psp/runAsGroup'],
  [/^spec\.securityContext\.fsGroup$/, 'psp/fsGroup'],
  [/^spec\.securityContext\.supplementalGroups$/, 'psp/supplementalGroups'],
  [/\.securityContext\.capabilities\.add$/, 'psp/allowedCapabilities'],
  [/\.securityContext\.capabilities(?:\.drop)?$/, 'psp/requiredDropCapabilities'],
  [/\.securityContext\.allowPrivilegeEscalation$/, 'psp/allowPrivilegeEscalation'],
  [/\.securityContext\.readOnlyRootFilesystem$/, 'psp/readOnlyRootFilesystem'],
  [/\.securityContext\.procMount$/, 'psp/allowedProcMountTypes'],
  [/\.seLinuxOptions(?:\.[a-z]+)?$/, 'psp/seLinux'],
  [/^pod\.metadata\.annotations\[(?:container\.)?seccomp\./, 'psp/seccomp'],
  [/^pod\.metadata\.annotations\[(?:container\.)?apparmor\./, 'psp/appArmor'],
  [/^pod\.spec\.securityContext\.sysctls/, 'psp/sysctls'],
  [/^spec\.runtimeClassName$/, 'psp/runtimeClass'],
  [/^spec\.volumes\[\d+\]\.hostPath\.pathPrefix$/, 'psp/allowedHostPaths'],
  [new RegExp(`^${CONTAINER}\\.volumeMounts\\[\\d+\\]\\.readOnly$`), 'psp/allowedHostPaths'],
  [/^spec\.volumes\[\d+\]\.driver$/, 'psp/allowedFlexVolumes'],
  [/^spec\.volumes\[\d+\]\.csi\.driver$/, 'psp/allowedCSIDrivers'],
  [/^spec\.volumes\[\d+\]$/, 'psp/volumes'],
];

/** A denial without field errors (no usable policy, every provider failed). */
export const PSP_ADMISSION_RULE: RuleId = 'psp/admission';

/**
 * Field path → rule, remembered: a report repeats the same few paths (one per container and
 * strategy) for every policy, and trying up to 24 patterns per violation was 2% of a request.
 * Safe to share across requests: a pure function of the string, and the values are strings.
 */
const ruleByField = new Map<string, RuleId>();
const RULE_CACHE_SIZE = 1024;

export function pspRuleOf(field: string): RuleId {
  let rule = ruleByField.get(field);
  if (rule === undefined) {
    rule = matchPspRule(field);
    if (ruleByField.size >= RULE_CACHE_SIZE) ruleByField.clear();
    ruleByField.set(field, rule);
  }
  return rule;
}

function matchPspRule(field: string): RuleId {
  for (const [pattern, rule] of PSP_RULE_PATTERNS) if (pattern.test(field)) return rule;
  return PSP_ADMISSION_RULE;
}

/** Every PSP rule, for the SARIF rule list and JUnit test cases (table order, no duplicates). */
export const PSP_RULES: readonly RuleId[] = [...new Set([...PSP_RULE_PATTERNS.map(([, r]) => r), PSP_ADMISSION_RULE])];
