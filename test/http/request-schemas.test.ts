/**
 * The request schemas the Worker validates with (src/http/schemas/request.ts, zod/mini) and their
 * classic images, from which the OpenAPI document is generated (src/http/schemas/openapi-schema.ts).
 * What the Worker answers for a bad query is in query-validation.test.ts, which imports no zod
 * classic (it would install classic's English messages for the mini schemas too).
 */
import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import * as mini from 'zod/mini';
import { openApiObjectOf, openApiSchemaOf } from '../../src/http/schemas/openapi-schema';
import * as request from '../../src/http/schemas/request';

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'i' }] } };

describe('openApiSchemaOf: each request schema replayed in zod classic for the generator', () => {
  const samples: Array<[keyof typeof request, unknown[]]> = [
    ['FindingsQuerySchema', [{}, { benchmark: 'cis-1.24', quantifier: 'all' }, { benchmark: 'cis-9.9' }, { rootRule: 'x' }]],
    ['PssQuerySchema', [{}, { level: 'baseline', version: 'v1.25' }, { version: 'v1.025' }, { level: 'x' }]],
    ['EvaluateQuerySchema', [{}, { failOn: 'high,deny', format: 'sarif' }, { failOn: 'high,' }, { source: '' }, { source: 'a\u0001b' }, { source: 'x'.repeat(513) }]],
    ['MigrationQuerySchema', [{}, { version: 'latest' }, { version: '1.25' }]],
    ['ExamplePoliciesQuerySchema', [{}, { names: 'restricted,privileged', format: 'yaml' }, { names: 'restricted,' }]],
    ['AdmissionReviewQuerySchema', [{}, { mode: 'mutating' }]],
    ['AdmissionRequestSchema', [{ pod, policies: [] }, { pod, policies: [pod], operation: 'UPDATE', oldPod: pod, usablePolicies: ['a'] }, { pod }, { pod: { kind: 'Pod' }, policies: [] }, { pod, policies: [], operation: 'DELETE' }]],
  ];

  it('accepts and refuses what the Worker does, with the same output and messages', () => {
    for (const [name, values] of samples) {
      const schema = request[name] as mini.ZodMiniType;
      const image = openApiSchemaOf(schema);
      for (const value of values) {
        const a = schema.safeParse(value);
        const b = image.safeParse(value);
        expect(b.success, `${name} ${JSON.stringify(value)}`).toBe(a.success);
        if (a.success) expect(b.data).toEqual(a.data);
        else expect(b.error!.issues.map((i) => [i.path, i.message])).toEqual(a.error.issues.map((i) => [i.path, i.message]));
      }
    }
  });

  it('one image per schema, so a schema used in several places stays one component ($ref)', () => {
    expect(openApiSchemaOf(request.PssLevelSchema)).toBe(openApiSchemaOf(request.PssLevelSchema));
    expect(openApiSchemaOf(request.PssLevelSchema)).toBeInstanceOf(z.ZodEnum);
    const evaluate = openApiObjectOf(request.EvaluateQuerySchema);
    const pss = openApiObjectOf(request.PssQuerySchema);
    expect(evaluate.shape.level).toBe(pss.shape.level);
    expect(evaluate.shape.failOn).toBeInstanceOf(z.ZodOptional);
  });

  it('refuses a kind of schema it does not replay, instead of documenting it wrongly', () => {
    expect(() => openApiSchemaOf(mini.number())).toThrow('openApiSchemaOf: no classic replay for kind "number"');
    expect(() => openApiSchemaOf(mini.array(mini.string()).check(mini.minLength(1)))).toThrow('openApiSchemaOf: checks on kind "array" are not replayed');
    expect(() => openApiSchemaOf(mini.catchall(mini.object({}), mini.string()))).toThrow('openApiSchemaOf: an object with catchall kind "string" is not replayed');
  });
});
