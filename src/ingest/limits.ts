export interface ReadLimits {
  /** Collection nesting (root = 1), checked on the text before parsing. Real manifests reach ~35 (CRDs). */
  maxDepth: number;
  /** Objects after List expansion, including skipped ones. */
  maxObjects: number;
  /** The `yaml` package's alias budget (uses x nested aliases per anchor); 0 forbids aliases. */
  maxAliasCount: number;
  /** initContainers + containers + ephemeralContainers of one pod. */
  maxContainers: number;
  /** Any string (or key) inside a pod-bearing object or PodSecurityPolicy, in UTF-16 units. */
  maxStringLength: number;
}

/**
 * Defaults. The real-world corpus needs depth 35, at most a few dozen aliases per anchor, and no
 * string near 64 KiB inside a pod or policy (the big strings are ConfigMap data, which is skipped
 * and never walked). Kubernetes caps all annotations together at 256 KiB; a single string past
 * 64 KiB in a pod spec is not something the engines need to read.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = Object.freeze({
  maxDepth: 64,
  maxObjects: 1000,
  maxAliasCount: 100,
  maxContainers: 100,
  maxStringLength: 65536,
});

export function resolveLimits(limits: Partial<ReadLimits> | undefined): ReadLimits {
  return limits === undefined ? DEFAULT_READ_LIMITS : { ...DEFAULT_READ_LIMITS, ...limits };
}
