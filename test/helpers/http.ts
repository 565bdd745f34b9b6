/**
 * Calls the Worker exactly as a client would (through its fetch handler, inside workerd).
 */
import { exports } from 'cloudflare:workers';

export const BASE = 'http://podsec.test';

export function api(path: string, init?: RequestInit): Promise<Response> {
  return (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default.fetch(new Request(BASE + path, init));
}

export function postJson(path: string, body: unknown): Promise<Response> {
  return api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export function postYaml(path: string, yaml: string): Promise<Response> {
  return api(path, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: yaml });
}

/** Asserts nothing; returns the parsed problem after checking the media type. */
export async function problemOf(res: Response): Promise<{ type: string; title: string; status: number; detail: string; errors?: Array<{ path: string; message: string; line?: number; column?: number; document?: number }>; allowed?: string[] }> {
  const ct = res.headers.get('content-type');
  if (ct !== 'application/problem+json') throw new Error(`expected application/problem+json, got ${ct} (status ${res.status}): ${await res.text()}`);
  return res.json();
}
