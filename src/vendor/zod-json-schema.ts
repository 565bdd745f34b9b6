/**
 * What the Worker keeps of zod's JSON Schema converters: the names zod's classic schemas.js reads
 * from `../core/json-schema-processors.js` and `../core/to-json-schema.js`, each throwing if called.
 * Bundle-time only: scripts/build-worker.mjs (and vitest.config.ts) resolve those two imports of
 * node_modules/zod/v4/classic/schemas.js, and no others, to this file. The build fails if zod
 * reads a name missing here.
 *
 * Why: every zod schema carries a JSON Schema processor and a `toJSONSchema()` method, so the
 * converters were in the bundle (~20 KiB, ~5.8 KiB gzip) though the Worker never calls them: the
 * OpenAPI document is generated at build time with the real zod (`npm run openapi`).
 * `aggregateChecks` is behind zod's deprecated introspection getters (`.minLength`, `.maxLength`,
 * `.format`, `.minValue`, `.maxValue`, `.isInt`), which the Worker does not read either.
 */
const MESSAGE = 'podsec: JSON Schema is generated at build time (npm run openapi), not in the Worker';

function buildTimeOnly(..._args: unknown[]): never {
  throw new Error(MESSAGE);
}

// ../core/to-json-schema.js. zod calls these eagerly (each schema's `~standard.jsonSchema` is built
// on first access, which validation also makes), so they return the function that throws.
export const createToJSONSchemaMethod = (..._args: unknown[]): typeof buildTimeOnly => buildTimeOnly;
export const createStandardJSONSchemaMethod = (..._args: unknown[]): typeof buildTimeOnly => buildTimeOnly;

// ../core/json-schema-processors.js, as `processors.*` in classic/schemas.js.
export {
  buildTimeOnly as aggregateChecks,
  buildTimeOnly as anyProcessor,
  buildTimeOnly as arrayProcessor,
  buildTimeOnly as bigintProcessor,
  buildTimeOnly as booleanProcessor,
  buildTimeOnly as catchProcessor,
  buildTimeOnly as customProcessor,
  buildTimeOnly as dateProcessor,
  buildTimeOnly as defaultProcessor,
  buildTimeOnly as enumProcessor,
  buildTimeOnly as fileProcessor,
  buildTimeOnly as functionProcessor,
  buildTimeOnly as intersectionProcessor,
  buildTimeOnly as lazyProcessor,
  buildTimeOnly as literalProcessor,
  buildTimeOnly as mapProcessor,
  buildTimeOnly as nanProcessor,
  buildTimeOnly as neverProcessor,
  buildTimeOnly as nonoptionalProcessor,
  buildTimeOnly as nullProcessor,
  buildTimeOnly as nullableProcessor,
  buildTimeOnly as numberProcessor,
  buildTimeOnly as objectProcessor,
  buildTimeOnly as optionalProcessor,
  buildTimeOnly as pipeProcessor,
  buildTimeOnly as prefaultProcessor,
  buildTimeOnly as promiseProcessor,
  buildTimeOnly as readonlyProcessor,
  buildTimeOnly as recordProcessor,
  buildTimeOnly as setProcessor,
  buildTimeOnly as stringProcessor,
  buildTimeOnly as successProcessor,
  buildTimeOnly as symbolProcessor,
  buildTimeOnly as templateLiteralProcessor,
  buildTimeOnly as transformProcessor,
  buildTimeOnly as tupleProcessor,
  buildTimeOnly as undefinedProcessor,
  buildTimeOnly as unknownProcessor,
  buildTimeOnly as unionProcessor,
  buildTimeOnly as voidProcessor,
};
