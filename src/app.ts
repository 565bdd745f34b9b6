/**
 * The HTTP layer: routes over the pure engines. Nothing here evaluates anything.
 */
import { Hono, type Context } from 'hono';
import type { PodsecApp, PodsecEnv } from './http/app-types';
import { makeProblem, problemResponse, ProblemError } from './http/problem';
import { securityMiddleware } from './http/security';
import { registerHealth } from './http/routes/health';
import { registerOpenApi } from './http/routes/openapi';
import { registerDocs } from './http/routes/docs';
import { registerFindings } from './http/routes/findings';
import { registerPss } from './http/routes/pss';
import { registerAdmission } from './http/routes/admission';
import { registerPolicies } from './http/routes/policies';
import { registerMigration } from './http/routes/migration';
import { registerEvaluate } from './http/routes/evaluate';
import { registerAdmissionReview } from './http/routes/admission-review';

export function createApp(): PodsecApp {
  const app = new Hono<PodsecEnv>();

  // nosniff, a content-type on every answer, and CORS only for PODSEC_CORS_ORIGINS.
  app.use('*', securityMiddleware());

  registerHealth(app);
  registerOpenApi(app);
  registerFindings(app);
  registerAdmission(app);
  registerPolicies(app);
  registerPss(app);
  registerMigration(app);
  registerEvaluate(app);
  registerAdmissionReview(app);
  registerDocs(app);

  app.notFound((c) => notFoundOrWrongMethod(app, c));
  app.onError((err) => {
    if (err instanceof ProblemError) return problemResponse(err.problem, err.headers);
    // Never a stack trace or an internal message in the answer.
    return problemResponse(makeProblem('internal', 'An unexpected error occurred while handling the request.'));
  });
  return app;
}

function notFoundOrWrongMethod(app: PodsecApp, c: Context<PodsecEnv>): Response {
  const path = c.req.path;
  const methods = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    if (routePattern(r.path).test(path)) methods.add(r.method);
  }
  if (methods.size > 0) {
    if (methods.has('GET')) methods.add('HEAD');
    const allow = [...methods].sort().join(', ');
    return problemResponse(
      makeProblem('method-not-allowed', `${c.req.method} is not allowed on ${path}; allowed: ${allow}.`, { allowed: [...methods].sort() }),
      { allow },
    );
  }
  return problemResponse(makeProblem('not-found', `There is nothing at ${path}. The API document is at /openapi.json.`));
}

const patternCache = new Map<string, RegExp>();
function routePattern(path: string): RegExp {
  let re = patternCache.get(path);
  if (!re) {
    re = new RegExp('^' + path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+') + '/?$');
    patternCache.set(path, re);
  }
  return re;
}
