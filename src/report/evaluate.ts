/**
 * Everything in one pass over ingested manifests: per pod-bearing object the PSP admission result
 * (when the body holds PodSecurityPolicies), the CIS controls and the Pod Security Standards
 * verdict; the PSP set's CIS verdict; the flattened findings, the summary and the failOn verdict.
 * Pure: runs the engines, no I/O.
 */
import { evaluatePodControls, evaluatePolicySet, findBenchmark, type CisOptions, type ControlResult, type Finding } from '../cis';
import { admissionBody, podNameOf } from './admission-shape';
import type { Manifests, ObjectRef, PodBearingObject } from '../ingest';
import { admitPod } from '../psp';
import type { PodSecurityPolicy } from '../k8s/types';
import { evaluatePss, minimumPssLevel, resolvePssVersion, type PssLevel } from '../pss';
import { crossedConditions, type FailOnCondition } from './fail-on';
import { PSP_ADMISSION_RULE, pspRuleOf } from './psp-rules';
import { SEVERITIES, severityOf, type RuleId, type Severity } from './severity';
import type { EvaluateReport, ObjectReport, PolicySetReport, PssVerdict, ReportFinding, ReportSummary } from './types';

export interface EvaluateOptions {
  /** File name used in SARIF artifact URIs, text `file:line` and JUnit. */
  source: string;
  cis: CisOptions;
  pssLevel: PssLevel;
  /** A valid PSS version (`latest`, `v1.N`); checked by the caller. */
  pssVersion: string;
  failOn: readonly FailOnCondition[];
}

export function evaluateManifests(manifests: Manifests, opts: EvaluateOptions): EvaluateReport {
  const benchmark = findBenchmark(opts.cis.benchmark);
  if (benchmark === undefined) throw new RangeError(`unknown CIS benchmark ${JSON.stringify(opts.cis.benchmark)}`);
  const policies: PodSecurityPolicy[] = manifests.policies.map((p) => p.policy);
  const pssContext = `${opts.pssLevel}:${opts.pssVersion}`;

  const findings: ReportFinding[] = [];
  const objects: ObjectReport[] = manifests.pods.map((p, index) => {
    const cis = evaluatePodControls(p.template, { ...opts.cis, isPod: p.isPod }).map((r) => atObjectPaths(r, p.templatePath));
    const pss = pssVerdict(p, opts.pssLevel, opts.pssVersion);
    const admission = policies.length === 0 ? null : admissionBody(p, admitPod({ pod: p.template, policies, podName: podNameOf(p) }));
    const report: ObjectReport = { object: p.ref, templatePath: p.templatePath, admission, cis, pss };
    pushObjectFindings(findings, report, index, pssContext);
    return report;
  });

  let policySet: PolicySetReport | null = null;
  if (policies.length > 0) {
    policySet = { policies: manifests.policies.map((p) => p.ref), controls: evaluatePolicySet(policies, opts.cis) };
    pushPolicySetFindings(findings, policySet, manifests);
  }

  const { controls: _controls, ...benchmarkInfo } = benchmark;
  const partial = { objects, policySet, findings };
  return {
    source: opts.source,
    benchmark: benchmarkInfo,
    pss: { level: opts.pssLevel, version: opts.pssVersion, resolvedVersion: resolvePssVersion(opts.pssVersion) },
    objects,
    policySet,
    skipped: manifests.skipped.map((s) => ({ object: s.ref, reason: s.reason })),
    findings,
    summary: summarize(objects, policySet, findings, manifests),
    failOn: { conditions: [...opts.failOn], crossed: crossedConditions(opts.failOn, partial) },
  };
}

/** The verdict at `level` and the minimum level, with no more evaluations than needed. */
function pssVerdict(p: PodBearingObject, level: PssLevel, version: string): PssVerdict {
  const options = { isPod: p.isPod };
  const e = evaluatePss(p.template, level, version, options);
  let minimumLevel: PssLevel;
  if (level === 'restricted' && e.allowed) minimumLevel = 'restricted';
  else if (level === 'restricted') minimumLevel = evaluatePss(p.template, 'baseline', version, options).allowed ? 'baseline' : 'privileged';
  else if (level === 'baseline' && !e.allowed) minimumLevel = 'privileged';
  else if (level === 'baseline') minimumLevel = evaluatePss(p.template, 'restricted', version, options).allowed ? 'restricted' : 'baseline';
  else minimumLevel = minimumPssLevel(p.template, version, options);
  return { allowed: e.allowed, minimumLevel, forbidden: e.forbidden, message: e.message };
}

