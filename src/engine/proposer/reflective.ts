// One reflective round: draw the round's parents and minibatches (one proposal with the default
// 'single' sampling), run each parent on its minibatch with traces, ask the reflection LM for better
// texts, test each child on its parent's minibatch, let the acceptance criterion and the selection
// strategy decide, and add the winners to the pool.
// With several proposals, each stage runs them concurrently and the next starts when all are done: every
// evaluation of a stage starts in proposal order before any can finish, and results, events and rows are
// handled in proposal order, so the run depends only on the seed and the LM's answers, never on timing.
import type { Candidate, EvaluationBatch, ReflectiveDataset } from '../types.ts';
import type { CachedEvaluation } from '../state.ts';
import type { RunContext, ProposalDraft } from '../context.ts';
import { sum, trackProposal } from '../context.ts';
import { capped, sampleTasks, tasksPerRound } from '../strategies/proposalSampling.ts';
import { nextMinibatch } from '../strategies/batchSampler.ts';
import type { ProposalTask } from '../strategies/proposalSampling.ts';
import { maxSelected, passes, selectProposals } from '../strategies/proposalSelection.ts';
import { proposeTexts } from './proposeTexts.ts';
import type { ProposedTexts } from './proposeTexts.ts';
import { addCandidate, evaluateOnValset, inheritedPointer, knownResults } from '../registerCandidate.ts';
import type { ValsetEvaluation } from '../registerCandidate.ts';
import { settleAll } from '../settleAll.ts';
import { reflectiveRoundCost } from '../budget.ts';
import { candidateKey } from '../candidateKey.ts';

export interface ReflectiveOutcome {
  /** indices of the candidates the round added, in proposal order */
  accepted: number[];
}

/**
 * A round decided up to its valset stage: which proposals the acceptance criterion and the selection
 * strategy kept. Plain data (the parents' traced minibatch results are dropped once used), so a round
 * whose valset stage is still to come can wait in the state (`pendingRound`) and a checkpoint resumes it.
 */
export interface DecidedRound {
  iteration: number;
  proposals: Proposal[];
  /** indices into proposals that enter the valset stage, ascending */
  selected: number[];
  /** improving proposals dropped as the same program as a selected one */
  duplicates: number[];
}

/** One proposal's way through the round. */
export interface Proposal {
  task: ProposalTask;
  iterationId: string;
  parent: Candidate;
  before?: EvaluationBatch;
  sumBefore: number;
  /** the components picked for rewriting; `components` keeps those with feedback records */
  picked: string[];
  components: string[];
  dataset: ReflectiveDataset;
  proposed?: ProposedTexts;
  child?: Candidate;
  sumAfter?: number;
  /** set once the proposal is settled as skipped or rejected before selection */
  done?: boolean;
  /** its speculative parent never entered the pool (overlapRounds): reported without a parent */
  orphan?: boolean;
}

/**
 * The round's minibatch size: the configured one, or when the budget left cannot pay for a round of it
 * (2 minibatches and the valset) the largest that fits, so the end of the budget buys another proposal
 * instead of being left unspent. The loop stops before a round that cannot afford a minibatch of one.
 */
function roundMinibatchSize(ctx: RunContext, held: number): number {
  const mb = ctx.config.reflectionMinibatchSize;
  const remaining = ctx.evaluator.remaining();
  if (remaining === null) return mb;
  const left = remaining - held;
  return Math.max(1, Math.min(mb, Math.floor((left - ctx.valset.length) / 2)));
}

/** The most proposals the remaining budget pays for at worst (each may enter the pool): at least one. */
function affordableTasks(ctx: RunContext, mb: number, held: number): number {
  const { config, evaluator } = ctx;
  const want = tasksPerRound(config.samplingStrategy);
  const V = ctx.valset.length;
  for (let n = want; n > 1; n--) {
    if (evaluator.canAfford(held + reflectiveRoundCost(mb, V, n, maxSelected(config.selectionStrategy, n)))) return n;
  }
  return 1;
}

/** One lock-step round: proposals decided, winners scored on the valset, added to the pool. */
export async function reflectiveIteration(ctx: RunContext, iteration: number): Promise<ReflectiveOutcome> {
  const round = await proposeRound(ctx, iteration);
  return admitRound(ctx, round, await scoreWinners(ctx, round));
}

