/**
 * Query and envelope validation as the Worker does it: zod/mini schemas (src/http/schemas/request.ts)
 * with zod classic's English messages, which request.ts installs. This file must not import zod
 * classic (nor anything that does, like openapi-schema.ts): classic installs those messages itself
 * on its first schema, and would hide a Worker that does not.
 */
import { describe, expect, it } from 'vitest';
import { api, postJson, problemOf } from '../helpers/http';

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'i' }] } };

describe('query validation in the Worker: zod/mini with zod classic\'s English messages', () => {
  it('an unknown choice: classic\'s "Invalid option" message, and the valid choices', async () => {
    const res = await postJson('/v1/pss?level=nope', pod);
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.detail).toBe('query.level: Invalid option: expected one of "privileged"|"baseline"|"restricted"');
    expect(p.errors).toEqual([{ path: 'query.level', message: 'Invalid option: expected one of "privileged"|"baseline"|"restricted"' }]);
    expect(p.allowed).toEqual(['privileged', 'baseline', 'restricted']);
  });

  it('a length check: classic\'s "Too small" message, next to the schema\'s own', async () => {
    const res = await postJson('/v1/evaluate?source=', pod);
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual([
      { path: 'query.source', message: 'Too small: expected string to have >=1 characters' },
      { path: 'query.source', message: 'must not contain control characters' },
    ]);
  });

  it('defaults fill what the query leaves out', async () => {
    const res = await postJson('/v1/pss', pod);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ level: 'restricted', version: 'latest' });
  });

  it('the admission envelope: classic\'s type message for a missing field', async () => {
    const res = await api('/v1/admission', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pod }) });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual([{ path: 'policies', message: 'Invalid input: expected array, received undefined' }]);
  });
});

