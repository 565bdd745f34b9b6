/**
 * The evaluation report: what POST /v1/evaluate answers in JSON, and what the SARIF, text and
 * JUnit formatters read. src/http/schemas/evaluate.ts mirrors it as zod (OpenAPI) schemas; the
 * route assigns one to the other, so the two cannot drift apart.
 */
import type { BenchmarkInfo, ControlResult, PolicySetControl } from '../cis';
import type { ObjectRef } from '../ingest';
import type { PssForbidden, PssLevel } from '../pss';
import type { AdmissionResultBody } from './admission-shape';
import type { FailOnCondition } from './fail-on';
import type { RuleId, Severity } from './severity';

export type Engine = 'cis' | 'pss' | 'psp';

export interface PssVerdict {
  allowed: boolean;
  minimumLevel: PssLevel;
  forbidden: PssForbidden[];
  message: string | null;
}

export interface ObjectReport {
  object: ObjectRef;
  /** Where the pod template sits in the object ('' for a Pod). */
  templatePath: string;
  /** PSP admission against the policies of the body; null when the body holds none. */
  admission: Omit<AdmissionResultBody, 'object'> | null;
  cis: ControlResult[];
  pss: PssVerdict;
}

export interface PolicySetReport {
  policies: ObjectRef[];
  controls: PolicySetControl[];
}

/** One finding, flattened: the rows the text, SARIF and JUnit formats print. */
export interface ReportFinding {
  rule: RuleId;
  engine: Engine;
  severity: Severity;
  /** Index in `objects`; null for a finding about the PSP set. */
  objectIndex: number | null;
  object: ObjectRef;
  /** Field path in the submitted object (CIS, PSS) or exactly as the PSP plugin reports it (PSP). */
  path: string;
  /** CIS: the finding's message; PSS: `reason (detail)` as the library joins them; PSP: Kubernetes' whole field error. */
  message: string;
  /** CIS: benchmark control ID; PSS: `level:version`; PSP: the policy that rejected (or null). */
  context: string | null;
}

export interface ReportSummary {
  objects: number;
  policies: number;
  skipped: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  /** Finding count per rule ID, rules in ascending order; rules without findings are absent. */
  byRule: Record<string, number>;
  cis: { pass: number; fail: number; manual: number; notApplicable: number; policySetFailing: number };
  pss: { allowed: number; forbidden: number; minimumLevels: Record<PssLevel, number> };
  /** null when the body holds no PodSecurityPolicy. */
  admission: { allowed: number; denied: number } | null;
}

export interface FailOnVerdict {
  conditions: FailOnCondition[];
  crossed: FailOnCondition[];
}

export interface EvaluateReport {
  source: string;
  benchmark: Omit<BenchmarkInfo, 'controls'>;
  pss: { level: PssLevel; version: string; resolvedVersion: string };
  objects: ObjectReport[];
  policySet: PolicySetReport | null;
  skipped: Array<{ object: ObjectRef; reason: string }>;
  findings: ReportFinding[];
  summary: ReportSummary;
  failOn: FailOnVerdict;
}
