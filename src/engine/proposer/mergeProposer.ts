// A merge, as a proposal: pick two front programs from different lineages, combine them over a common
// ancestor and test the result on a balanced val subsample (proposeMerge); the acceptance test judges it
// (acceptMerge: at least as good as the better parent there) and the loop registers it (registerMerge).
import type { RunContext } from '../context.ts';
import { sum, trackProposal } from '../context.ts';
import { frontierLists } from '../paretoFront.ts';
import { nonDominatedFrequencies } from '../dominance.ts';
import { mergeSubsample, planMerge } from './merge.ts';
import type { MergePlan } from './merge.ts';
import type { EvaluationBatch } from '../types.ts';
import { knownResults, registerCandidate } from '../registerCandidate.ts';

export type MergeOutcome = { kind: 'accepted'; idx: number } | { kind: 'rejected' };

/** Programs that survive dominance removal on the run's configured fronts (as the reference's tracked frontier). */
export function mergeCandidates(ctx: RunContext): number[] {
  return nonDominatedFrequencies(frontierLists(ctx.state.fronts, ctx.config.frontierType), ctx.state.valAggregate).map(
    ([p]) => p,
  );
}

/** A merged program tested on its balanced val subsample: what the acceptance test judges. */
export interface MergeProposal {
  plan: MergePlan;
  /** the val ids it was tested on, and its results there (reused when it joins the pool) */
  ids: number[];
  result: EvaluationBatch;
  /** the better parent's sum on those ids, and the merged program's */
  before: number;
  after: number;
}

/**
 * Plans a merge and tests it on its subsample; returns null (with the reason) when no merge can be made.
 * Adds nothing to the pool: the loop judges the proposal (acceptMerge) and registers it (registerMerge).
 */
export async function proposeMerge(
  ctx: RunContext,
  iteration: number,
): Promise<{ proposal: MergeProposal } | { none: string }> {
  const { state, config, rng, emit } = ctx;
  // checked before planning: planMerge records the pair as tried, and an unaffordable merge was not
  if (!ctx.evaluator.canAfford(ctx.valset.length)) return { none: 'budget cannot pay for a merge' };
  const plan = planMerge(state, mergeCandidates(ctx), state.merge, rng);
  if (!plan) return { none: 'no mergeable pair of front programs' };
  const { i, j } = plan;
  const ids = mergeSubsample(
    state.valSubscores[i] as number[],
    state.valSubscores[j] as number[],
    config.mergeSubsampleSize,
    config.mergeValOverlapFloor,
    rng,
  );
  if (!ids) return { none: `fewer than ${config.mergeValOverlapFloor} val examples scored for both parents` };

  emit('onMergeAttempted', { iteration, parentIds: [i, j], mergedCandidate: plan.candidate });
  const result = await ctx.evaluator.run({
    iteration,
    set: 'val',
    ids,
    candidate: plan.candidate,
    captureTraces: false,
    candidateIdx: null,
    parentIds: [i, j],
  });
  ctx.checkAborted();
  state.merge.totalMergesTested++;
  state.merge.mergesDue = Math.max(0, state.merge.mergesDue - 1);
  const sumI = sum(ids.map((v) => state.valSubscores[i]?.[v] as number));
  const sumJ = sum(ids.map((v) => state.valSubscores[j]?.[v] as number));
  return { proposal: { plan, ids, result, before: Math.max(sumI, sumJ), after: sum(result.scores) } };
}

/** The merge acceptance test, as the reference's: at least as good as the better parent on the subsample. */
export function acceptMerge(p: MergeProposal): boolean {
  return p.after >= p.before;
}

/** Adds an accepted merge to the pool (reusing its subsample results), or reports it rejected. */
export async function registerMerge(
  ctx: RunContext,
  iteration: number,
  p: MergeProposal,
  accepted: boolean,
): Promise<MergeOutcome> {
  const { state, emit } = ctx;
  const { plan, ids, result } = p;
  const parentIds: [number, number] = [plan.i, plan.j];
  const row = {
    iteration,
    kind: 'merge' as const,
    component: state.componentNames.join(', '),
    parentIds: [plan.i, plan.j],
    subsampleScoreBefore: p.before,
    subsampleScoreAfter: p.after,
    parentText: JSON.stringify(state.candidates[plan.ancestor], null, 2),
    prompt: '',
    rawLmOutput: '',
    proposedText: JSON.stringify(plan.candidate, null, 2),
    minibatchIds: ids,
    feedbackRecords: [],
  };
  if (!accepted) {
    const reason = `merged subsample score ${p.after} is below the better parent's ${p.before}`;
    emit('onMergeRejected', { iteration, parentIds, reason });
    trackProposal(ctx, { ...row, status: 'rejected', reason, candidateIdx: -1 });
    return { kind: 'rejected' };
  }
  // the subsample results are already paid for: reuse them in the full valset evaluation
  const reg = await registerCandidate(ctx, iteration, plan.candidate, parentIds, 'merge', knownResults(ids, result));
  emit('onMergeAccepted', { iteration, newCandidateIdx: reg.idx, parentIds });
  // every new candidate is announced alike, so a tracker counting acceptances counts merges too
  emit('onCandidateAccepted', { iteration, newCandidateIdx: reg.idx, newScore: p.after, parentIds });
  trackProposal(ctx, { ...row, status: 'accepted', reason: '', candidateIdx: reg.idx });
  return { kind: 'accepted', idx: reg.idx };
}