/**
 * The round's proposals up to the decision: parents on their minibatches, reflection, children on the
 * same minibatches, acceptance and selection. Adds nothing to the pool; skipped and failed proposals
 * report at once, the others when the round is admitted.
 * @param held metric calls the remaining budget must keep for an earlier round's valset stage
 */
export async function proposeRound(
  ctx: RunContext,
  iteration: number,
  held = 0,
  speculative?: SpeculativeParent,
  deferred?: (() => void)[],
): Promise<DecidedRound> {
  const { state, config, rng, emit } = ctx;
  const mb = roundMinibatchSize(ctx, held);
  const strategy = capped(config.samplingStrategy, affordableTasks(ctx, mb, held));
  const tasks = speculative
    ? speculativeTasks(ctx, speculative, tasksPerRound(strategy), mb)
    : sampleTasks(strategy, state, ctx.selector, rng, ctx.trainset.length, mb);
  const several = tasks.length > 1;
  const parentOf = (idx: number) =>
    (idx === speculative?.idx ? speculative.candidate : state.candidates[idx]) as Candidate;
  const proposals: Proposal[] = tasks.map((task, k) => ({
    task,
    iterationId: several ? `${iteration}-${k}` : String(iteration),
    parent: parentOf(task.parentIdx),
    sumBefore: 0,
    picked: [],
    components: [],
    dataset: {},
  }));
  for (const p of proposals) {
    emit('onCandidateSelected', {
      iteration,
      candidateIdx: p.task.parentIdx,
      candidate: p.parent,
      // a speculative parent is still being scored on the valset
      score: state.valAggregate[p.task.parentIdx] ?? NaN,
    });
    emit('onMinibatchSampled', {
      iteration,
      minibatchIds: [...p.task.minibatchIds],
      trainsetSize: ctx.trainset.length,
    });
  }

  await evaluateParents(ctx, iteration, proposals);
  const { skip, rows, reject } = reporters(ctx, iteration, deferred);
  const perfect = (p: Proposal) =>
    config.skipPerfectScore && (p.before as EvaluationBatch).scores.every((s) => s >= config.perfectScore);
  for (const p of proposals) {
    const before = p.before as EvaluationBatch;
    if (!before.trajectories || before.trajectories.length === 0) skip(p, 'no_trajectories');
    else if (perfect(p)) skip(p, 'all_scores_perfect');
  }

  await buildDatasets(ctx, iteration, proposals, skip);
  await reflect(ctx, iteration, proposals);
  for (const p of proposals) {
    if (p.done || Object.keys(p.proposed?.texts ?? {}).length > 0) continue;
    p.done = true;
    const reason = 'no usable proposal: ' + Object.values(p.proposed?.failures ?? {}).join('; ');
    reject(p, { oldScore: p.sumBefore, newScore: p.sumBefore, reason });
    rows(p, { status: 'rejected', reason, candidateIdx: -1 });
  }
  await evaluateChildren(ctx, iteration, proposals);

  // the acceptance criterion and the selection strategy decide; an identical child selected twice enters once
  const selected: number[] = [];
  const seen = new Set<string>();
  const duplicates: number[] = [];
  for (const k of selectProposals(judgements(proposals), config.selectionStrategy, config.acceptanceCriterion)) {
    const key = candidateKey(proposals[k]?.child as Candidate);
    if (seen.has(key)) {
      duplicates.push(k);
      continue;
    }
    seen.add(key);
    selected.push(k);
  }
  // the traced results were for reflection; what is left is plain data
  for (const p of proposals) delete p.before;
  return { iteration, proposals, selected: selected.sort((a, b) => a - b), duplicates };
}

/**
 * The previous round's first selected child while it is still being scored on the valset (overlapRounds):
 * every parent of the next round. It enters the pool as `idx` unless its valset gate stops it.
 */
export interface SpeculativeParent {
  idx: number;
  candidate: Candidate;
  /** its parent in the pool, whose round-robin pointer it inherits */
  parentIdx: number;
}

/** The round's tasks on the speculative parent, which starts from its inherited round-robin pointer. */
function speculativeTasks(ctx: RunContext, parent: SpeculativeParent, n: number, mb: number): ProposalTask[] {
  const { state, rng } = ctx;
  state.roundRobinNext[parent.idx] ??= inheritedPointer(state, [parent.parentIdx]);
  return Array.from({ length: n }, () => ({
    parentIdx: parent.idx,
    minibatchIds: nextMinibatch(state.sampler, ctx.trainset.length, mb, rng),
  }));
}

