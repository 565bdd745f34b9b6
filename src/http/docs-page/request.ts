/**
 * What the "Try it" form sends, as pure functions: the URL, the equivalent curl command and the
 * pretty-printed answer. No DOM: unit-tested in workerd and bundled into the page.
 */

export type NameValue = readonly [name: string, value: string];

export interface TryRequest {
  method: string;
  /** Absolute URL, query included. */
  url: string;
  headers: readonly NameValue[];
  /** The request has a body; curl reads it from a file named after its media type. */
  contentType?: string;
}

/** POSIX shell single-quoting: the only character that needs care inside '...' is ' itself. */
export function shellQuote(s: string): string {
  return "'" + s.replace(/'/g, "'\\''") + "'";
}

// Media type → file extension for the curl `--data-binary @file.<ext>` argument.
const BODY_FILE_EXTENSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[/+]json$/, 'json'],
  [/[/+](x-)?yaml$/, 'yaml'],
];

export function bodyFileName(contentType: string): string {
  const essence = mediaTypeEssence(contentType);
  for (const [pattern, ext] of BODY_FILE_EXTENSIONS) if (pattern.test(essence)) return `file.${ext}`;
  return 'file.txt';
}

/** `application/yaml; charset=utf-8` → `application/yaml`. */
export function mediaTypeEssence(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * `curl -sS -X POST 'http://host/v1/...' -H 'content-type: application/yaml' --data-binary @file.yaml`.
 * GET is curl's default method, so it is not spelled out.
 */
export function curlCommand(req: TryRequest): string {
  const parts = ['curl -sS'];
  const method = req.method.toUpperCase();
  if (method !== 'GET') parts.push(`-X ${method}`);
  parts.push(shellQuote(req.url));
  for (const [name, value] of req.headers) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (req.contentType !== undefined) {
    parts.push(`-H ${shellQuote(`content-type: ${req.contentType}`)}`);
    parts.push(`--data-binary @${bodyFileName(req.contentType)}`);
  }
  return parts.join(' ');
}

/**
 * The request URL: `{name}` path templates filled (percent-encoded), then the query parameters
 * that have a value, in the order given. An empty value means "unset" and is left out.
 */
export function buildUrl(origin: string, pathTemplate: string, pathParams: readonly NameValue[], query: readonly NameValue[]): string {
  let path = pathTemplate;
  for (const [name, value] of pathParams) path = path.split(`{${name}}`).join(encodeURIComponent(value));
  const pairs: string[] = [];
  for (const [name, value] of query) if (value !== '') pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return origin + path + (pairs.length > 0 ? `?${pairs.join('&')}` : '');
}

/** JSON media types (`application/json`, `application/problem+json`, ...). */
export function isJsonMediaType(contentType: string): boolean {
  const essence = mediaTypeEssence(contentType);
  return essence === 'application/json' || essence.endsWith('+json');
}

/** The answer's body for display: JSON re-indented by two spaces, anything else as received. */
export function prettyBody(text: string, contentType: string | null): string {
  if (contentType === null || !isJsonMediaType(contentType)) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** An example value as the text a user would send: strings verbatim (YAML), the rest as JSON. */
export function exampleText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
