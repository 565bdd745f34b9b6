/** The manifest reader shared by every endpoint. */
export type { MediaKind } from './media-type';
export { mediaKindOf } from './media-type';
export type { ReadLimits } from './limits';
export { DEFAULT_READ_LIMITS } from './limits';
export { IngestError, PROBLEMS, type IngestProblem, type IngestStatus } from './errors';
export {
  readManifests,
  readObject,
  type Manifests,
  type ObjectRef,
  type ObjectCategory,
  type PodBearingObject,
  type PolicyObject,
  type SkippedObject,
  type ReadObjectOptions,
  type ReadObjectResult,
} from './read';
export { checkNestingDepth, type NestingCheck } from './nesting';
export { POD_BEARING_KINDS, POLICY_API_VERSIONS, SKIP_REASONS } from './kinds';
