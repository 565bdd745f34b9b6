/**
 * `spec.<list>[<index>]`, a container's field path (the PSP validators' container paths).
 */

/** The pod spec's container lists. */
export type ContainerListKey = 'initContainers' | 'containers' | 'ephemeralContainers';

/** Paths kept per list, for indexes below this. */
const KEPT = 128;
const PATHS: Readonly<Record<ContainerListKey, string[]>> = { initContainers: [], containers: [], ephemeralContainers: [] };

/**
 * Made once per list and index (a constant string, so sharing it cannot change a result) by join,
 * which gives one flat string: validators build on it per policy × container, and every message,
 * reason and serialisation that includes it then copies one piece instead of walking a fresh
 * concatenation.
 */
export function containerPath(list: ContainerListKey, index: number): string {
  if (index >= KEPT) return `spec.${list}[${index}]`;
  const paths = PATHS[list];
  return (paths[index] ??= ['spec.', list, '[', String(index), ']'].join(''));
}
