/**
 * The `z` namespace of zod 4 classic (zod/v4/classic/external.js) without the parts the Worker
 * never uses: the 40 locale tables (only `en`, registered by zod itself, is needed), the JSON
 * Schema converters and the ahead-of-time compiler. Bundle-time only: wrangler.toml's [alias]
 * maps the bare specifier `zod` to src/vendor/zod.ts; type-checking and Node tools use the real
 * package. Re-exports by name, so a zod upgrade that adds a name only needs a line here.
 */
export * from '../../node_modules/zod/v4/classic/schemas.js';
export * from '../../node_modules/zod/v4/classic/checks.js';
export * from '../../node_modules/zod/v4/classic/errors.js';
export * from '../../node_modules/zod/v4/classic/parse.js';
export * from '../../node_modules/zod/v4/classic/compat.js';
export {
  globalRegistry,
  registry,
  config,
  $output,
  $input,
  $brand,
  clone,
  regexes,
  treeifyError,
  prettifyError,
  formatError,
  flattenError,
  TimePrecision,
  util,
  NEVER,
  INVALID,
  memoizer,
  toZod,
  getDiscriminatedOption,
} from '../../node_modules/zod/v4/core/index.js';
export { input, output } from '../../node_modules/zod/v4/classic/in-out.js';
export { deepPartial } from '../../node_modules/zod/v4/classic/deep-partial.js';
export { ZodISODateTime, ZodISODate, ZodISOTime, ZodISODuration } from '../../node_modules/zod/v4/classic/iso.js';
export * as iso from '../../node_modules/zod/v4/classic/iso.js';
export * as coerce from '../../node_modules/zod/v4/classic/coerce.js';
