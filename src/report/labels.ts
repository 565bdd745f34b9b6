/** How reports name objects and places in the source, shared by the text, SARIF and JUnit formats. */
import type { ObjectRef } from '../ingest';

/** `Deployment/shop/web`, `PodSecurityPolicy/restricted`; missing parts as `?`. */
export function objectLabel(ref: ObjectRef): string {
  const kind = ref.kind ?? '?';
  const name = ref.name ?? '?';
  return ref.namespace === null ? `${kind}/${name}` : `${kind}/${ref.namespace}/${name}`;
}

/** `manifest.yaml:12` when the line is known (YAML bodies), else `manifest.json`. */
export function sourceLocation(source: string, ref: ObjectRef): string {
  return ref.line === undefined ? source : `${source}:${ref.line}`;
}
