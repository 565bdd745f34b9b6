import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { ROUTE_CONTRACTS } from '../../src/http/contracts';
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

  it('validate with the query schema the Worker validates with (the endpoint spread into the contract)', () => {
    const withQuery = ROUTE_CONTRACTS.filter((c) => 'request' in c && c.request && 'query' in c.request).map((c) => c.operationId);
    expect(withQuery).toEqual(['postFindings', 'getExamplePolicies', 'postPss', 'postMigration', 'postEvaluate', 'postAdmissionReview']);
  });
});
