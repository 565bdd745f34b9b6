/**
 * Reading request bodies within the size limit, before any parser sees them.
 *
 * A declared Content-Length over the limit is refused without reading; a body without one
 * (chunked) is counted while it streams and refused as soon as it crosses the limit, so memory
 * and CPU stay bounded whatever the client sends.
 */
import { makeProblem, ProblemError } from './problem';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A body a little over the limit is read to its end and dropped (nothing kept), so the client sees
 * the 413 on a connection that stays usable instead of a reset mid-upload; past this many times the
 * limit the rest is not read at all (the connection is closed), bounding the work per request.
 */
export const DRAIN_FACTOR = 4;

export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  const n = declared === null ? NaN : Number(declared);
  if (Number.isFinite(n) && n > maxBytes) {
    if (n <= maxBytes * DRAIN_FACTOR && request.body !== null) await drain(request.body.getReader(), n);
    throw tooLarge(maxBytes);
  }
  if (request.body === null) return '';
  // With Transfer-Encoding the length is not the header's (workerd hands a chunked body through with both).
  const framed = Number.isFinite(n) && request.headers.get('transfer-encoding') === null;
  const bytes = framed ? await readDeclared(request, maxBytes) : await readCounted(request.body, maxBytes);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ProblemError(makeProblem('invalid-body', 'The request body is not valid UTF-8.', { errors: [{ path: 'body', message: 'invalid UTF-8 byte sequence' }] }));
  }
}

/**
 * A body framed by a Content-Length within the limit, read in one native call: HTTP framing ends
 * it at the declared length, so no count is needed while it arrives (reading it chunk by chunk
 * cost ~8% of the reference request's CPU in workerd). A body longer than its header (only
 * possible for a Request built in-process) is still refused.
 */
async function readDeclared(request: Request, maxBytes: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  return bytes;
}

/** A body of unknown length (chunked): counted while it streams, refused as soon as it crosses the limit. */
async function readCounted(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await drain(reader, maxBytes * DRAIN_FACTOR - total);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : concat(chunks, total);
}

/**
 * A request answered without reading its body (415, 404, 405, a bad query) would otherwise have
 * its connection reset under the client mid-upload: read and drop it, within the same bound.
 */
export async function discardUnreadBody(request: Request, maxBytes: number): Promise<void> {
  if (request.body === null || request.bodyUsed || request.body.locked) return;
  await drain(request.body.getReader(), maxBytes * DRAIN_FACTOR);
}

/** Reads and drops at most `budget` more bytes, then cancels whatever is left. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  try {
    let left = budget;
    while (left > 0) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.byteLength;
    }
    await reader.cancel();
  } catch {
    // A client that went away: nothing to answer to, nothing to keep.
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
