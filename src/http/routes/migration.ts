import type { PodsecApp } from '../app-types';

/** Being built. */
export function registerMigration(_app: PodsecApp): void {}
