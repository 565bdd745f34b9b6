/**
 * Reading request bodies within the size limit, before any parser sees them.
 *
 * A declared Content-Length over the limit is refused without reading; a body without one
 * (chunked) is counted while it streams and refused as soon as it crosses the limit, so memory
 * and CPU stay bounded whatever the client sends.
 */
import { makeProblem, ProblemError } from './problem';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    const n = Number(declared);
    if (Number.isFinite(n) && n > maxBytes) throw tooLarge(maxBytes);
  }
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = chunks.length === 1 ? chunks[0]! : concat(chunks, total);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ProblemError(makeProblem('invalid-body', 'The request body is not valid UTF-8.', { errors: [{ path: 'body', message: 'invalid UTF-8 byte sequence' }] }));
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError(
    makeProblem('too-large', `The request body exceeds the limit of ${maxBytes} bytes (PODSEC_MAX_BODY_BYTES).`, {
      errors: [{ path: 'body', message: `more than ${maxBytes} bytes` }],
    }),
  );
}
