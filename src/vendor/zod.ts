/** Bundle-time replacement for the `zod` package entry (see zod-namespace.ts and wrangler.toml). */
import * as z from './zod-namespace';

export * from './zod-namespace';
export { z, z as default };
