// Several proposals per round (samplingStrategy) and which of them enter the pool (selectionStrategy):
// concurrent, yet reproducible, within the hard budget cap, and resumable mid-round.
import { describe, expect, it } from 'vitest';
import { optimize } from './optimize.ts';
import type { GepaOptions } from './types.ts';
import type { TrackingEvent } from './tracking.ts';
import { abortedAt } from './__fixtures__/abortedRun.ts';
import { keywordDataset, keywordReflectionLm, keywordRunOptions } from './__fixtures__/keywordTask.ts';
import type { KeywordAdapterOptions, KeywordExample } from './__fixtures__/keywordTask.ts';

/** A random wait: which call of a stage finishes first changes from run to run. */
const jitter = () => new Promise<void>((r) => setTimeout(r, Math.floor(Math.random() * 5)));

function inFlight(
  over: Partial<GepaOptions<KeywordExample>> = {},
  adapterOpts: KeywordAdapterOptions = {},
): GepaOptions<KeywordExample> {
  return keywordRunOptions(
    {
      maxMetricCalls: 400,
      seed: 5,
      samplingStrategy: { kind: 'independent', n: 4 },
      reflectionLm: async (p) => {
        await jitter();
        return keywordReflectionLm(p);
      },
      ...over,
    },
    { beforeEvaluate: jitter, ...adapterOpts },
  );
}

describe('several proposals in flight', () => {
  it('runs a round’s evaluations concurrently', async () => {
    let running = 0;
    let most = 0;
    await optimize(
      inFlight(
        { maxMetricCalls: 150 },
        {
          beforeEvaluate: async () => {
            most = Math.max(most, ++running);
            await jitter();
            running--;
          },
        },
      ),
    );
    expect(most).toBeGreaterThan(1);
  });

  it('gives the identical run whatever order the LM calls finish in', async () => {
    const runs = [];
    for (let k = 0; k < 3; k++) {
      const tracking: TrackingEvent[] = [];
      const r = await optimize(inFlight({ onTrackingEvent: (e) => tracking.push(e) }));
      runs.push({ result: r.toDict(), tracking });
    }
    expect(runs[0]?.result.candidates.length).toBeGreaterThan(3);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  for (const samplingStrategy of [
    { kind: 'same_parent', n: 3 },
    { kind: 'pxn', p: 2, n: 2 },
  ] as const) {
    it(`${samplingStrategy.kind} is reproducible too`, async () => {
      const a = await optimize(inFlight({ samplingStrategy }));
      const b = await optimize(inFlight({ samplingStrategy }));
      expect(b.toDict()).toEqual(a.toDict());
    });
  }

  it('never goes one metric call over the budget, and counts every evaluated example once', async () => {
    for (const budget of [30, 57, 101, 250]) {
      let evaluated = 0;
      const r = await optimize(inFlight({ maxMetricCalls: budget }, { onEvaluate: (n) => (evaluated += n) }));
      expect(r.totalMetricCalls).toBeLessThanOrEqual(budget);
      expect(r.totalMetricCalls).toBe(evaluated);
    }
  });

  it('an abort mid-round rolls the whole round back, and the resume redoes it exactly', async () => {
    const full = await optimize(inFlight({ maxMetricCalls: 300 }));
    for (const abortAt of [9, 23]) {
      const { partial, saved: state } = await abortedAt(
        inFlight,
        { maxMetricCalls: 300 },
        abortAt,
        jitter,
        new AbortController(),
      );
      expect(partial.stopReason).toBe('aborted');
      expect(partial.totalMetricCalls).toBe(state.totalMetricCalls);
      const resumed = await optimize(inFlight({ maxMetricCalls: 300, resumeFrom: state }));
      expect(resumed.toDict()).toEqual(full.toDict());
    }
  });

  it('adds several candidates a round with "all", at most one with "best", at most k with top_k', async () => {
    const perRound = async (selectionStrategy: GepaOptions['selectionStrategy']) => {
      const added: number[] = [];
      let before = 0;
      await optimize(
        inFlight({
          maxMetricCalls: 500,
          selectionStrategy,
          callbacks: {
            onIterationStart: (e) => void (before = e.state.candidates.length),
            onIterationEnd: (e) => void added.push(e.state.candidates.length - before),
          },
        }),
      );
      return Math.max(...added);
    };
    expect(await perRound('all')).toBeGreaterThan(1);
    expect(await perRound('best')).toBe(1);
    expect(await perRound({ kind: 'top_k', k: 2 })).toBe(2);
  });

  it('shares a parent’s minibatch evaluation between proposals with the same parent and minibatch', async () => {
    // one training example: every minibatch is [0], so same_parent's three proposals share one parent run
    const traced: number[] = [];
    let round = 0;
    await optimize(
      inFlight(
        {
          trainset: keywordDataset(1),
          reflectionMinibatchSize: 1,
          samplingStrategy: { kind: 'same_parent', n: 3 },
          maxMetricCalls: 120,
          callbacks: { onIterationStart: () => void traced.push((round = 0)) },
        },
        { onEvaluate: (_n, traces) => void (traces && traced.push(++round)) },
      ),
    );
    expect(Math.max(...traced)).toBe(1);
  });

  it('asks for fewer proposals when the budget cannot pay for a whole round', async () => {
    const proposalsPerRound: number[] = [];
    let started = 0;
    await optimize(
      inFlight({
        maxMetricCalls: 90,
        callbacks: {
          onIterationStart: () => void (started = 0),
          onProposalStart: () => void started++,
          onIterationEnd: () => void proposalsPerRound.push(started),
        },
      }),
    );
    expect(proposalsPerRound[0]).toBe(4);
    expect(proposalsPerRound.at(-1)).toBeLessThan(4);
  });

  it('rejects a malformed strategy with an error naming the option', async () => {
    await expect(optimize(inFlight({ samplingStrategy: { kind: 'independent', n: 0 } }))).rejects.toThrow(
      /samplingStrategy: n must be a whole number/,
    );
    await expect(
      optimize(inFlight({ selectionStrategy: { kind: 'top_k', k: 0 } as GepaOptions['selectionStrategy'] })),
    ).rejects.toThrow(/selectionStrategy/);
  });
});