/** Reports a tested proposal as rejected: the rejection event and its rows. */
export function reportRejected(ctx: RunContext, iteration: number, p: Proposal, reason: string): void {
  const { rows, reject } = reporters(ctx, iteration);
  reject(p, { oldScore: p.sumBefore, newScore: p.sumAfter ?? p.sumBefore, reason });
  rows(p, { status: 'rejected', reason, candidateIdx: -1 });
}

const judgements = (proposals: readonly Proposal[]) =>
  proposals.map((p) => (p.done ? null : { before: p.sumBefore, after: p.sumAfter as number }));

/** The row and event reporters of a round's proposals. */
function reporters(ctx: RunContext, iteration: number, deferred?: (() => void)[]) {
  const { emit } = ctx;
  // overlapped rounds report at the end of the iteration, after the round they overlapped with: row ids and
  // their metric-call counts then do not depend on which stage's calls returned first
  const report = (f: () => void) => (deferred ? deferred.push(f) : f());
  const row = (p: Proposal, c: string, r: Pick<ProposalDraft, 'status' | 'reason' | 'candidateIdx'>) =>
    trackProposal(ctx, {
      iteration,
      kind: 'reflective',
      component: c,
      ...r,
      parentIds: p.orphan ? [] : [p.task.parentIdx],
      subsampleScoreBefore: p.sumBefore,
      subsampleScoreAfter: r.status === 'skipped' || p.proposed?.failures[c] ? null : (p.sumAfter ?? null),
      parentText: c ? (p.parent[c] ?? '') : '',
      prompt: p.proposed?.prompts[c] ?? '',
      rawLmOutput: p.proposed?.raw[c] ?? '',
      proposedText: p.proposed?.texts[c] ?? '',
      minibatchIds: p.task.minibatchIds,
      feedbackRecords: (c ? (p.dataset[c] ?? []) : []) as Record<string, unknown>[],
    });
  // one row per component; a component whose proposal failed is rejected with its own reason
  const rows = (p: Proposal, r: Pick<ProposalDraft, 'status' | 'reason' | 'candidateIdx'>) =>
    report(() => {
      for (const c of p.components) {
        const failed = p.proposed?.failures[c];
        row(p, c, failed ? { status: 'rejected', reason: failed, candidateIdx: -1 } : r);
      }
    });
  const skip = (p: Proposal, reason: string) => {
    p.done = true;
    const scores = p.before?.scores ?? null;
    report(() => {
      emit('onEvaluationSkipped', {
        iteration,
        candidateIdx: p.task.parentIdx,
        reason,
        scores,
        isSeedCandidate: p.task.parentIdx === 0,
      });
      row(p, '', { status: 'skipped', reason, candidateIdx: -1 });
    });
  };
  const reject = (p: Proposal, e: { oldScore: number; newScore: number; reason: string }) =>
    report(() => emit('onCandidateRejected', { iteration, ...e }));
  return { rows, skip, reject };
}

/** A decided round's valset stage: what the gate stopped and the winners' valset results, in order. */
export interface RoundValsets {
  stopped: Map<number, string>;
  /** per selected proposal not stopped by the gate, in proposal order */
  valsets: ValsetEvaluation[];
}

/** The metric calls a decided round's valset stage may still spend (each selected child on the valset). */
export function winnersCost(ctx: RunContext, round: DecidedRound): number {
  return round.selected.length * ctx.valset.length;
}

/**
 * The selected children on the valset (after the valset gate), together; nothing is added to the pool.
 * Its random draws (the gate's examples) happen before it first awaits, so a caller that starts another
 * stage right after it keeps the order of draws fixed.
 */
export async function scoreWinners(ctx: RunContext, round: DecidedRound): Promise<RoundValsets> {
  const { state } = ctx;
  const callsBefore = state.totalMetricCalls;
  const poolSize = state.candidates.length;
  const gate = await valsetGate(ctx, round.iteration, round.proposals, new Set(round.selected));
  const winners = round.selected.filter((k) => !gate.stopped.has(k)).map((k) => round.proposals[k] as Proposal);
  const valsets = await settleAll(
    winners.map((p, w) =>
      evaluateOnValset(
        ctx,
        round.iteration,
        p.child as Candidate,
        poolSize + w,
        [p.task.parentIdx],
        'reflective',
        gate.known.get(p),
        callsBefore,
      ),
    ),
  );
  return { stopped: gate.stopped, valsets };
}

