/**
 * Pod Security Standards engine: the policy of Kubernetes' k8s.io/pod-security-admission library
 * (kubernetes/pod-security-admission at 8f84a87c, policy versions v1.0 … v1.37), re-implemented
 * as pure functions (spec: pod-security-standards.md). Version handling: invalid versions are
 * rejected (parsePssVersion / RangeError), `latest` and newer versions are evaluated as
 * PSS_MAX_VERSION while messages keep the requested string.
 */
export type { PssLevel } from './types';
export type { PssForbidden, PssEvaluation, PssEvaluateOptions } from './evaluate';
export {
  PSS_LEVELS,
  parsePssVersion,
  resolvePssVersion,
  evaluatePss,
  minimumPssLevel,
  aggregateForbidden,
  forbiddenSummary,
  isPssLevel,
} from './evaluate';
export type { PssCheckInfo } from './registry';
export { PSS_CHECKS } from './registry';
export { PSS_MAX_VERSION } from './version';
