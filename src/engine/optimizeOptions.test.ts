import { describe, expect, it } from 'vitest';
import { optimize } from './optimize.ts';
import type { GepaOptions } from './types.ts';
import { autoBudget } from './budget.ts';
import { KEYWORD_SEED, keywordAdapter, keywordDataset, keywordReflectionLm } from './__fixtures__/keywordTask.ts';
import type { KeywordExample } from './__fixtures__/keywordTask.ts';

const train = keywordDataset(24);
const val = keywordDataset(12, 100);
const options = (over: Partial<GepaOptions<KeywordExample>> = {}): GepaOptions<KeywordExample> =>
  ({
    seedCandidate: KEYWORD_SEED,
    trainset: train,
    valset: val,
    adapter: keywordAdapter(),
    reflectionLm: keywordReflectionLm,
    maxMetricCalls: 200,
    seed: 3,
    ...over,
  }) as GepaOptions<KeywordExample>;

describe('optimize options', () => {
  it("round-robin walks the components, and a child continues from its parent's pointer", async () => {
    const picks: { parent: number; comps: string[] }[] = [];
    const r = await optimize(
      options({
        maxMetricCalls: 300,
        callbacks: { onReflectiveDatasetBuilt: (e) => picks.push({ parent: e.candidateIdx, comps: e.components }) },
      }),
    );
    expect(picks.every((p) => p.comps.length === 1)).toBe(true);
    // the first time each child is picked as a parent, it rewrites the component after the one that created it
    const created = new Map<number, string>();
    r.parents.forEach((ps, idx) => {
      if (idx === 0 || ps.length !== 1) return;
      const changed = Object.keys(KEYWORD_SEED).find(
        (k) => r.candidates[idx]?.[k] !== r.candidates[ps[0] as number]?.[k],
      );
      if (changed) created.set(idx, changed);
    });
    let checked = 0;
    for (const [idx, comp] of created) {
      const first = picks.find((p) => p.parent === idx);
      if (!first) continue;
      expect(first.comps[0]).not.toBe(comp);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("moduleSelector 'all' rewrites every component at once", async () => {
    const comps: string[][] = [];
    await optimize(options({ moduleSelector: 'all', callbacks: { onProposalStart: (e) => comps.push(e.components) } }));
    expect(comps.length).toBeGreaterThan(0);
    expect(comps.every((c) => c.join() === 'style,facts')).toBe(true);
  });

  it('a custom moduleSelector decides which components change', async () => {
    const r = await optimize(options({ moduleSelector: () => ['facts'] }));
    expect(r.candidates.every((c) => c.style === KEYWORD_SEED.style)).toBe(true);
    expect(r.candidates.length).toBeGreaterThan(1);
  });

  it('customCandidateProposer replaces the reflection LM', async () => {
    let calls = 0;
    const r = await optimize(
      options({
        reflectionLm: undefined,
        customCandidateProposer: async (c, _d, comps) => (
          calls++,
          Object.fromEntries(comps.map((k) => [k, `${c[k]} paris concise polite`]))
        ),
      }),
    );
    expect(calls).toBeGreaterThan(0);
    expect(r.bestCandidate.facts).toContain('paris');
  });

  it('adapter.proposeNewTexts is used when given', async () => {
    const adapter = {
      ...keywordAdapter(),
      proposeNewTexts: async (c: Record<string, string>, _d: unknown, comps: string[]) =>
        Object.fromEntries(comps.map((k) => [k, `${c[k]} euler bullet`])),
    };
    const r = await optimize(options({ reflectionLm: undefined, adapter }));
    expect(r.candidates.slice(1).some((c) => c.facts?.includes('euler') || c.style?.includes('bullet'))).toBe(true);
  });

  it('a per-component reflection prompt template is used for that component only', async () => {
    const prompts: Record<string, string>[] = [];
    await optimize(
      options({
        moduleSelector: 'all',
        reflectionPromptTemplate: { facts: 'FACTS TEMPLATE\n```\n{{current_instruction}}\n```\n{{examples}}' },
        callbacks: { onProposalEnd: (e) => prompts.push(e.prompts) },
      }),
    );
    expect(prompts[0]?.facts?.startsWith('FACTS TEMPLATE')).toBe(true);
    expect(prompts[0]?.style?.startsWith('FACTS TEMPLATE')).toBe(false);
  });

  it("acceptanceCriterion 'improvement_or_equal' also keeps children that tie on the minibatch", async () => {
    const tie = async (p: string) => '```\n' + (/```\n([\s\S]*?)\n```/.exec(p)?.[1] ?? '') + ' (reworded)\n```';
    const strict = await optimize(options({ reflectionLm: tie }));
    const loose = await optimize(options({ reflectionLm: tie, acceptanceCriterion: 'improvement_or_equal' }));
    expect(strict.candidates).toHaveLength(1);
    expect(loose.candidates.length).toBeGreaterThan(1);
  });

  it('trackBestOutputs records the outputs of the front programs per val example', async () => {
    const d = (await optimize(options({ trackBestOutputs: true }))).toDict();
    expect(Object.keys(d.best_outputs_valset ?? {})).toHaveLength(12);
    for (const [v, pairs] of Object.entries(d.best_outputs_valset ?? {})) {
      expect(pairs.map(([p]) => p).sort()).toEqual([...(d.per_val_instance_best_candidates[v] ?? [])].sort());
    }
  });

  it("auto budgets follow dspy's formula and are a hard cap", async () => {
    const r = await optimize(options({ maxMetricCalls: undefined, auto: 'light' }));
    expect(r.totalMetricCalls).toBeLessThanOrEqual(autoBudget(2, 6, 12));
    expect(r.totalMetricCalls).toBeGreaterThan(autoBudget(2, 6, 12) - (2 * 3 + 12));
  });

  it('maxFullEvals budgets full evaluations of train + val', async () => {
    const r = await optimize(options({ maxMetricCalls: undefined, maxFullEvals: 3 }));
    expect(r.totalMetricCalls).toBeLessThanOrEqual(3 * 36);
  });

  it('composite stop conditions: any stops at the first, all waits for both', async () => {
    const any = await optimize(
      options({
        maxMetricCalls: undefined,
        stopConditions: {
          kind: 'any',
          conditions: [
            { kind: 'maxIterations', iterations: 3 },
            { kind: 'maxMetricCalls', calls: 1000 },
          ],
        },
      }),
    );
    expect(any.stopReason).toContain('iterations 3');
    const all = await optimize(
      options({
        maxMetricCalls: 300,
        stopConditions: {
          kind: 'all',
          conditions: [
            { kind: 'maxIterations', iterations: 3 },
            { kind: 'maxCandidates', count: 3 },
          ],
        },
      }),
    );
    expect(all.candidates.length).toBeGreaterThanOrEqual(3);
  });

  it('a custom stop predicate and the score threshold end the run', async () => {
    const custom = await optimize(
      options({
        stopConditions: {
          kind: 'custom',
          name: 'two candidates',
          shouldStop: ({ state }) => state.candidates.length >= 2,
        },
      }),
    );
    expect(custom.candidates).toHaveLength(2);
    const threshold = await optimize(
      options({ maxMetricCalls: 500, stopConditions: { kind: 'scoreThreshold', threshold: 0.3 } }),
    );
    expect(threshold.valAggregateScores[threshold.bestIdx]).toBeGreaterThanOrEqual(0.3);
    expect(threshold.stopReason).toContain('target score 0.3 reached');
  });

  it('the abort signal stops a run cleanly between iterations', async () => {
    const ctrl = new AbortController();
    const r = await optimize(
      options({
        signal: ctrl.signal,
        maxMetricCalls: 500,
        callbacks: { onIterationEnd: (e) => e.iteration === 2 && ctrl.abort() },
      }),
    );
    expect(r.stopReason).toBe('aborted');
  });

  it('the selection strategies all run and stay within budget', async () => {
    for (const candidateSelectionStrategy of ['pareto', 'current_best', 'epsilon_greedy', 'top_k_pareto'] as const) {
      const r = await optimize(options({ candidateSelectionStrategy }));
      expect(r.totalMetricCalls).toBeLessThanOrEqual(200);
      expect(r.valAggregateScores[r.bestIdx]).toBeGreaterThan(0);
    }
  });
});
