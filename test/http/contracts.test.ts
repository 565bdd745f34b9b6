import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { RouteConfig } from '@hono/zod-openapi';
import { ROUTE_CONTRACTS } from '../../src/http/contracts';
import { openApiDocument } from '../../src/http/openapi-document';
import type { Endpoint } from '../../src/http/endpoint';
import { openApiSchemaOf } from '../../src/http/schemas/openapi-schema';
import { admissionEndpoint } from '../../src/http/routes/admission';
import { admissionReviewEndpoint } from '../../src/http/routes/admission-review';
import { evaluateEndpoint } from '../../src/http/routes/evaluate';
import { benchmarksEndpoint, findingsEndpoint } from '../../src/http/routes/findings';
import { healthEndpoint } from '../../src/http/routes/health';
import { migrationEndpoint } from '../../src/http/routes/migration';
import { examplePoliciesEndpoint } from '../../src/http/routes/policies';
import { pssEndpoint } from '../../src/http/routes/pss';
import committedDocument from '../../openapi/openapi.json';

// The Worker runs endpoints (src/http/routes/); the document is built from contracts
// (src/http/contracts/), each an endpoint plus its documentation. These tests keep the two in step.

/** Routes the Worker serves that are not operations of the API they document. */
const UNDOCUMENTED = ['GET /openapi.json', 'GET /docs', 'GET /docs/'];

/** Each route once (hono lists a route once per handler: its query validator, then the handler). */
function runtimeOperations(): string[] {
  const operations = createApp()
    .routes.filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path}`)
    .filter((op) => !UNDOCUMENTED.includes(op));
  return [...new Set(operations)];
}

describe('route contracts (src/http/contracts/)', () => {
  it('name exactly the operations the Worker answers, in the order it registers them', () => {
    const documented = ROUTE_CONTRACTS.map((c) => `${c.method.toUpperCase()} ${c.path}`);
    expect(documented).toEqual(runtimeOperations());
    expect(documented).toHaveLength(9);
  });

  it('are what the committed openapi/openapi.json documents', () => {
    const paths = committedDocument.paths as Record<string, Record<string, { operationId: string }>>;
    const inDocument = Object.entries(paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`));
    expect(inDocument.sort()).toEqual(ROUTE_CONTRACTS.map((c) => `${c.method.toUpperCase()} ${c.path} ${c.operationId}`).sort());
  });

  it("each spread the endpoint the Worker runs: its query schema's classic image, or none", () => {
    const endpoints: readonly Endpoint[] = [
      healthEndpoint,
      benchmarksEndpoint,
      findingsEndpoint,
      admissionEndpoint,
      examplePoliciesEndpoint,
      pssEndpoint,
      migrationEndpoint,
      evaluateEndpoint,
      admissionReviewEndpoint,
    ];
    for (const contract of ROUTE_CONTRACTS as readonly RouteConfig[]) {
      const endpoint = endpoints.find((e) => e.method === contract.method && e.path === contract.path);
      expect(endpoint, contract.operationId).toBeDefined();
      // The Worker validates with zod/mini; the generator reads the same schema replayed in zod
      // classic (src/http/schemas/openapi-schema.ts), one image per schema.
      const query = endpoint!.request?.query;
      expect(contract.request?.query, contract.operationId).toBe(query === undefined ? undefined : openApiSchemaOf(query));
    }
    const withQuery = (ROUTE_CONTRACTS as readonly RouteConfig[]).filter((c) => c.request?.query !== undefined).map((c) => c.operationId);
    expect(withQuery).toEqual(['postFindings', 'getExamplePolicies', 'postPss', 'postMigration', 'postEvaluate', 'postAdmissionReview']);
  });

  it('generate the committed openapi/openapi.json (as `npm run openapi:check` does in CI)', () => {
    expect(JSON.parse(JSON.stringify(openApiDocument()))).toEqual(committedDocument);
  });
});
