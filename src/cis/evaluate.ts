/**
 * Runs a benchmark's controls, in benchmark ID order, over one pod or over a set of PSPs.
 */

import type { PodSecurityPolicy, PodTemplate } from '../k8s/types';
import { findBenchmark } from './benchmarks';
import { buildPodContext, resolveOptions } from './context';
import { CONTROLS } from './controls';
import { DECISION, decisionNote } from './decisions';
import { REASON, policyName } from './reasons';
import type {
  BenchmarkInfo,
  CisControl,
  CisOptions,
  ControlResult,
  ControlStatus,
  Finding,
  Note,
  PolicyContext,
  PolicySetControl,
  PolicyVerdict,
  Quantifier,
} from './types';

/**
 * Default PSP-set quantifier mode (DECISION.quantifier): 'exists' = each control's own PSP-era
 * quantifier (∃, except added-capabilities ∀), whatever the benchmark, since PSP objects only
 * matter on PSP-era clusters (spec §5). 'all' = ∀ everywhere (the PSS-era "each policy" wording).
 */
const DEFAULT_QUANTIFIER_MODE: Quantifier = 'exists';

function benchmarkFor(opts: CisOptions): BenchmarkInfo {
  const b = findBenchmark(opts.benchmark);
  if (b === undefined) throw new RangeError(`unknown CIS benchmark ${JSON.stringify(opts.benchmark)}`);
  return b;
}

export function evaluatePodControls(pod: PodTemplate, opts: CisOptions): ControlResult[] {
  const benchmark = benchmarkFor(opts);
  const ctx = buildPodContext(pod, resolveOptions(opts));
  const skipped = skippedContainerNote(pod, ctx.opts.containerScope);
  return benchmark.controls.map((bc) => {
    const outcome = CONTROLS[bc.key].evaluatePod(ctx);
    // The scope decision matters only to controls that look at containers.
    const notes = skipped !== undefined && CONTAINER_CONTROLS.has(bc.key) ? [...outcome.notes, skipped] : outcome.notes;
    return { id: bc.id, key: bc.key, title: bc.title, assessment: bc.assessment, status: outcome.status, findings: outcome.findings, notes };
  });
}

const CONTAINER_CONTROLS: ReadonlySet<string> = new Set([
  'privileged',
  'allow-privilege-escalation',
  'root',
  'net-raw',
  'added-capabilities',
  'capabilities-assigned',
  'windows-hostprocess',
  'hostpath-volumes',
  'host-ports',
]);

/** With containerScope=containers, say that init/ephemeral containers were not evaluated. */
function skippedContainerNote(pod: PodTemplate, scope: 'all' | 'containers'): Note | undefined {
  if (scope === 'all') return undefined;
  const n = (pod.spec.initContainers?.length ?? 0) + (pod.spec.ephemeralContainers?.length ?? 0);
  return n === 0 ? undefined : decisionNote(DECISION.containerScope);
}

function effectiveQuantifier(control: CisControl, mode: Quantifier): Quantifier | null {
  if (control.quantifier === null) return null;
  return mode === 'all' ? 'all' : control.quantifier;
}

function combine(quantifier: Quantifier, verdicts: readonly PolicyVerdict[]): ControlStatus {
  const passes = verdicts.filter((v) => v.status === 'pass').length;
  if (verdicts.length === 0) return 'fail';
  return (quantifier === 'all' ? passes === verdicts.length : passes > 0) ? 'pass' : 'fail';
}

export function evaluatePolicySet(policies: PodSecurityPolicy[], opts: CisOptions): PolicySetControl[] {
  const benchmark = benchmarkFor(opts);
  const pctx: PolicyContext = { opts: resolveOptions(opts) };
  const mode = opts.quantifier ?? DEFAULT_QUANTIFIER_MODE;
  return benchmark.controls.map((bc): PolicySetControl => {
    const control = CONTROLS[bc.key];
    const quantifier = effectiveQuantifier(control, mode);
    const notes: Note[] = [];
    const seen = new Set<string>();
    const addNotes = (ns: readonly Note[]): void => {
      for (const n of ns) {
        // Decision notes repeat per policy; keep one of each.
        const k = n.code.startsWith('decision-') ? n.code : `${n.code}\u0000${n.message}\u0000${n.path ?? ''}`;
        if (seen.has(k)) continue;
        seen.add(k);
        notes.push(n);
      }
    };
    const verdicts: PolicyVerdict[] = policies.map((psp) => {
      const outcome = control.evaluatePolicy(psp, pctx);
      addNotes(outcome.notes);
      return { policy: policyName(psp), status: outcome.status, findings: outcome.findings };
    });
    // Built field by field: object spread is markedly slower in V8 on this hot path.
    const result = (status: ControlStatus, findings: Finding[], satisfiedBy: string[], verdictList: PolicyVerdict[]): PolicySetControl => ({
      id: bc.id,
      key: bc.key,
      title: bc.title,
      assessment: bc.assessment,
      status,
      findings,
      notes,
      quantifier,
      satisfiedBy,
      policies: verdictList,
    });

    if (quantifier === null) {
      // PSPs cannot express the control: its fixed status (notApplicable) stands for the set.
      const fixedOutcome = control.evaluatePolicy(EMPTY_PSP, pctx);
      addNotes(fixedOutcome.notes);
      return result(fixedOutcome.status, [], [], verdicts);
    }

    addNotes([decisionNote(DECISION.quantifier)]);
    if (verdicts.length === 0) {
      addNotes([decisionNote(DECISION.emptyPolicySet)]);
      const finding: Finding = {
        path: control.policyPath ?? 'spec',
        reason: REASON.noPolicies,
        message: NO_POLICIES_MESSAGE,
        remediation: control.remediation.policy,
      };
      return result('fail', [finding], [], []);
    }
    const status = combine(quantifier, verdicts);
    const satisfiedBy = verdicts.filter((v) => v.status === 'pass').map((v) => v.policy);
    const findings = status === 'fail' ? verdicts.flatMap((v) => (v.status === 'pass' ? [] : v.findings)) : [];
    return result(status, findings, satisfiedBy, verdicts);
  });
}

const NO_POLICIES_MESSAGE = 'no PodSecurityPolicy supplied: by default no PSPs exist, so nothing is restricted';

/** A policy with nothing set, used only to ask a PSP-inexpressible control for its fixed status. */
const EMPTY_PSP: PodSecurityPolicy = { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: {}, spec: {} };