/** Adds a scored round's winners to the pool in proposal order and reports every open proposal. */
export function admitRound(ctx: RunContext, round: DecidedRound, scored: RoundValsets): ReflectiveOutcome {
  const { state, config, emit } = ctx;
  const { iteration, proposals } = round;
  const { rows } = reporters(ctx, iteration);
  const selected = new Set(round.selected);
  const duplicates = new Set(round.duplicates);
  const judged = judgements(proposals);
  const { stopped, valsets } = scored;
  const winners = proposals.filter((_, k) => selected.has(k) && !stopped.has(k));
  const accepted: number[] = [];
  proposals.forEach((p, k) => {
    if (p.done) return;
    const trackSubsample = () =>
      ctx.track({
        type: 'metrics',
        iteration,
        metrics: {
          'subsample/before': p.sumBefore,
          'subsample/after': p.sumAfter as number,
          total_metric_calls: state.totalMetricCalls,
        },
      });
    if (!selected.has(k) || stopped.has(k)) {
      const judgement = judged[k] as { before: number; after: number };
      const reason =
        stopped.get(k) ??
        (duplicates.has(k)
          ? 'the same program as another proposal of this round, which entered the pool'
          : passes(judgement, config.acceptanceCriterion)
            ? `minibatch score ${p.sumAfter} improved, but the selection strategy kept other proposals of this round`
            : `minibatch score ${p.sumAfter} did not ` +
              `${config.acceptanceCriterion === 'strict_improvement' ? 'beat' : 'match'} the parent's ${p.sumBefore}`);
      trackSubsample();
      emit('onCandidateRejected', { iteration, oldScore: p.sumBefore, newScore: p.sumAfter as number, reason });
      rows(p, { status: 'rejected', reason, candidateIdx: -1 });
      return;
    }
    const valset = valsets[winners.indexOf(p)]!;
    const reg = addCandidate(ctx, iteration, p.child as Candidate, [p.task.parentIdx], 'reflective', valset);
    accepted.push(reg.idx);
    trackSubsample();
    emit('onCandidateAccepted', {
      iteration,
      newCandidateIdx: reg.idx,
      newScore: p.sumAfter as number,
      parentIds: [p.task.parentIdx],
    });
    rows(p, { status: 'accepted', reason: '', candidateIdx: reg.idx });
  });
  return { accepted };
}

/**
 * The valset gate (`valsetGateSize` > 0): each selected child first scores on a few random val examples,
 * and one that does worse there than its parent did stops before the rest of the valset is paid for. A
 * child that passes keeps those results: its full evaluation only pays for the examples left.
 */
async function valsetGate(
  ctx: RunContext,
  iteration: number,
  proposals: Proposal[],
  selected: ReadonlySet<number>,
): Promise<{ stopped: Map<number, string>; known: Map<Proposal, Map<number, CachedEvaluation>> }> {
  const stopped = new Map<number, string>();
  const known = new Map<Proposal, Map<number, CachedEvaluation>>();
  const V = ctx.valset.length;
  const size = Math.min(ctx.config.valsetGateSize, V);
  if (size <= 0 || size >= V) return { stopped, known };
  const gated = [...selected].sort((a, b) => a - b);
  // drawn in proposal order before anything is awaited
  const ids = gated.map(() =>
    ctx.rng
      .shuffle(Array.from({ length: V }, (_, v) => v))
      .slice(0, size)
      .sort((a, b) => a - b),
  );
  const results = await settleAll(
    gated.map((k, g) =>
      ctx.evaluator.run({
        iteration,
        set: 'val',
        ids: ids[g] as number[],
        candidate: proposals[k]?.child as Candidate,
        captureTraces: false,
        candidateIdx: null,
        parentIds: [proposals[k]?.task.parentIdx as number],
      }),
    ),
  );
  ctx.checkAborted();
  gated.forEach((k, g) => {
    const p = proposals[k] as Proposal;
    const res = results[g] as EvaluationBatch;
    const gateIds = ids[g] as number[];
    const parentScores = ctx.state.valSubscores[p.task.parentIdx] as number[];
    const childSum = sum(res.scores);
    const parentSum = sum(gateIds.map((v) => parentScores[v] as number));
    if (childSum < parentSum) {
      stopped.set(
        k,
        `valset gate: ${childSum} on ${size} val examples where its parent scored ${parentSum}, ` +
          'so the rest of the valset was not evaluated',
      );
      return;
    }
    known.set(p, knownResults(gateIds, res));
  });
  return { stopped, known };
}

