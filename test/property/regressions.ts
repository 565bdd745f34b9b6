/**
 * Every counterexample fast-check found, kept as a regression case (issue 7). Each entry names
 * the property it broke, the minimal input, and what was fixed (or, with `skip`, whose fix it is).
 */
export interface EngineRegression {
  name: string;
  skip?: string;
  check(): void;
}

export const ENGINE_REGRESSIONS: EngineRegression[] = [];
