// Options that spend fewer metric calls for the same search: the valset gate and reflection retries.
import { describe, expect, it } from 'vitest';
import { optimize } from './optimize.ts';
import type { ProposalRow } from './tracking.ts';
import { RETRY_NOTE } from './proposer/proposeTexts.ts';
import { keywordReflectionLm, keywordRunOptions, KEYWORD_VAL } from './__fixtures__/keywordTask.ts';

describe('valsetGateSize', () => {
  it('drops a child that does worse than its parent on the gate examples, before the rest of the valset', async () => {
    const rows: ProposalRow[] = [];
    let evaluated = 0;
    const valBatches: number[] = [];
    const r = await optimize(
      keywordRunOptions(
        {
          maxMetricCalls: 600,
          seed: 3,
          useMerge: false,
          valsetGateSize: 4,
          onTrackingEvent: (e) => void (e.type === 'proposal' && rows.push(e.row)),
          callbacks: { onEvaluationStart: (e) => void (!e.captureTraces && valBatches.push(e.batchSize)) },
        },
        { onEvaluate: (n) => (evaluated += n) },
      ),
    );
    const gated = rows.filter((row) => /valset gate/.test(row.reason));
    expect(gated.length).toBeGreaterThan(0);
    expect(gated.every((row) => row.status === 'rejected' && row.candidateIdx === -1)).toBe(true);
    // every candidate in the pool still has a score for every val example
    expect(r.valSubscores.every((s) => s.length === KEYWORD_VAL.length)).toBe(true);
    // a child that passed paid only for the val examples the gate did not score
    expect(valBatches).toContain(KEYWORD_VAL.length - 4);
    expect(r.totalMetricCalls).toBe(evaluated);
    expect(r.totalMetricCalls).toBeLessThanOrEqual(600);
  });

  it('is off by default: every accepted child is scored on the whole valset at once', async () => {
    const rows: ProposalRow[] = [];
    await optimize(
      keywordRunOptions({
        maxMetricCalls: 400,
        onTrackingEvent: (e) => void (e.type === 'proposal' && rows.push(e.row)),
      }),
    );
    expect(rows.some((row) => /valset gate/.test(row.reason))).toBe(false);
  });

  it('is reproducible', async () => {
    const run = () => optimize(keywordRunOptions({ maxMetricCalls: 400, seed: 9, valsetGateSize: 3 }));
    expect((await run()).toDict()).toEqual((await run()).toDict());
  });
});

describe('reflectionRetries', () => {
  /** fails (no fenced block) unless the prompt carries the retry note */
  const firstReplyUnfenced = async (prompt: string) =>
    prompt.endsWith(RETRY_NOTE) ? keywordReflectionLm(prompt.slice(0, -RETRY_NOTE.length)) : 'Mention more detail.';

  it('asks again when a reply has no usable instruction, and uses the second answer', async () => {
    const rows: ProposalRow[] = [];
    const r = await optimize(
      keywordRunOptions({
        maxMetricCalls: 200,
        useMerge: false,
        reflectionRetries: 1,
        reflectionLm: firstReplyUnfenced,
        onTrackingEvent: (e) => void (e.type === 'proposal' && rows.push(e.row)),
      }),
    );
    expect(r.numCandidates).toBeGreaterThan(1);
    const retried = rows.filter((row) => row.prompt.endsWith(RETRY_NOTE));
    expect(retried.length).toBeGreaterThan(0);
  });

  it('with no retries (the default), such a reply rejects the proposal', async () => {
    const r = await optimize(
      keywordRunOptions({ maxMetricCalls: 200, useMerge: false, reflectionLm: firstReplyUnfenced }),
    );
    expect(r.numCandidates).toBe(1);
  });

  it('rejects a negative count, naming the option', async () => {
    await expect(optimize(keywordRunOptions({ maxMetricCalls: 100, reflectionRetries: -1 }))).rejects.toThrow(
      /reflectionRetries/,
    );
    await expect(optimize(keywordRunOptions({ maxMetricCalls: 100, valsetGateSize: 1.5 }))).rejects.toThrow(
      /valsetGateSize/,
    );
  });
});

describe('the end of the budget', () => {
  it('buys a last proposal with a smaller minibatch instead of leaving 2 × minibatch + valset unspent', async () => {
    const V = KEYWORD_VAL.length;
    const sizes: number[] = [];
    for (const budget of [45, 57, 70, 101, 133, 250]) {
      const r = await optimize(
        keywordRunOptions({
          maxMetricCalls: budget,
          useMerge: false,
          callbacks: { onMinibatchSampled: (e) => void sizes.push(e.minibatchIds.length) },
        }),
      );
      expect(r.stopReason).toMatch(/^budget/);
      // what is left cannot pay for a one-example minibatch twice and the valset
      expect(budget - (r.totalMetricCalls as number)).toBeLessThan(2 + V);
    }
    expect(sizes.some((n) => n < 3)).toBe(true);
  });
});
