// One reflective-mutation iteration: select a parent, run it on a minibatch with traces, ask the
// reflection LM (once per chosen component) for better texts, test the child on the same minibatch,
// and register it when it wins.
import type { Candidate, ReflectiveDataset } from '../types.ts';
import type { RunContext, ProposalDraft } from '../context.ts';
import { sum, trackProposal } from '../context.ts';
import { nextMinibatch } from '../strategies/batchSampler.ts';
import { buildReflectionPrompt, templateFor } from './reflectionPrompt.ts';
import { extractInstruction } from './extractInstruction.ts';
import { registerCandidate } from '../registerCandidate.ts';

export type ReflectiveOutcome =
  { kind: 'accepted'; idx: number } | { kind: 'rejected' } | { kind: 'skipped'; reason: string };

interface ProposedTexts {
  texts: Record<string, string>;
  prompts: Record<string, string>;
  raw: Record<string, string>;
  failures: Record<string, string>;
  /** what the reflection calls reported costing (0 when they report nothing) */
  cost: number;
}

async function proposeTexts(
  ctx: RunContext,
  parent: Candidate,
  dataset: ReflectiveDataset,
  components: string[],
): Promise<ProposedTexts> {
  const custom = ctx.options.customCandidateProposer ?? ctx.adapter.proposeNewTexts?.bind(ctx.adapter);
  if (custom) {
    const texts = await custom(parent, dataset, components, ctx.signal);
    ctx.checkAborted();
    const failures: Record<string, string> = {};
    const kept: Record<string, string> = {};
    for (const c of components) {
      const t = texts[c];
      if (typeof t === 'string' && t.trim() !== '') kept[c] = t;
      else failures[c] = 'the proposer returned no text for this component';
    }
    return { texts: kept, prompts: {}, raw: { ...texts }, failures, cost: 0 };
  }
  const lm = ctx.options.reflectionLm!;
  const prompts: Record<string, string> = {};
  for (const c of components) {
    prompts[c] = buildReflectionPrompt(
      templateFor(ctx.options.reflectionPromptTemplate, c),
      parent[c] ?? '',
      dataset[c] ?? [],
    );
  }
  // one call per component, in parallel; results are keyed by component so order cannot matter
  const replies = await Promise.all(components.map((c) => lm(prompts[c] as string, ctx.signal)));
  ctx.checkAborted();
  const out: ProposedTexts = { texts: {}, prompts, raw: {}, failures: {}, cost: 0 };
  components.forEach((c, k) => {
    const reply = replies[k];
    const raw = typeof reply === 'string' ? reply : typeof reply?.text === 'string' ? reply.text : '';
    const cost = typeof reply === 'object' ? reply?.cost : undefined;
    if (typeof cost === 'number' && Number.isFinite(cost)) out.cost += cost;
    out.raw[c] = raw;
    const ex = extractInstruction(raw);
    if (ex.ok) out.texts[c] = ex.text;
    else out.failures[c] = ex.reason;
  });
  return out;
}

