/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run, one rule per CIS control of the
 * chosen benchmark, per Pod Security Standards check and per PodSecurityPolicy field; results at
 * the source file and, for YAML bodies, the object's first line; logical locations name the
 * object (`Kind/namespace/name`) and the field path.
 */
import type * as Sarif from 'sarif';
import { CONTROLS, findBenchmark } from '../cis';
import { PSS_CHECKS } from '../pss';
import { SERVICE_VERSION } from '../version';
import { objectLabel } from './labels';
import { PSP_RULES } from './psp-rules';
import { SEVERITY, type RuleId, type Severity } from './severity';
import type { EvaluateReport, ReportFinding } from './types';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** result.level by severity; `security-severity` is GitHub's 0–10 score (high ≥ 7, medium ≥ 4). */
const SARIF_LEVEL: Readonly<Record<Severity, { level: Sarif.ReportingConfiguration.level; securitySeverity: string }>> = {
  high: { level: 'error', securitySeverity: '8.0' },
  medium: { level: 'warning', securitySeverity: '5.5' },
  low: { level: 'note', securitySeverity: '3.0' },
};

function descriptor(id: RuleId, name: string, short: string, help: string | undefined, properties: Record<string, unknown>): Sarif.ReportingDescriptor {
  const row = SEVERITY[id];
  const engine = id.slice(0, id.indexOf('/'));
  const d: Sarif.ReportingDescriptor = {
    id,
    name,
    shortDescription: { text: short },
    fullDescription: { text: row.rationale },
    defaultConfiguration: { level: SARIF_LEVEL[row.severity].level },
    properties: { ...properties, severity: row.severity, 'security-severity': SARIF_LEVEL[row.severity].securitySeverity, tags: ['security', 'kubernetes', engine] },
  };
  if (help !== undefined) d.help = { text: help };
  return d;
}

/** The rule list of a report: its benchmark's controls, every PSS check, every PSP field. */
function rulesOf(r: EvaluateReport): Sarif.ReportingDescriptor[] {
  const benchmark = findBenchmark(r.benchmark.name)!;
  const rules: Sarif.ReportingDescriptor[] = benchmark.controls.map((c) =>
    descriptor(`cis/${c.key}`, `${benchmark.name} ${c.id}`, c.title, CONTROLS[c.key].remediation.pod, { benchmark: benchmark.name, controlId: c.id, assessment: c.assessment }),
  );
  for (const c of PSS_CHECKS) {
    rules.push(descriptor(`pss/${c.id}` as RuleId, c.id, `Pod Security Standards (${c.level}): ${c.id}`, undefined, { level: c.level, versions: [...c.versions] }));
  }
  for (const id of PSP_RULES) {
    const field = id.slice('psp/'.length);
    rules.push(descriptor(id, field, field === 'admission' ? 'PodSecurityPolicy admission denied the pod' : `PodSecurityPolicy ${field} denied the pod`, undefined, {}));
  }
  return rules;
}

function resultMessage(f: ReportFinding): string {
  const label = objectLabel(f.object);
  const where = f.path === '' || f.message.startsWith(`${f.path}: `) ? '' : ` ${f.path}:`;
  const policy = f.engine === 'psp' && f.context !== null ? ` PodSecurityPolicy ${JSON.stringify(f.context)}:` : '';
  const control = f.engine === 'cis' && f.context !== null ? `[${f.context}] ` : '';
  return `${control}${label}:${policy}${where} ${f.message}`;
}

function result(f: ReportFinding, uri: string, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  const physical: Sarif.PhysicalLocation = { artifactLocation: { uri, index: 0 } };
  if (f.object.line !== undefined) physical.region = { startLine: f.object.line };
  const label = objectLabel(f.object);
  const logical: Sarif.LogicalLocation[] = [{ name: f.object.name ?? '', fullyQualifiedName: label, kind: 'resource' }];
  if (f.path !== '') logical.push({ name: f.path, fullyQualifiedName: `${label}:${f.path}`, kind: 'property' });
  const properties: Record<string, unknown> = { severity: f.severity, object: label, path: f.path };
  if (f.context !== null) properties.context = f.context;
  if (f.object.document !== undefined) properties.document = f.object.document;
  return {
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule) ?? -1,
    level: SARIF_LEVEL[f.severity].level,
    message: { text: resultMessage(f) },
    locations: [{ physicalLocation: physical, logicalLocations: logical }],
    properties,
  };
}

export function formatSarif(r: EvaluateReport): Sarif.Log {
  const rules = rulesOf(r);
  const ruleIndex = new Map(rules.map((d, i) => [d.id, i]));
  const uri = encodeURI(r.source);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'podsec', version: SERVICE_VERSION, semanticVersion: SERVICE_VERSION, rules } },
        artifacts: [{ location: { uri }, roles: ['analysisTarget'] }],
        results: r.findings.map((f) => result(f, uri, ruleIndex)),
        properties: {
          benchmark: r.benchmark.name,
          podSecurityStandards: `${r.pss.level}:${r.pss.version}`,
          summary: r.summary,
          failOn: r.failOn,
        },
      },
    ],
  };
}
