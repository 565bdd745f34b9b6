import type { PodsecApp } from './app-types';
import { SERVICE_VERSION } from '../version';
import { limitsMarkdownTable } from './config';

export const API_DESCRIPTION = `podsec answers what Kubernetes itself would have answered about pod security:
which PodSecurityPolicy the admission plugin applies and how it mutates the pod (with the
apiserver's own rejection messages), which CIS Kubernetes Benchmark 5.2 controls a manifest
violates for a named benchmark version, and which Pod Security Standards level admits it.

Bodies are Kubernetes manifests as JSON (an object, an array, or a \`List\`) or YAML (one or many
documents). Every error is an RFC 9457 \`application/problem+json\` object that names the field
path or the YAML line. Nothing is stored.

## Limits

Every request is bounded before and while it is read; crossing a limit is a 400 or 413
problem (\`POST /v1/admissionreview\` answers 200 with a refused AdmissionReview instead, so the
apiserver's failurePolicy never trips). Each limit is a Worker variable a deployment can set:

${limitsMarkdownTable()}

YAML tags other than the core ones (\`!!js/function\`, \`!custom\`, \`!!binary\`, ...) are refused (400);
merge keys (\`<<\`) are read as Kubernetes reads them, within the alias budget. Browsers: no CORS
headers unless \`PODSEC_CORS_ORIGINS\` lists the allowed origins (comma-separated, or \`*\`).`;

/** The OpenAPI 3.1 document, generated from the route definitions. */
export function openApiDocument(app: PodsecApp): Record<string, unknown> {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'podsec',
      version: SERVICE_VERSION,
      description: API_DESCRIPTION,
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'Local server (npm start)' }],
    tags: [
      { name: 'Service', description: 'Health, the API document and its reference page.' },
      { name: 'CIS', description: 'CIS Kubernetes Benchmark section 5.2 (4.2 for managed services).' },
      { name: 'PSP', description: 'PodSecurityPolicy admission, as the apiserver (1.16–1.24) did it.' },
      { name: 'PSS', description: 'Pod Security Standards and PSP-to-PSS migration.' },
    ],
  }) as unknown as Record<string, unknown>;
}
