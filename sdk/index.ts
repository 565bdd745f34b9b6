/**
 * The podsec client: openapi-fetch over the types openapi-typescript generates from the API
 * document (sdk/schema.d.ts, `npm run sdk`). Every path, query parameter, body and response is
 * typed from openapi/openapi.json, so a route the document misdescribes fails to compile here, and
 * fails test/e2e/sdk.test.ts at run time.
 *
 *   const podsec = createPodsecClient('http://127.0.0.1:8787');
 *   const { data, error } = await podsec.POST('/v1/findings', { body: manifestsYaml, headers: YAML });
 *
 * Runs wherever `fetch` does (browsers, Node 20+, Workers, Deno, Bun); no other dependency.
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };

/** Every named schema of the document (`Schemas['FindingsResponse']`, `Schemas['Problem']`, ...). */
export type Schemas = components['schemas'];
/** The RFC 9457 body of every error (`application/problem+json`). */
export type Problem = Schemas['Problem'];
/**
 * Answers are typed as their JSON media types (application/json, application/sarif+json,
 * application/problem+json): the text, YAML and XML renderings are strings, read with
 * `parseAs: 'text'`.
 */
export type JsonMediaType = `${string}/${string}json`;
export type PodsecClient = Client<paths, JsonMediaType>;

/**
 * Headers for a YAML body. podsec reads JSON bodies (objects) and YAML streams (strings); a string
 * body must say it is YAML, since a JSON string is not a manifest.
 */
export const YAML = { 'content-type': 'application/yaml' } as const;

const YAML_MEDIA_TYPE = /^\s*(?:application|text)\/(?:x-)?yaml\s*(?:;|$)/i;

/**
 * A client for the podsec server at `baseUrl` (no trailing path; `http://127.0.0.1:8787` for
 * `npm start`). `options` are openapi-fetch's (custom `fetch`, default headers, ...).
 */
export function createPodsecClient(baseUrl: string | URL, options: Omit<ClientOptions, 'baseUrl'> = {}): PodsecClient {
  return createClient<paths, JsonMediaType>({ bodySerializer: serializeBody, ...options, baseUrl: String(baseUrl) });
}

/** Objects go as JSON; a string is a YAML stream, sent as it is, and must carry a YAML content type. */
function serializeBody(body: unknown, headers?: Headers): string {
  if (typeof body !== 'string') return JSON.stringify(body);
  const contentType = headers?.get('content-type') ?? '';
  if (!YAML_MEDIA_TYPE.test(contentType)) {
    throw new TypeError('podsec: a string body is a YAML stream; send it with `headers: YAML` (content-type: application/yaml).');
  }
  return body;
}