/** Engine paths are relative to the pod; reports name the field in the submitted object. */
export function objectFieldPath(templatePath: string, podPath: string): string {
  return templatePath === '' ? podPath : `${templatePath}.${podPath}`;
}

/** A CIS result with its pod-relative finding and note paths named in the submitted object. */
export function atObjectPaths(r: ControlResult, templatePath: string): ControlResult {
  if (templatePath === '') return r;
  return {
    ...r,
    findings: r.findings.map((f) => ({ ...f, path: objectFieldPath(templatePath, f.path) })),
    notes: r.notes.map((n) => (n.path === undefined ? n : { ...n, path: objectFieldPath(templatePath, n.path) })),
  };
}

function row(rule: RuleId, engine: ReportFinding['engine'], objectIndex: number | null, object: ObjectRef, path: string, message: string, context: string | null): ReportFinding {
  return { rule, engine, severity: severityOf(rule), objectIndex, object, path, message, context };
}

function pushCisFindings(out: ReportFinding[], c: { id: string; key: string; title: string }, fs: readonly Finding[], index: number | null, object: ObjectRef, fallbackPath: string): void {
  const rule = `cis/${c.key}` as RuleId;
  if (fs.length === 0) {
    out.push(row(rule, 'cis', index, object, fallbackPath, c.title, c.id));
    return;
  }
  for (const f of fs) out.push(row(rule, 'cis', index, object, f.path, f.message, c.id));
}

function pushObjectFindings(out: ReportFinding[], o: ObjectReport, index: number, pssContext: string): void {
  const specPath = objectFieldPath(o.templatePath, 'spec');
  for (const c of o.cis) if (c.status === 'fail') pushCisFindings(out, c, c.findings, index, o.object, specPath);
  for (const f of o.pss.forbidden) {
    out.push(row(`pss/${f.check}` as RuleId, 'pss', index, o.object, specPath, `${f.reason} (${f.detail})`, pssContext));
  }
  const a = o.admission;
  if (a === null || a.allowed) return;
  let violations = 0;
  for (const e of a.evaluations) {
    for (const v of e.violations) {
      violations++;
      out.push(row(pspRuleOf(v.field), 'psp', index, o.object, v.field, v.message, e.policy));
    }
  }
  // Denied without a field error: no usable policy, or every policy failed to build.
  if (violations === 0) out.push(row(PSP_ADMISSION_RULE, 'psp', index, o.object, '', a.reason ?? 'denied', null));
}

function pushPolicySetFindings(out: ReportFinding[], set: PolicySetReport, manifests: Manifests): void {
  const refByName = new Map(manifests.policies.map((p) => [p.policy.metadata.name ?? '', p.ref]));
  for (const c of set.controls) {
    if (c.status !== 'fail') continue;
    for (const v of c.policies) {
      if (v.status === 'pass') continue;
      const ref = refByName.get(v.policy) ?? set.policies[0]!;
      pushCisFindings(out, c, v.findings, null, ref, 'spec');
    }
  }
}

function summarize(objects: readonly ObjectReport[], set: PolicySetReport | null, findings: readonly ReportFinding[], manifests: Manifests): ReportSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const counts = new Map<string, number>();
  for (const f of findings) {
    bySeverity[f.severity]++;
    counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  }
  const byRule: Record<string, number> = {};
  for (const rule of [...counts.keys()].sort()) byRule[rule] = counts.get(rule)!;
  const cis = { pass: 0, fail: 0, manual: 0, notApplicable: 0, policySetFailing: 0 };
  const pss = { allowed: 0, forbidden: 0, minimumLevels: { privileged: 0, baseline: 0, restricted: 0 } };
  let allowed = 0;
  let denied = 0;
  for (const o of objects) {
    for (const c of o.cis) cis[c.status]++;
    if (o.pss.allowed) pss.allowed++;
    else pss.forbidden++;
    pss.minimumLevels[o.pss.minimumLevel]++;
    if (o.admission?.allowed === true) allowed++;
    else if (o.admission?.allowed === false) denied++;
  }
  if (set) cis.policySetFailing = set.controls.filter((c) => c.status === 'fail').length;
  return {
    objects: objects.length,
    policies: manifests.policies.length,
    skipped: manifests.skipped.length,
    findings: findings.length,
    bySeverity,
    byRule,
    cis,
    pss,
    admission: set === null ? null : { allowed, denied },
  };
}