export async function reflectiveIteration(ctx: RunContext, iteration: number): Promise<ReflectiveOutcome> {
  const { state, config, rng, emit } = ctx;
  const parentIdx = ctx.selector.select(state, rng);
  const parent = state.candidates[parentIdx] as Candidate;
  emit('onCandidateSelected', {
    iteration,
    candidateIdx: parentIdx,
    candidate: parent,
    score: state.valAggregate[parentIdx] as number,
  });

  const ids = nextMinibatch(state.sampler, ctx.trainset.length, config.reflectionMinibatchSize, rng);
  emit('onMinibatchSampled', { iteration, minibatchIds: [...ids], trainsetSize: ctx.trainset.length });

  const before = await ctx.evaluator.run({
    iteration,
    set: 'train',
    ids,
    candidate: parent,
    captureTraces: true,
    candidateIdx: parentIdx,
  });
  ctx.checkAborted();
  const sumBefore = sum(before.scores);
  const skip = (reason: string): ReflectiveOutcome => {
    emit('onEvaluationSkipped', {
      iteration,
      candidateIdx: parentIdx,
      reason,
      scores: before.scores,
      isSeedCandidate: parentIdx === 0,
    });
    trackProposal(ctx, {
      iteration,
      kind: 'reflective',
      component: '',
      status: 'skipped',
      reason,
      candidateIdx: -1,
      parentIds: [parentIdx],
      subsampleScoreBefore: sumBefore,
      subsampleScoreAfter: null,
      parentText: '',
      prompt: '',
      rawLmOutput: '',
      proposedText: '',
      minibatchIds: ids,
      feedbackRecords: [],
    });
    return { kind: 'skipped', reason };
  };
  if (!before.trajectories || before.trajectories.length === 0) return skip('no_trajectories');
  if (config.skipPerfectScore && before.scores.every((s) => s >= config.perfectScore))
    return skip('all_scores_perfect');

  const picked = ctx.pickComponents(state, parentIdx, parent, rng);
  const dataset = await ctx.adapter.makeReflectiveDataset(parent, before, picked);
  ctx.checkAborted();
  // a component the adapter gave no records for has nothing to learn from: it keeps its text and costs no call
  const components = picked.filter((c) => (dataset[c]?.length ?? 0) > 0);
  emit('onReflectiveDatasetBuilt', {
    iteration,
    iterationId: String(iteration),
    candidateIdx: parentIdx,
    components,
    dataset,
  });
  if (components.length === 0) return skip('no_reflective_records');
  emit('onProposalStart', { iteration, parentCandidate: parent, components, reflectiveDataset: dataset });
  const proposed = await proposeTexts(ctx, parent, dataset, components);
  state.totalReflectionCost += proposed.cost;
  emit('onProposalEnd', {
    iteration,
    newInstructions: proposed.texts,
    prompts: proposed.prompts,
    rawLmOutputs: proposed.raw,
    metadata: {
      parentIdx,
      reflectionCost: proposed.cost,
      ...(picked.length > components.length
        ? { componentsWithoutRecords: picked.filter((c) => !components.includes(c)) }
        : {}),
      ...(Object.keys(proposed.failures).length ? { failures: { ...proposed.failures } } : {}),
    },
  });

  const rows = (
    status: ProposalDraft['status'],
    reasonFor: (c: string) => string,
    after: number | null,
    childIdx: number,
  ): void => {
    for (const c of components) {
      const failed = proposed.failures[c];
      trackProposal(ctx, {
        iteration,
        kind: 'reflective',
        component: c,
        status: failed ? 'rejected' : status,
        reason: failed ?? reasonFor(c),
        candidateIdx: failed || status !== 'accepted' ? -1 : childIdx,
        parentIds: [parentIdx],
        subsampleScoreBefore: sumBefore,
        subsampleScoreAfter: failed ? null : after,
        parentText: parent[c] ?? '',
        prompt: proposed.prompts[c] ?? '',
        rawLmOutput: proposed.raw[c] ?? '',
        proposedText: proposed.texts[c] ?? '',
        minibatchIds: ids,
        feedbackRecords: (dataset[c] ?? []) as Record<string, unknown>[],
      });
    }
  };

  if (Object.keys(proposed.texts).length === 0) {
    const reason = 'no usable proposal: ' + Object.values(proposed.failures).join('; ');
    emit('onCandidateRejected', { iteration, oldScore: sumBefore, newScore: sumBefore, reason });
    rows('rejected', () => reason, null, -1);
    return { kind: 'rejected' };
  }

  const child: Candidate = { ...parent, ...proposed.texts };
  const after = await ctx.evaluator.run({
    iteration,
    set: 'train',
    ids,
    candidate: child,
    captureTraces: false,
    candidateIdx: null,
  });
  ctx.checkAborted();
  const sumAfter = sum(after.scores);
  const trackSubsample = () =>
    ctx.track({
      type: 'metrics',
      iteration,
      metrics: {
        'subsample/before': sumBefore,
        'subsample/after': sumAfter,
        total_metric_calls: state.totalMetricCalls,
      },
    });
  const accept = config.acceptanceCriterion === 'strict_improvement' ? sumAfter > sumBefore : sumAfter >= sumBefore;
  if (!accept) {
    const reason =
      `minibatch score ${sumAfter} did not ` +
      `${config.acceptanceCriterion === 'strict_improvement' ? 'beat' : 'match'} the parent's ${sumBefore}`;
    trackSubsample();
    emit('onCandidateRejected', { iteration, oldScore: sumBefore, newScore: sumAfter, reason });
    rows('rejected', () => reason, sumAfter, -1);
    return { kind: 'rejected' };
  }
  const reg = await registerCandidate(ctx, iteration, child, [parentIdx], 'reflective');
  trackSubsample();
  emit('onCandidateAccepted', { iteration, newCandidateIdx: reg.idx, newScore: sumAfter, parentIds: [parentIdx] });
  rows('accepted', () => '', sumAfter, reg.idx);
  return { kind: 'accepted', idx: reg.idx };
}
