import { IngestError, readManifests, type MediaKind } from '../../src/ingest';

/** Runs the reader and returns the IngestError it throws (fails the test on success or any other throw). */
export function ingestErrorOf(text: string, format: MediaKind = 'yaml', limits?: Parameters<typeof readManifests>[2]): IngestError {
  try {
    readManifests(text, format, limits);
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw new Error(`expected an IngestError, got ${String(e)}`);
  }
  throw new Error('expected an IngestError, but the body was read');
}

/** The pod spec of the only pod-bearing object in a YAML body. */
export function onlyPodSpec(text: string): Record<string, unknown> {
  const m = readManifests(text, 'yaml');
  if (m.pods.length !== 1) throw new Error(`expected one pod, got ${m.pods.length}`);
  return m.pods[0]!.template.spec as Record<string, unknown>;
}

export function pod(specYaml: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${specYaml}`;
}
