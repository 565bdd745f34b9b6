import { createRoute } from '@hono/zod-openapi';
import type { PodsecApp } from '../app-types';
import { HealthSchema } from '../schemas/common';
import { SERVICE_VERSION } from '../../version';

const route = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Service'],
  operationId: 'getHealth',
  summary: 'Liveness and version',
  responses: {
    200: {
      description: 'The service is up.',
      content: { 'application/json': { schema: HealthSchema, example: { status: 'ok', service: 'podsec', version: SERVICE_VERSION } } },
    },
  },
});

export function registerHealth(app: PodsecApp): void {
  app.openapi(route, (c) => c.json({ status: 'ok' as const, service: 'podsec' as const, version: SERVICE_VERSION }, 200));
}
