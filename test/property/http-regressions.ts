/**
 * HTTP counterexamples fast-check found, kept as regression cases (issue 7). Each is replayed
 * through the Worker and must get a declared, schema-valid answer with `status`.
 */
export interface HttpRegression {
  name: string;
  /** Set when the fix belongs to another engineer's file: why, and whose. */
  skip?: string;
  method: string;
  path: string;
  query?: string;
  headers: Record<string, string>;
  body?: string;
  status: number;
}

export const HTTP_REGRESSIONS: HttpRegression[] = [];
