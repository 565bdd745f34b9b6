import type { PodsecApp } from '../app-types';

/** Being built. */
export function registerAdmissionReview(_app: PodsecApp): void {}
