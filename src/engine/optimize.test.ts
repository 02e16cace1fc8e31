import { describe, expect, it } from 'vitest';
import { optimize } from './optimize.ts';
import type { GepaOptions } from './types.ts';
import type { GepaState } from './state.ts';
import type { TrackingEvent } from './tracking.ts';
import { CALLBACK_NAMES } from './callbacks.ts';
import type { CallbackHandlers, CallbackName } from './callbacks.ts';
import { KEYWORD_SEED, keywordAdapter, keywordDataset, keywordRunOptions } from './__fixtures__/keywordTask.ts';
import type { KeywordAdapterOptions, KeywordExample } from './__fixtures__/keywordTask.ts';

function options(
  over: Partial<GepaOptions<KeywordExample>> = {},
  adapterOpts: KeywordAdapterOptions = {},
): GepaOptions<KeywordExample> {
  return keywordRunOptions({ maxMetricCalls: 400, seed: 7, ...over }, adapterOpts);
}

/** Records every callback event name and the tracking stream. */
function recorder() {
  const names: CallbackName[] = [];
  const tracking: TrackingEvent[] = [];
  const handlers: CallbackHandlers = Object.fromEntries(CALLBACK_NAMES.map((n) => [n, () => names.push(n)]));
  return { names, tracking, handlers, onTrackingEvent: (e: TrackingEvent) => tracking.push(e) };
}

