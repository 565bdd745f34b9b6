/**
 * Output formats of the evaluation report and how a request picks one: the `format` query wins;
 * else the Accept header (q-values honoured, `*` wildcards, `*\/*` → json); no Accept → json; an
 * Accept that names only types we cannot produce → undefined (the route answers 406).
 */
export type ReportFormat = 'json' | 'sarif' | 'text' | 'junit';

export interface FormatInfo {
  /** Content-Type of the answer. */
  contentType: string;
  /** Media types that select it in Accept (the first is the canonical one). */
  accept: readonly string[];
}

export const REPORT_FORMATS: Readonly<Record<ReportFormat, FormatInfo>> = {
  json: { contentType: 'application/json', accept: ['application/json'] },
  sarif: { contentType: 'application/sarif+json', accept: ['application/sarif+json'] },
  text: { contentType: 'text/plain; charset=utf-8', accept: ['text/plain'] },
  junit: { contentType: 'application/xml; charset=utf-8', accept: ['application/xml', 'application/junit+xml', 'text/xml'] },
};

export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATS) as [ReportFormat, ...ReportFormat[]];

/** Every media type an Accept header may name, for the 406 problem's `allowed`. */
export const ACCEPTABLE_MEDIA_TYPES: readonly string[] = REPORT_FORMAT_NAMES.flatMap((f) => REPORT_FORMATS[f].accept);

const BY_MEDIA_TYPE: ReadonlyMap<string, ReportFormat> = new Map(REPORT_FORMAT_NAMES.flatMap((f) => REPORT_FORMATS[f].accept.map((t) => [t, f] as const)));

/** `type/*` wildcards: the format the range prefers. */
const BY_RANGE: ReadonlyMap<string, ReportFormat> = new Map([
  ['*/*', 'json'],
  ['application/*', 'json'],
  ['text/*', 'text'],
]);

export interface Negotiated {
  format: ReportFormat;
  /** The Content-Type to answer with (JUnit answers in the XML type that was asked for). */
  contentType: string;
}

/**
 * RFC 9110 §12.5.1, simplified to what matters here: each range with its q; the highest q wins,
 * ties go to the more specific range, then to the earlier one; q=0 excludes.
 */
export function negotiateFormat(formatQuery: ReportFormat | undefined, accept: string | undefined): Negotiated | undefined {
  if (formatQuery !== undefined) return { format: formatQuery, contentType: REPORT_FORMATS[formatQuery].contentType };
  if (accept === undefined || accept.trim() === '') return { format: 'json', contentType: REPORT_FORMATS.json.contentType };
  let best: { format: ReportFormat; type: string; q: number; specific: number; order: number } | undefined;
  const ranges = accept.split(',');
  for (let order = 0; order < ranges.length; order++) {
    const [rawType, ...params] = ranges[order]!.split(';');
    const type = rawType!.trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split('=');
      if (k?.trim().toLowerCase() === 'q') {
        const n = Number(v?.trim());
        q = Number.isFinite(n) ? Math.min(Math.max(n, 0), 1) : 0;
      }
    }
    if (q === 0) continue;
    const exact = BY_MEDIA_TYPE.get(type);
    const format = exact ?? BY_RANGE.get(type);
    if (format === undefined) continue;
    const specific = exact !== undefined ? 2 : type === '*/*' ? 0 : 1;
    if (best === undefined || q > best.q || (q === best.q && specific > best.specific)) best = { format, type, q, specific, order };
  }
  if (best === undefined) return undefined;
  const contentType = best.format === 'junit' && best.specific === 2 ? `${best.type}; charset=utf-8` : REPORT_FORMATS[best.format].contentType;
  return { format: best.format, contentType };
}

/** `manifest.yaml` or `manifest.json`, by the body's media kind. */
export function defaultSource(kind: 'json' | 'yaml'): string {
  return kind === 'yaml' ? 'manifest.yaml' : 'manifest.json';
}
