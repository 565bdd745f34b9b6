/**
 * JUnit XML, as CI systems render it: one <testsuite> per pod-bearing object with one <testcase>
 * per CIS control, per Pod Security Standards check of the requested level and version, and one
 * for PSP admission (when the body holds policies); one more suite for the PodSecurityPolicy
 * set's CIS controls. A failing control / forbidden check / denial is a <failure> whose `type` is
 * the severity and whose text lists the findings; `manual` and `notApplicable` controls are
 * <skipped>. Every name and message is XML-escaped (see xml.ts).
 */
import type { ControlResult } from '../cis';
import type { ObjectRef } from '../ingest';
import { PSS_CHECKS, type PssLevel } from '../pss';
import { objectLabel, sourceLocation } from './labels';
import { PSP_ADMISSION_RULE } from './psp-rules';
import { SEVERITY_RANK, severityOf, type Severity } from './severity';
import type { EvaluateReport, ReportFinding } from './types';
import { attrs, xmlText } from './xml';

interface TestCase {
  name: string;
  outcome: 'pass' | 'fail' | 'skip';
  /** failure/skipped message attribute. */
  message?: string;
  severity?: Severity;
  /** Failure body: one line per finding. */
  lines?: string[];
}

interface Suite {
  name: string;
  ref: ObjectRef | undefined;
  cases: TestCase[];
}

function minorOf(version: string): number {
  return Number(version.slice('v1.'.length));
}

const LEVEL_RANK: Readonly<Record<PssLevel, number>> = { privileged: 0, baseline: 1, restricted: 2 };

/** The checks the library runs at `level` and `resolvedVersion` (restricted checks replace the baseline ones they override). */
export function pssChecksAt(level: PssLevel, resolvedVersion: string): string[] {
  const minor = minorOf(resolvedVersion);
  const present = PSS_CHECKS.filter((c) => LEVEL_RANK[c.level] <= LEVEL_RANK[level] && minorOf(c.versions[0]!) <= minor);
  const overridden = new Set(present.flatMap((c) => (c.level === 'restricted' && level === 'restricted' ? c.overrides : [])));
  return present.filter((c) => !overridden.has(c.id)).map((c) => c.id);
}

function worst(findings: readonly ReportFinding[]): Severity | undefined {
  let w: Severity | undefined;
  for (const f of findings) if (w === undefined || SEVERITY_RANK[f.severity] > SEVERITY_RANK[w]) w = f.severity;
  return w;
}

function findingText(f: ReportFinding): string {
  if (f.path === '' || f.message.startsWith(`${f.path}: `)) return f.message;
  return `${f.path}: ${f.message}`;
}

function controlCase(c: ControlResult, findings: readonly ReportFinding[]): TestCase {
  const name = `cis/${c.key} ${c.id} ${c.title}`;
  if (c.status === 'pass') return { name, outcome: 'pass' };
  if (c.status === 'fail') {
    const lines = findings.map(findingText);
    return { name, outcome: 'fail', message: lines[0] ?? c.title, severity: severityOf(`cis/${c.key}`), lines };
  }
  const note = c.notes[0]?.message;
  return { name, outcome: 'skip', message: note === undefined ? c.status : `${c.status}: ${note}` };
}

function objectSuites(r: EvaluateReport): Suite[] {
  const byObject = new Map<number, ReportFinding[]>();
  for (const f of r.findings) {
    if (f.objectIndex === null) continue;
    let list = byObject.get(f.objectIndex);
    if (!list) byObject.set(f.objectIndex, (list = []));
    list.push(f);
  }
  const pssChecks = pssChecksAt(r.pss.level, r.pss.resolvedVersion);
  return r.objects.map((o, i) => {
    const findings = byObject.get(i) ?? [];
    const cases: TestCase[] = o.cis.map((c) => controlCase(c, findings.filter((f) => f.rule === `cis/${c.key}`)));
    for (const check of pssChecks) {
      const name = `pss/${check} ${r.pss.level}:${r.pss.version}`;
      const forbidden = findings.filter((f) => f.rule === `pss/${check}`);
      cases.push(forbidden.length === 0 ? { name, outcome: 'pass' } : { name, outcome: 'fail', message: forbidden[0]!.message, severity: forbidden[0]!.severity, lines: forbidden.map((f) => f.message) });
    }
    if (o.admission !== null) {
      const name = `${PSP_ADMISSION_RULE} PodSecurityPolicy admission`;
      const denial = findings.filter((f) => f.engine === 'psp');
      cases.push(
        o.admission.allowed
          ? { name, outcome: 'pass' }
          : { name, outcome: 'fail', message: o.admission.reason ?? 'denied', severity: worst(denial) ?? 'medium', lines: denial.map((f) => `${f.rule} (${f.context ?? '-'}) ${findingText(f)}`) },
      );
    }
    return { name: objectLabel(o.object), ref: o.object, cases };
  });
}

function policySetSuite(r: EvaluateReport): Suite | undefined {
  if (r.policySet === null) return undefined;
  const findings = r.findings.filter((f) => f.objectIndex === null);
  const cases = r.policySet.controls.map((c) =>
    controlCase(
      c,
      findings.filter((f) => f.rule === `cis/${c.key}`).map((f) => ({ ...f, message: `${objectLabel(f.object)}: ${findingText(f)}`, path: '' })),
    ),
  );
  return { name: 'PodSecurityPolicy set', ref: undefined, cases };
}

function renderCase(t: TestCase, classname: string, source: string, ref: ObjectRef | undefined): string {
  const head = `    <testcase${attrs([['name', t.name], ['classname', classname], ['file', source], ['line', ref?.line]])}`;
  if (t.outcome === 'pass') return `${head}/>\n`;
  if (t.outcome === 'skip') return `${head}>\n      <skipped${attrs([['message', t.message]])}/>\n    </testcase>\n`;
  const body = (t.lines ?? []).map((l) => xmlText(l)).join('\n');
  return `${head}>\n      <failure${attrs([['message', t.message], ['type', t.severity]])}>${body}</failure>\n    </testcase>\n`;
}

export function formatJunit(r: EvaluateReport): string {
  const suites = objectSuites(r);
  const set = policySetSuite(r);
  if (set) suites.push(set);
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  let body = '';
  for (const s of suites) {
    const f = s.cases.filter((c) => c.outcome === 'fail').length;
    const k = s.cases.filter((c) => c.outcome === 'skip').length;
    tests += s.cases.length;
    failures += f;
    skipped += k;
    const where = s.ref === undefined ? r.source : sourceLocation(r.source, s.ref);
    body += `  <testsuite${attrs([['name', s.name], ['tests', s.cases.length], ['failures', f], ['errors', 0], ['skipped', k], ['file', where]])}>\n`;
    for (const c of s.cases) body += renderCase(c, s.name, r.source, s.ref);
    body += '  </testsuite>\n';
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs([['name', 'podsec'], ['tests', tests], ['failures', failures], ['errors', 0], ['skipped', skipped]])}>\n${body}</testsuites>\n`;
}