describe('optimize end to end (scripted deterministic LM)', () => {
  it('improves a two-component candidate well beyond the seed', async () => {
    const r = await optimize(options());
    expect(r.valAggregateScores[0]).toBe(0);
    expect(r.valAggregateScores[r.bestIdx]).toBeGreaterThan(0.5);
    expect(r.bestCandidate.style).not.toBe(KEYWORD_SEED.style);
    expect(r.bestCandidate.facts).not.toBe(KEYWORD_SEED.facts);
  });

  it('attempts merges, and an accepted merge has two parents', async () => {
    const rec = recorder();
    const r = await optimize(options({ maxMetricCalls: 800, callbacks: rec.handlers }));
    expect(rec.names).toContain('onMergeAttempted');
    const merged = r.parents.filter((p) => p.length === 2);
    expect(rec.names.filter((n) => n === 'onMergeAccepted').length).toBe(merged.length);
    expect(rec.names.filter((n) => n === 'onMergeAttempted').length).toBeLessThanOrEqual(5);
  });

  it('never exceeds the metric-call budget, and counts every evaluated example exactly once', async () => {
    for (const budget of [12, 13, 30, 57, 101, 250]) {
      let evaluated = 0;
      const r = await optimize(options({ maxMetricCalls: budget }, { onEvaluate: (n) => (evaluated += n) }));
      expect(r.totalMetricCalls).toBeLessThanOrEqual(budget);
      expect(r.totalMetricCalls).toBe(evaluated);
    }
  });

  it('same seed and same LM answers give the identical run', async () => {
    const a = recorder();
    const b = recorder();
    const ra = await optimize(options({ onTrackingEvent: a.onTrackingEvent }));
    const rb = await optimize(options({ onTrackingEvent: b.onTrackingEvent }));
    expect(rb.toDict()).toEqual(ra.toDict());
    expect(b.tracking).toEqual(a.tracking);
  });

  it('a run stopped after k iterations and resumed ends identical to an uninterrupted one', async () => {
    const full = await optimize(options({ maxMetricCalls: 500 }));
    for (const k of [1, 4, 9]) {
      const ctrl = new AbortController();
      let saved = '';
      await optimize(
        options({
          maxMetricCalls: 500,
          signal: ctrl.signal,
          checkpoint: (s) => void (saved = JSON.stringify(s)),
          callbacks: { onIterationEnd: (e) => e.iteration === k && ctrl.abort() },
        }),
      );
      const state = JSON.parse(saved) as GepaState;
      expect(state.iteration).toBe(k);
      const seedEvals: boolean[] = [];
      const resumed = await optimize(
        options({
          maxMetricCalls: 500,
          resumeFrom: state,
          callbacks: { onEvaluationStart: (e) => seedEvals.push(e.isSeedCandidate) },
        }),
      );
      expect(seedEvals).not.toContain(true);
      expect(resumed.toDict()).toEqual(full.toDict());
    }
  });

  it('an abort in the middle of an iteration rolls it back, and the resume redoes it exactly', async () => {
    const full = await optimize(options({ maxMetricCalls: 500 }));
    const ctrl = new AbortController();
    let saved = '';
    const partial = await optimize(
      options(
        { maxMetricCalls: 500, signal: ctrl.signal, checkpoint: (s) => void (saved = JSON.stringify(s)) },
        {
          beforeEvaluate: (call) => void (call === 20 && ctrl.abort()),
        },
      ),
    );
    expect(partial.stopReason).toBe('aborted');
    const state = JSON.parse(saved) as GepaState;
    expect(partial.totalMetricCalls).toBe(state.totalMetricCalls);
    const resumed = await optimize(options({ maxMetricCalls: 500, resumeFrom: state }));
    expect(resumed.toDict()).toEqual(full.toDict());
  });

  it('fires the reference events in order for the seed and a reflective iteration', async () => {
    const rec = recorder();
    await optimize(options({ maxMetricCalls: 12 + 6 + 12, useMerge: false, callbacks: rec.handlers }));
    expect(rec.names.slice(0, 6)).toEqual([
      'onOptimizationStart',
      'onEvaluationStart',
      'onBudgetUpdated',
      'onEvaluationEnd',
      'onValsetEvaluated',
      'onParetoFrontUpdated',
    ]);
    const iter = rec.names.slice(rec.names.indexOf('onIterationStart'), rec.names.indexOf('onIterationEnd') + 1);
    expect(iter.slice(0, 7)).toEqual([
      'onIterationStart',
      'onCandidateSelected',
      'onMinibatchSampled',
      'onEvaluationStart',
      'onBudgetUpdated',
      'onEvaluationEnd',
      'onReflectiveDatasetBuilt',
    ]);
    expect(iter).toContain('onProposalStart');
    expect(iter.indexOf('onProposalEnd')).toBeGreaterThan(iter.indexOf('onProposalStart'));
    expect(rec.names.at(-1)).toBe('onOptimizationEnd');
  });

  it('a throwing callback becomes a warning and never stops the run', async () => {
    const warnings: string[] = [];
    const r = await optimize(
      options({
        maxMetricCalls: 100,
        callbacks: [
          {
            onIterationEnd: () => {
              throw new Error('boom');
            },
          },
          { onWarning: (w) => warnings.push(w.message) },
        ],
      }),
    );
    expect(r.totalMetricCalls).toBeGreaterThan(50);
    expect(warnings.length).toBeGreaterThan(1);
    expect(warnings[0]).toContain('onIterationEnd threw: boom');
  });

  it('onIterationStart can grow the trainset; later minibatches sample the new items', async () => {
    const sizes: number[] = [];
    const sampled = new Set<number>();
    const extra = keywordDataset(6, 500);
    const r = await optimize(
      options({
        maxMetricCalls: 300,
        callbacks: {
          onIterationStart: (e) => e.iteration === 2 && e.trainsetLoader.addItems(extra),
          onMinibatchSampled: (e) => {
            sizes.push(e.trainsetSize);
            e.minibatchIds.forEach((id) => sampled.add(id));
          },
        },
      }),
    );
    expect(sizes[0]).toBe(24);
    expect(sizes.at(-1)).toBe(30);
    expect([...sampled].some((id) => id >= 24)).toBe(true);
    expect(r.totalMetricCalls).toBeLessThanOrEqual(300);
  });

  it('never adopts a reflection reply without a complete fenced block', async () => {
    const rec = recorder();
    const r = await optimize(
      options({
        maxMetricCalls: 200,
        reflectionLm: async () => 'Make it better, mention paris.',
        onTrackingEvent: rec.onTrackingEvent,
      }),
    );
    expect(r.candidates).toHaveLength(1);
    const rows = rec.tracking.flatMap((e) => (e.type === 'proposal' ? [e.row] : []));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((p) => p.status === 'rejected' && p.reason.includes('no fenced block'))).toBe(true);
  });

  it('reports an adapter failure through onError and continues; raiseOnException rethrows', async () => {
    const errors: boolean[] = [];
    const r = await optimize(
      options(
        { maxMetricCalls: 120, callbacks: { onError: (e) => errors.push(e.willContinue) } },
        { failOnCalls: [3] },
      ),
    );
    expect(errors).toEqual([true]);
    expect(r.totalMetricCalls).toBeGreaterThan(60);
    await expect(
      optimize(options({ maxMetricCalls: 120, raiseOnException: true }, { failOnCalls: [3] })),
    ).rejects.toThrow('scripted adapter failure');
  });

  it('stops after maxConsecutiveErrors failing iterations', async () => {
    const r = await optimize(
      options(
        { maxMetricCalls: 400, maxConsecutiveErrors: 3 },
        { failOnCalls: Array.from({ length: 100 }, (_, i) => i + 2) },
      ),
    );
    expect(r.stopReason).toContain('3 consecutive iterations failed');
  });

  it('builds objective, hybrid and cartesian fronts from objective scores', async () => {
    for (const frontierType of ['objective', 'hybrid', 'cartesian'] as const) {
      const r = await optimize(options({ maxMetricCalls: 200, frontierType }, { objectives: true }));
      const d = r.toDict();
      expect(Object.keys(d.per_objective_best_candidates ?? {}).sort()).toEqual(['facts', 'style']);
      expect(d.val_aggregate_subscores?.[0]).toEqual({ style: 0, facts: 0 });
      expect(d.objective_pareto_front?.style).toBeGreaterThan(0);
    }
  });

  it('the evaluation cache never pays twice for the same (candidate, example) without traces', async () => {
    const pairsFor = async (cacheEvaluation: boolean) => {
      const pairs: string[] = [];
      const base = keywordAdapter();
      const adapter = {
        ...base,
        evaluate: (batch: KeywordExample[], c: Record<string, string>, traces: boolean) => {
          if (!traces) for (const ex of batch) pairs.push(`${JSON.stringify(c)}|${ex.id}`);
          return base.evaluate(batch, c, traces);
        },
      };
      const r = await optimize(options({ maxMetricCalls: 400, cacheEvaluation, adapter, valset: undefined }));
      return { pairs, r };
    };
    const off = await pairsFor(false);
    const on = await pairsFor(true);
    expect(new Set(off.pairs).size).toBeLessThan(off.pairs.length);
    expect(new Set(on.pairs).size).toBe(on.pairs.length);
    expect(on.r.totalMetricCalls).toBeLessThanOrEqual(400);
  });

  it('streams proposal rows with prompt, raw output, proposed text and status', async () => {
    const rec = recorder();
    await optimize(options({ maxMetricCalls: 300, onTrackingEvent: rec.onTrackingEvent }));
    const rows = rec.tracking.flatMap((e) => (e.type === 'proposal' ? [e.row] : []));
    const accepted = rows.filter((p) => p.status === 'accepted');
    const rejected = rows.filter((p) => p.status === 'rejected');
    expect(accepted.length).toBeGreaterThan(0);
    expect(rejected.length).toBeGreaterThan(0);
    expect(accepted[0]?.prompt).toContain(accepted[0]?.parentText);
    expect(accepted[0]?.rawLmOutput).toContain(accepted[0]?.proposedText);
    expect(accepted.every((p) => p.candidateIdx > 0)).toBe(true);
    expect(rejected.every((p) => p.candidateIdx === -1 && p.reason.length > 0)).toBe(true);
    expect(rows.map((p) => p.proposalId)).toEqual(rows.map((_, i) => i));
    const metricKeys = new Set(rec.tracking.flatMap((e) => (e.type === 'metrics' ? Object.keys(e.metrics) : [])));
    for (const k of [
      'val_program_average',
      'best_score_on_valset',
      'valset_pareto_front_agg',
      'subsample/before',
      'subsample/after',
      'total_metric_calls',
    ])
      expect(metricKeys).toContain(k);
    expect(rec.tracking.at(-1)?.type).toBe('summary');
  });

  it('skips minibatches that are already perfect', async () => {
    const rec = recorder();
    const base = keywordAdapter();
    const adapter = {
      ...base,
      evaluate: async (batch: KeywordExample[], _c: Record<string, string>, traces: boolean) => ({
        outputs: batch.map(() => 'ok'),
        scores: batch.map(() => 1),
        trajectories: traces ? batch.map(() => ({ missingStyle: [], missingFacts: [] })) : null,
      }),
    };
    const r = await optimize(options({ adapter, maxMetricCalls: 30, onTrackingEvent: rec.onTrackingEvent }));
    expect(r.candidates).toHaveLength(1);
    const rows = rec.tracking.flatMap((e) => (e.type === 'proposal' ? [e.row] : []));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((p) => p.status === 'skipped' && p.reason === 'all_scores_perfect')).toBe(true);
  });

  it('stops on a timeout measured with the injected clock', async () => {
    let now = 0;
    const r = await optimize(
      options({ maxMetricCalls: undefined, stopConditions: { kind: 'timeout', ms: 50 }, clock: () => (now += 10) }),
    );
    expect(r.stopReason).toBe('time limit of 0.05 s reached');
  });

  it('rejects bad configuration with errors that name the field', async () => {
    await expect(optimize(options({ seedCandidate: {} }))).rejects.toThrow(/seedCandidate/);
    await expect(optimize(options({ auto: 'light' }))).rejects.toThrow(/auto, maxMetricCalls/);
    await expect(optimize(options({ maxMetricCalls: 5 }))).rejects.toThrow(
      /cannot evaluate the seed on the 12-example valset/,
    );
    await expect(optimize(options({ maxMetricCalls: undefined }))).rejects.toThrow(/set a budget/);
    await expect(optimize(options({ reflectionPromptTemplate: 'no placeholders' }))).rejects.toThrow(
      /reflectionPromptTemplate/,
    );
  });
});
