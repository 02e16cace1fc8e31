// Where the engine once differed from the reference `gepa` library as a library user meets it; each test
// failed before its fix.
import { describe, expect, it } from 'vitest';
import { optimize } from './optimize.ts';
import { GepaResult } from './result.ts';
import { GepaConfigError } from './types.ts';
import type { GepaAdapter, ReflectiveDataset } from './types.ts';
import { keywordAdapter, keywordReflectionLm, keywordRunOptions } from './__fixtures__/keywordTask.ts';
import type { KeywordExample, KeywordTrace } from './__fixtures__/keywordTask.ts';

describe('reference fidelity', () => {
  it("moduleSelector 'all': a component without reflective records keeps its text, costing no LM call", async () => {
    const inner = keywordAdapter();
    const adapter: GepaAdapter<KeywordExample, KeywordTrace, string> = {
      evaluate: inner.evaluate.bind(inner),
      async makeReflectiveDataset(c, b, components): Promise<ReflectiveDataset> {
        const full = await inner.makeReflectiveDataset(c, b, components);
        return { ...full, facts: [] };
      },
    };
    const prompts: string[] = [];
    const r = await optimize(
      keywordRunOptions({
        adapter,
        moduleSelector: 'all',
        useMerge: false,
        maxMetricCalls: 250,
        reflectionLm: (p) => {
          prompts.push(p);
          return keywordReflectionLm(p);
        },
      }),
    );
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.every((p) => !p.includes('missing facts') && !p.includes('(no examples)'))).toBe(true);
    // one call per iteration that reached the proposal step: only the style component was asked for
    expect(r.candidates.every((c) => c.facts === r.candidates[0]?.facts)).toBe(true);
    expect(r.numCandidates).toBeGreaterThan(1);
  });

  it('an iteration whose components all lack records is skipped without a reflection call', async () => {
    const inner = keywordAdapter();
    let calls = 0;
    const skipped: string[] = [];
    await optimize(
      keywordRunOptions({
        adapter: {
          evaluate: inner.evaluate.bind(inner),
          makeReflectiveDataset: (_c, _b, components) => Object.fromEntries(components.map((k) => [k, []])),
        },
        useMerge: false,
        maxMetricCalls: 60,
        reflectionLm: async () => {
          calls++;
          return '```\nx\n```';
        },
        callbacks: { onEvaluationSkipped: (e) => skipped.push(e.reason) },
      }),
    );
    expect(calls).toBe(0);
    expect(skipped.length).toBeGreaterThan(0);
    expect(new Set(skipped)).toEqual(new Set(['no_reflective_records']));
  });

  it('discovery_eval_counts holds the calls spent before each candidate’s own valset evaluation', async () => {
    const valsetCalls: number[] = [];
    let total = 0;
    const r = await optimize(
      keywordRunOptions({
        maxMetricCalls: 300,
        seed: 2,
        callbacks: {
          onBudgetUpdated: (e) => (total = e.metricCallsUsed),
          onEvaluationStart: (e) => {
            // a candidate's valset evaluation is the one that carries its new index
            if (e.candidateIdx !== null && e.batchSize > 0 && !e.captureTraces) valsetCalls.push(total);
          },
        },
      }),
    );
    expect(r.discoveryEvalCounts[0]).toBe(0);
    expect(r.numCandidates).toBeGreaterThan(2);
    expect(r.discoveryEvalCounts).toEqual(valsetCalls);
    expect(r.toDict().discovery_eval_counts).toEqual(valsetCalls);
  });

  it('an accepted merge fires onCandidateAccepted, so every new candidate is counted', async () => {
    const accepted: number[] = [];
    const merged: number[] = [];
    const r = await optimize(
      keywordRunOptions({
        maxMetricCalls: 900,
        seed: 1,
        callbacks: {
          onCandidateAccepted: (e) => accepted.push(e.newCandidateIdx),
          onMergeAccepted: (e) => merged.push(e.newCandidateIdx),
        },
      }),
    );
    expect(merged.length).toBeGreaterThan(0);
    expect(accepted.sort((a, b) => a - b)).toEqual(Array.from({ length: r.numCandidates - 1 }, (_, k) => k + 1));
  });

  for (const frontierType of ['objective', 'hybrid', 'cartesian'] as const) {
    it(`frontierType '${frontierType}' without objective scores stops with an error naming the option`, async () => {
      const err = await optimize(keywordRunOptions({ frontierType, maxMetricCalls: 100 })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GepaConfigError);
      expect((err as GepaConfigError).field).toBe('frontierType');
      expect((err as Error).message).toMatch(/objective scores/);
    });
  }

  it("frontierType 'objective' runs when the adapter returns objective scores", async () => {
    const r = await optimize(
      keywordRunOptions({
        frontierType: 'objective',
        maxMetricCalls: 150,
        adapter: keywordAdapter({ objectives: true }),
      }),
    );
    expect(r.numCandidates).toBeGreaterThan(0);
  });

  it('sums the costs the reflection LM reports into total_reflection_cost', async () => {
    let paid = 0;
    const r = await optimize(
      keywordRunOptions({
        maxMetricCalls: 200,
        useMerge: false,
        reflectionLm: async (p) => {
          paid += 0.25;
          return { text: await keywordReflectionLm(p), cost: 0.25 };
        },
      }),
    );
    expect(paid).toBeGreaterThan(0);
    expect(r.totalReflectionCost).toBeCloseTo(paid);
    expect(GepaResult.fromDict(JSON.parse(JSON.stringify(r.toDict()))).totalReflectionCost).toBeCloseTo(paid);
  });

  it('keeps the stop reason through toDict / fromDict', async () => {
    const r = await optimize(keywordRunOptions({ maxMetricCalls: 60 }));
    expect(r.stopReason).toMatch(/budget/);
    expect(GepaResult.fromDict(JSON.parse(JSON.stringify(r.toDict()))).stopReason).toBe(r.stopReason);
  });
});
