import { stringify } from 'yaml';
import { EXAMPLE_POLICIES } from '../../psp';
import type { PodsecApp } from '../app-types';
import { registerEndpoint, type Endpoint } from '../endpoint';
import { ExamplePoliciesQuerySchema } from '../schemas/request';

const EXAMPLE_NAMES = ['privileged', 'baseline', 'restricted'] as const;

export const examplePoliciesEndpoint = { method: 'get', path: '/v1/policies/examples', request: { query: ExamplePoliciesQuerySchema } } as const satisfies Endpoint;

export function registerPolicies(app: PodsecApp): void {
  registerEndpoint(app, examplePoliciesEndpoint, (c, { names, format }) => {
    const chosen = (names ? (names.split(',') as Array<(typeof EXAMPLE_NAMES)[number]>) : [...EXAMPLE_NAMES]).map((n) => EXAMPLE_POLICIES[n]);
    if (format === 'yaml') {
      return c.body(chosen.map((p) => stringify(p)).join('---\n'), 200, { 'content-type': 'application/yaml; charset=utf-8' });
    }
    return c.json({ policies: chosen }, 200);
  });
}
