export type MediaKind = 'json' | 'yaml';

const YAML_TYPES: ReadonlySet<string> = new Set([
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
]);

/**
 * Maps a Content-Type header to the reader to use; null = unsupported (415). Parameters such as
 * `charset=utf-8` are ignored; type and subtype are case-insensitive (RFC 9110 §8.3.1).
 */
export function mediaKindOf(contentType: string | null): MediaKind | null {
  if (contentType === null) return null;
  const semi = contentType.indexOf(';');
  const essence = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  if (essence === 'application/json') return 'json';
  if (essence.startsWith('application/') && essence.endsWith('+json') && essence.length > 17) return 'json';
  if (YAML_TYPES.has(essence)) return 'yaml';
  return null;
}
