import { createRoute } from '@hono/zod-openapi';
import { healthEndpoint } from '../routes/health';
import { HealthSchema } from '../schemas/common';
import { SERVICE_VERSION } from '../../version';
import { documentedEndpoint } from '../schemas/openapi-schema';

const documentedHealthEndpoint = documentedEndpoint(healthEndpoint);

export const healthContract = createRoute({
  ...documentedHealthEndpoint,
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
