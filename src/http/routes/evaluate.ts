import type { PodsecApp } from '../app-types';

/** Being built. */
export function registerEvaluate(_app: PodsecApp): void {}
