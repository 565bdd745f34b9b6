// A named import: the bundle then carries package.json's `version`, not the whole file.
import { version } from '../package.json';

/** The service version, from package.json (one source of truth). */
export const SERVICE_VERSION: string = version;
