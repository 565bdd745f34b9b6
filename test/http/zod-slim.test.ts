/**
 * The Worker is bundled with zod's `z` namespace minus the locale tables, JSON Schema converters
 * and compiler (wrangler.toml [alias] → src/vendor/zod.ts), and without the OpenAPI generator
 * (→ src/vendor/zod-to-openapi.ts); the tests run with the same aliases, so every route and schema
 * test here also proves the slim bundle is enough.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';

describe('the zod the Worker is built with', () => {
  it('has no locale tables, JSON Schema converters or compiler', () => {
    expect('locales' in z).toBe(false);
    expect('toJSONSchema' in z).toBe(false);
    expect('fromJSONSchema' in z).toBe(false);
    expect('compile' in z).toBe(false);
  });

  it('still speaks English and validates', () => {
    const r = z.object({ a: z.int() }).safeParse({ a: 'x' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('Invalid input: expected number, received string');
  });

  it('has no OpenAPI generator: .openapi() describes and changes nothing, the document is built at build time', () => {
    const schema = z.string().min(2);
    const described = schema.openapi({ description: 'documented only', example: 'ab' });
    expect(described).toBe(schema);
    expect(described.safeParse('a').success).toBe(false);
    expect(described.safeParse('ab').success).toBe(true);
    expect(() => new OpenAPIHono().getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '0' } })).toThrow(
      'The OpenAPI document is generated at build time (npm run openapi) and served from openapi/openapi.json.',
    );
  });
});