/** Each distinct (parent, minibatch) of the round on its minibatch, with traces; shared by equal tasks. */
async function evaluateParents(ctx: RunContext, iteration: number, proposals: Proposal[]): Promise<void> {
  const shared = new Map<string, Promise<EvaluationBatch>>();
  const runs = proposals.map((p) => {
    const key = `${p.task.parentIdx}|${p.task.minibatchIds.join(',')}`;
    let run = shared.get(key);
    if (!run) {
      run = ctx.evaluator.run({
        iteration,
        set: 'train',
        ids: p.task.minibatchIds,
        candidate: p.parent,
        captureTraces: true,
        candidateIdx: p.task.parentIdx,
      });
      shared.set(key, run);
    }
    return run;
  });
  const results = await settleAll(runs);
  ctx.checkAborted();
  proposals.forEach((p, k) => {
    p.before = results[k] as EvaluationBatch;
    p.sumBefore = sum(p.before.scores);
  });
}

/** Picks the components and builds the reflective datasets; a proposal with no records left is skipped. */
async function buildDatasets(
  ctx: RunContext,
  iteration: number,
  proposals: Proposal[],
  skip: (p: Proposal, reason: string) => void,
): Promise<void> {
  const open = proposals.filter((p) => !p.done);
  // picked in proposal order before anything is awaited: round-robin pointers and custom selectors' draws
  const picked = open.map((p) => ctx.pickComponents(ctx.state, p.task.parentIdx, p.parent, ctx.rng));
  const datasets = await settleAll(
    open.map((p, k) =>
      Promise.resolve(ctx.adapter.makeReflectiveDataset(p.parent, p.before as EvaluationBatch, picked[k] as string[])),
    ),
  );
  ctx.checkAborted();
  open.forEach((p, k) => {
    p.dataset = datasets[k] as ReflectiveDataset;
    // a component the adapter gave no records for has nothing to learn from: it keeps its text and costs no call
    p.components = (picked[k] as string[]).filter((c) => (p.dataset[c]?.length ?? 0) > 0);
    ctx.emit('onReflectiveDatasetBuilt', {
      iteration,
      iterationId: p.iterationId,
      candidateIdx: p.task.parentIdx,
      components: p.components,
      dataset: p.dataset,
    });
    p.picked = picked[k] as string[];
    if (p.components.length === 0) skip(p, 'no_reflective_records');
  });
}

/** The reflection calls of every open proposal, together. */
async function reflect(ctx: RunContext, iteration: number, proposals: Proposal[]): Promise<void> {
  const open = proposals.filter((p) => !p.done);
  for (const p of open)
    ctx.emit('onProposalStart', {
      iteration,
      parentCandidate: p.parent,
      components: p.components,
      reflectiveDataset: p.dataset,
    });
  const replies = await settleAll(open.map((p) => proposeTexts(ctx, p.parent, p.dataset, p.components)));
  ctx.checkAborted();
  open.forEach((p, k) => {
    const proposed = replies[k] as ProposedTexts;
    p.proposed = proposed;
    ctx.state.totalReflectionCost += proposed.cost;
    const picked = p.picked;
    ctx.emit('onProposalEnd', {
      iteration,
      newInstructions: proposed.texts,
      prompts: proposed.prompts,
      rawLmOutputs: proposed.raw,
      metadata: {
        iterationId: p.iterationId,
        parentIdx: p.task.parentIdx,
        reflectionCost: proposed.cost,
        ...(picked.length > p.components.length
          ? { componentsWithoutRecords: picked.filter((c) => !p.components.includes(c)) }
          : {}),
        ...(Object.keys(proposed.failures).length ? { failures: { ...proposed.failures } } : {}),
      },
    });
  });
}

/** Every child with usable texts on its parent's minibatch (no traces: the cache may serve it). */
async function evaluateChildren(ctx: RunContext, iteration: number, proposals: Proposal[]): Promise<void> {
  const open = proposals.filter((p) => !p.done);
  for (const p of open) p.child = { ...p.parent, ...p.proposed?.texts };
  const results = await settleAll(
    open.map((p) =>
      ctx.evaluator.run({
        iteration,
        set: 'train',
        ids: p.task.minibatchIds,
        candidate: p.child as Candidate,
        captureTraces: false,
        candidateIdx: null,
        parentIds: [p.task.parentIdx],
      }),
    ),
  );
  ctx.checkAborted();
  open.forEach((p, k) => (p.sumAfter = sum((results[k] as EvaluationBatch).scores)));
}
