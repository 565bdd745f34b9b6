/**
 * Reports over the engines' results (issue 5): one evaluation of manifests, a severity per rule,
 * failOn thresholds, and the JSON, SARIF 2.1.0, text and JUnit XML renderings. Pure, HTTP-free.
 */
export type { EvaluateReport, ObjectReport, PolicySetReport, PssVerdict, ReportFinding, ReportSummary, FailOnVerdict, Engine } from './types';
export { evaluateManifests, atObjectPaths, objectFieldPath, type EvaluateOptions } from './evaluate';
export { SEVERITY, SEVERITIES, severityOf, atOrAbove, type Severity, type SeverityRow, type RuleId } from './severity';
export { pspRuleOf, PSP_RULES, PSP_ADMISSION_RULE } from './psp-rules';
export { FAIL_ON, FAIL_ON_CONDITIONS, parseFailOn, crossedConditions, type FailOnCondition } from './fail-on';
export { REPORT_FORMATS, REPORT_FORMAT_NAMES, ACCEPTABLE_MEDIA_TYPES, negotiateFormat, defaultSource, type ReportFormat, type Negotiated } from './formats';
export { formatText, findingLine, summaryLine, oneLine } from './text';
export { formatSarif, SARIF_SCHEMA_URI } from './sarif';
export { formatJunit, pssChecksAt } from './junit';
export { xmlText, xmlAttr } from './xml';
export { objectLabel, sourceLocation } from './labels';
