import pkg from '../package.json';

/** The service version, from package.json (one source of truth). */
export const SERVICE_VERSION: string = pkg.version;
