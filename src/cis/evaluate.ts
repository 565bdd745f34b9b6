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
  BenchmarkControl,
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

/**
 * A control's notes over a policy set, one of each: decision notes repeat per policy, so they are
 * kept by code; other notes by code, message and path. Allocates nothing until a note arrives
 * (most policies attach none); the keys seen are a short list scanned in order (a control sees one
 * to three notes; the same SameValueZero test as a Set, without a Set per control and set), and a
 * Set only past SCAN_LIMIT keys.
 */
class NoteSet {
  readonly notes: Note[] = [];
  private keys: string[] | undefined;
  private seen: Set<string> | undefined;

  add(ns: readonly Note[]): void {
    for (let i = 0; i < ns.length; i++) this.addOne(ns[i]!);
  }

  addOne(n: Note): void {
    const k = n.code.startsWith('decision-') ? n.code : `${n.code}\u0000${n.message}\u0000${n.path ?? ''}`;
    if (this.seen !== undefined) {
      if (this.seen.has(k)) return;
      this.seen.add(k);
    } else {
      const keys = (this.keys ??= []);
      if (keys.includes(k)) return;
      keys.push(k);
      if (keys.length > SCAN_LIMIT) this.seen = new Set(keys);
    }
    this.notes.push(n);
  }
}

/** Keys a NoteSet scans in a list before it keeps them in a Set. */
const SCAN_LIMIT = 8;

export function evaluatePolicySet(policies: PodSecurityPolicy[], opts: CisOptions): PolicySetControl[] {
  const benchmark = benchmarkFor(opts);
  const pctx: PolicyContext = { opts: resolveOptions(opts) };
  const mode = opts.quantifier ?? DEFAULT_QUANTIFIER_MODE;
  const names = policies.map(policyName);
  const controls = benchmark.controls;
  const out: PolicySetControl[] = new Array(controls.length);
  for (let c = 0; c < controls.length; c++) out[c] = evaluateSetControl(controls[c]!, policies, names, pctx, mode);
  return out;
}

/** One control over the set: per-policy verdicts, then the set's status under the quantifier. */
function evaluateSetControl(
  bc: BenchmarkControl,
  policies: readonly PodSecurityPolicy[],
  names: readonly string[],
  pctx: PolicyContext,
  mode: Quantifier,
): PolicySetControl {
  const control = CONTROLS[bc.key];
  const quantifier = effectiveQuantifier(control, mode);
  const notes = new NoteSet();
  const verdicts: PolicyVerdict[] = new Array(policies.length);
  const satisfiedBy: string[] = [];
  for (let i = 0; i < policies.length; i++) {
    const outcome = control.evaluatePolicy(policies[i]!, pctx);
    if (outcome.notes.length > 0) notes.add(outcome.notes);
    verdicts[i] = { policy: names[i]!, status: outcome.status, findings: outcome.findings };
    if (outcome.status === 'pass') satisfiedBy.push(names[i]!);
  }

  if (quantifier === null) {
    // PSPs cannot express the control: its fixed status (notApplicable) stands for the set.
    const fixedOutcome = control.evaluatePolicy(EMPTY_PSP, pctx);
    notes.add(fixedOutcome.notes);
    return setControl(bc, fixedOutcome.status, [], notes.notes, null, [], verdicts);
  }

  notes.addOne(decisionNote(DECISION.quantifier));
  if (verdicts.length === 0) {
    notes.addOne(decisionNote(DECISION.emptyPolicySet));
    const finding: Finding = {
      path: control.policyPath ?? 'spec',
      reason: REASON.noPolicies,
      message: NO_POLICIES_MESSAGE,
      remediation: control.remediation.policy,
    };
    return setControl(bc, 'fail', [finding], notes.notes, quantifier, [], []);
  }
  const pass = quantifier === 'all' ? satisfiedBy.length === verdicts.length : satisfiedBy.length > 0;
  return setControl(bc, pass ? 'pass' : 'fail', pass ? [] : failingFindings(verdicts), notes.notes, quantifier, satisfiedBy, verdicts);
}

/** The findings of every policy that did not pass, in policy order. */
function failingFindings(verdicts: readonly PolicyVerdict[]): Finding[] {
  const out: Finding[] = [];
  for (const v of verdicts) if (v.status !== 'pass') for (const f of v.findings) out.push(f);
  return out;
}

// Built field by field: object spread is markedly slower in V8 on this hot path.
function setControl(
  bc: BenchmarkControl,
  status: ControlStatus,
  findings: Finding[],
  notes: Note[],
  quantifier: Quantifier | null,
  satisfiedBy: string[],
  policies: PolicyVerdict[],
): PolicySetControl {
  return { id: bc.id, key: bc.key, title: bc.title, assessment: bc.assessment, status, findings, notes, quantifier, satisfiedBy, policies };
}

const NO_POLICIES_MESSAGE = 'no PodSecurityPolicy supplied: by default no PSPs exist, so nothing is restricted';

/** A policy with nothing set, used only to ask a PSP-inexpressible control for its fixed status. */
const EMPTY_PSP: PodSecurityPolicy = { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: {}, spec: {} };
