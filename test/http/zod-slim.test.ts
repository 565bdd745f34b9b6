/**
 * The Worker is bundled with zod's `z` namespace minus the locale tables, JSON Schema converters
 * and compiler (wrangler.toml [alias] → src/vendor/zod.ts); the tests run with the same alias, so
 * every route and schema test here also proves the slim namespace is enough.
 */
import { z } from '@hono/zod-openapi';
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
});
