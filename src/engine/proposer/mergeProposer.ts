// One merge iteration: pick two front programs from different lineages, combine them over a common
// ancestor, test the result on a balanced val subsample, and register it when it scores at least as
// well as the better parent on that subsample.
import type { RunContext } from '../context.ts';
import { sum, trackProposal } from '../context.ts';
import type { CachedEvaluation } from '../state.ts';
import { frontierLists } from '../paretoFront.ts';
import { nonDominatedFrequencies } from '../dominance.ts';
import { mergeSubsample, planMerge } from './merge.ts';
import { registerCandidate } from '../registerCandidate.ts';

export type MergeOutcome = { kind: 'accepted'; idx: number } | { kind: 'rejected' } | { kind: 'none'; reason: string };

/** Programs that survive dominance removal on the run's configured fronts (as the reference's tracked frontier). */
export function mergeCandidates(ctx: RunContext): number[] {
  return nonDominatedFrequencies(frontierLists(ctx.state.fronts, ctx.config.frontierType), ctx.state.valAggregate).map(
    ([p]) => p,
  );
}

export async function mergeIteration(ctx: RunContext, iteration: number): Promise<MergeOutcome> {
  const { state, config, rng, emit } = ctx;
  // checked before planning: planMerge records the pair as tried, and an unaffordable merge was not
  if (!ctx.evaluator.canAfford(ctx.valset.length)) return { kind: 'none', reason: 'budget cannot pay for a merge' };
  const plan = planMerge(state, mergeCandidates(ctx), state.merge, rng);
  if (!plan) return { kind: 'none', reason: 'no mergeable pair of front programs' };
  const { i, j } = plan;
  const ids = mergeSubsample(
    state.valSubscores[i] as number[],
    state.valSubscores[j] as number[],
    config.mergeSubsampleSize,
    config.mergeValOverlapFloor,
    rng,
  );
  if (!ids)
    return { kind: 'none', reason: `fewer than ${config.mergeValOverlapFloor} val examples scored for both parents` };

  const parentIds: [number, number] = [i, j];
  emit('onMergeAttempted', { iteration, parentIds, mergedCandidate: plan.candidate });
  const res = await ctx.evaluator.run({
    iteration,
    set: 'val',
    ids,
    candidate: plan.candidate,
    captureTraces: false,
    candidateIdx: null,
  });
  ctx.checkAborted();
  state.merge.totalMergesTested++;
  state.merge.mergesDue = Math.max(0, state.merge.mergesDue - 1);
  const sumI = sum(ids.map((v) => state.valSubscores[i]?.[v] as number));
  const sumJ = sum(ids.map((v) => state.valSubscores[j]?.[v] as number));
  const newSum = sum(res.scores);
  const row = {
    iteration,
    kind: 'merge' as const,
    component: state.componentNames.join(', '),
    parentIds: [i, j],
    subsampleScoreBefore: Math.max(sumI, sumJ),
    subsampleScoreAfter: newSum,
    parentText: JSON.stringify(state.candidates[plan.ancestor], null, 2),
    prompt: '',
    rawLmOutput: '',
    proposedText: JSON.stringify(plan.candidate, null, 2),
    minibatchIds: ids,
    feedbackRecords: [],
  };
  if (newSum < Math.max(sumI, sumJ)) {
    const reason = `merged subsample score ${newSum} is below the better parent's ${Math.max(sumI, sumJ)}`;
    emit('onMergeRejected', { iteration, parentIds, reason });
    trackProposal(ctx, { ...row, status: 'rejected', reason, candidateIdx: -1 });
    return { kind: 'rejected' };
  }
  // the subsample results are already paid for: reuse them in the full valset evaluation
  const known = new Map<number, CachedEvaluation>();
  ids.forEach((v, k) =>
    known.set(v, {
      score: res.scores[k] as number,
      output: res.outputs[k],
      ...(res.objectiveScores?.[k] ? { objectiveScores: res.objectiveScores[k] } : {}),
    }),
  );
  const reg = await registerCandidate(ctx, iteration, plan.candidate, [i, j], 'merge', known);
  emit('onMergeAccepted', { iteration, newCandidateIdx: reg.idx, parentIds });
  // every new candidate is announced alike, so a tracker counting acceptances counts merges too
  emit('onCandidateAccepted', { iteration, newCandidateIdx: reg.idx, newScore: newSum, parentIds: [i, j] });
  trackProposal(ctx, { ...row, status: 'accepted', reason: '', candidateIdx: reg.idx });
  return { kind: 'accepted', idx: reg.idx };
}
