import { createRoute } from '@hono/zod-openapi';
import { healthEndpoint } from '../routes/health';
import { HealthSchema } from '../schemas/common';
import { SERVICE_VERSION } from '../../version';

export const healthContract = createRoute({
  ...healthEndpoint,
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
