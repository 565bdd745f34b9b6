import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from './config';

export type PodsecEnv = { Bindings: Env };
export type PodsecApp = OpenAPIHono<PodsecEnv>;
