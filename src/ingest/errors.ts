/**
 * The one error type the reader throws. The HTTP layer renders it as RFC 9457 problem+json.
 * Nothing else may escape readManifests/readObject for any input.
 */

export type IngestStatus = 400 | 413 | 415 | 422;

export interface IngestProblem {
  /** Field path in Kubernetes' format (`spec.containers[0].securityContext.privileged`); '' = the body. */
  path: string;
  message: string;
  /** 0-based YAML document (or JSON array element) index. */
  document?: number;
  /** 1-based line and column in the request body, when known (never guessed). */
  line?: number;
  column?: number;
}

export class IngestError extends Error {
  readonly status: IngestStatus;
  readonly title: string;
  readonly detail: string;
  readonly errors: IngestProblem[];

  constructor(status: IngestStatus, title: string, detail: string, errors: IngestProblem[] = []) {
    super(detail);
    this.name = 'IngestError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

/** Problem kinds: status and title live here so that every throw site stays consistent. */
export const PROBLEMS = {
  unsupportedMediaType: { status: 415, title: 'Unsupported media type' },
  invalidJson: { status: 400, title: 'Invalid JSON' },
  invalidYaml: { status: 400, title: 'Invalid YAML' },
  unsupportedYaml: { status: 400, title: 'Unsupported YAML' },
  tooDeep: { status: 400, title: 'Nesting too deep' },
  notObjects: { status: 400, title: 'Body is not a Kubernetes object' },
  tooLarge: { status: 413, title: 'Manifest too large' },
  invalidObject: { status: 422, title: 'Invalid object' },
} as const satisfies Record<string, { status: IngestStatus; title: string }>;

export type ProblemKind = keyof typeof PROBLEMS;

export function ingestError(kind: ProblemKind, detail: string, errors: IngestProblem[] = []): IngestError {
  const p = PROBLEMS[kind];
  return new IngestError(p.status, p.title, detail, errors);
}
