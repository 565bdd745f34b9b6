import type { z } from '@hono/zod-openapi';
import type { PodsecApp } from '../app-types';
import { registerEndpoint, type Endpoint } from '../endpoint';
import type { HealthSchema } from '../schemas/common';
import { SERVICE_VERSION } from '../../version';

export const healthEndpoint = { method: 'get', path: '/healthz' } as const satisfies Endpoint;

export function registerHealth(app: PodsecApp): void {
  registerEndpoint(app, healthEndpoint, (c) => c.json({ status: 'ok', service: 'podsec', version: SERVICE_VERSION } satisfies z.output<typeof HealthSchema>, 200));
}
