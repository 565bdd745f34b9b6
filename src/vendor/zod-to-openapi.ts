/**
 * What the Worker keeps of `@asteasolutions/zod-to-openapi`: the names @hono/zod-openapi imports,
 * with nothing behind the document generator. Bundle-time only, like src/vendor/zod.ts:
 * wrangler.toml's [alias] (and vitest.config.ts) map the package to this file.
 *
 * Why: the OpenAPI document depends only on the route contracts, so it is generated once at build
 * time (`npm run openapi`, with the real package, from src/http/contracts/, whose query schemas
 * are the ones the Worker validates with) and served as a static asset (openapi/openapi.json). The Worker then needs neither the
 * generator (29 KiB minified) nor a copy of each schema per `.openapi()` call; generating the
 * document in the Worker cost ~75 ms of CPU on the first GET /openapi.json of every isolate.
 */
type Schema = { openapi?: unknown };
type ZodLike = { ZodType: { prototype: Schema } };

/** Route bookkeeping only: OpenAPIHono registers every route here. */
export class OpenAPIRegistry {
  readonly definitions: unknown[] = [];
  registerPath(route: unknown): void {
    this.definitions.push({ type: 'route', route });
  }
  registerWebhook(webhook: unknown): void {
    this.definitions.push({ type: 'webhook', webhook });
  }
  register<T>(_refId: unknown, schema: T): T {
    return schema;
  }
  registerParameter<T>(_refId: unknown, schema: T): T {
    return schema;
  }
  registerComponent(): void {}
}

class BuildTimeOnlyGenerator {
  generateDocument(): never {
    throw new Error('The OpenAPI document is generated at build time (npm run openapi) and served from openapi/openapi.json.');
  }
}
export class OpenApiGeneratorV3 extends BuildTimeOnlyGenerator {}
export class OpenApiGeneratorV31 extends BuildTimeOnlyGenerator {}

/**
 * `.openapi(...)` describes a schema for the document and changes nothing it accepts, so here it
 * returns the schema itself.
 */
export function extendZodWithOpenApi(zod: ZodLike): void {
  if (typeof zod.ZodType.prototype.openapi !== 'undefined') return;
  zod.ZodType.prototype.openapi = function openapi(this: Schema): Schema {
    return this;
  };
}

export function getOpenApiMetadata(): Record<string, never> {
  return {};
}
