/**
 * Files generated at build time and deployed as the Worker's static assets (wrangler.toml
 * [assets], directory openapi/): read through the ASSETS binding and answered with the route's
 * own headers, so they pass through the same middleware as every other answer.
 */
import type { Context } from 'hono';
import type { PodsecEnv } from './app-types';
import { makeProblem, problemResponse } from './problem';

export async function serveStaticAsset(c: Context<PodsecEnv>, file: string, headers: Readonly<Record<string, string>>): Promise<Response> {
  const asset = await c.env?.ASSETS?.fetch(new URL(file, c.req.url));
  if (!asset?.ok || asset.body === null) {
    // A deployment without its assets: the server's fault, never the caller's.
    return problemResponse(makeProblem('internal', `${file} was not deployed with this Worker (its static assets are missing).`));
  }
  return new Response(asset.body, { headers });
}
