import type { Hono } from 'hono';
import type { Env } from './config';

export type PodsecEnv = { Bindings: Env };
export type PodsecApp = Hono<PodsecEnv>;
