/**
 * The terminal report: one line per finding, `file:line` first so editors and grep jump to it,
 * then a `summary:` line of key=value counts. Stable: fields never move, new ones go at the end.
 *
 *   manifest.yaml:12: high cis/privileged (5.2.2) Deployment/shop/web spec.template.spec.containers[0].securityContext.privileged: <message>
 *   <location>: <severity> <rule> (<context>) <object> <path>: <message>
 *
 * When the message already starts with its path (PSP field errors), it is printed once, so the
 * line holds Kubernetes' exact message. Control characters are escaped: a hostile name cannot
 * start a line of its own.
 */
import { objectLabel, sourceLocation } from './labels';
import type { EvaluateReport, ReportFinding } from './types';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Keeps a value on one line: control characters become `\n`, `\t`, `\u001b`... */
export function oneLine(s: string): string {
  return s.replace(CONTROL, (ch) => NAMED_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function findingLine(source: string, f: ReportFinding): string {
  const where = sourceLocation(source, f.object);
  const head = `${where}: ${f.severity} ${f.rule} (${f.context ?? '-'}) ${objectLabel(f.object)}`;
  const body = f.path === '' ? `: ${f.message}` : f.message.startsWith(`${f.path}: `) ? ` ${f.message}` : ` ${f.path}: ${f.message}`;
  return oneLine(head + body);
}

export function summaryLine(r: EvaluateReport): string {
  const s = r.summary;
  const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(','));
  return [
    'summary:',
    `objects=${s.objects}`,
    `policies=${s.policies}`,
    `skipped=${s.skipped}`,
    `findings=${s.findings}`,
    `high=${s.bySeverity.high}`,
    `medium=${s.bySeverity.medium}`,
    `low=${s.bySeverity.low}`,
    `cis.fail=${s.cis.fail + s.cis.policySetFailing}`,
    `pss.forbidden=${s.pss.forbidden}`,
    `psp.denied=${s.admission === null ? '-' : s.admission.denied}`,
    `failOn=${list(r.failOn.conditions)}`,
    `crossed=${list(r.failOn.crossed)}`,
  ].join(' ');
}

export function formatText(r: EvaluateReport): string {
  const source = r.source;
  let out = '';
  for (const f of r.findings) out += findingLine(source, f) + '\n';
  return out + summaryLine(r) + '\n';
}
