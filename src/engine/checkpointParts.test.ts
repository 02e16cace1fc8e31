import { describe, expect, it } from 'vitest';
import { optimize } from './optimize.ts';
import type { GepaOptions } from './types.ts';
import { cloneState } from './state.ts';
import type { GepaState } from './state.ts';
import { joinState, splitState } from './checkpointParts.ts';
import type { CheckpointCacheEntry, CheckpointCandidate, CheckpointParts } from './checkpointParts.ts';
import { keywordRunOptions } from './__fixtures__/keywordTask.ts';
import type { KeywordAdapterOptions, KeywordExample } from './__fixtures__/keywordTask.ts';

function options(
  over: Partial<GepaOptions<KeywordExample>> = {},
  adapterOpts: KeywordAdapterOptions = {},
): GepaOptions<KeywordExample> {
  return keywordRunOptions({ maxMetricCalls: 800, seed: 7, ...over }, adapterOpts);
}

/** Every checkpoint of a run, as plain copies. */
async function checkpoints(opts: GepaOptions<KeywordExample>): Promise<GepaState[]> {
  const states: GepaState[] = [];
  await optimize({ ...opts, checkpoint: (s) => void states.push(cloneState(s)) });
  return states;
}

const RUNS: [string, () => GepaOptions<KeywordExample>][] = [
  ['merges, evaluation cache and best outputs', () => options({ cacheEvaluation: true, trackBestOutputs: true })],
  [
    'objectives on cartesian fronts, no cache',
    () => options({ cacheEvaluation: false, frontierType: 'cartesian' }, { objectives: true }),
  ],
  [
    'objectives on hybrid fronts, train as valset, cache and best outputs',
    () =>
      options(
        { valset: undefined, frontierType: 'hybrid', cacheEvaluation: true, trackBestOutputs: true },
        { objectives: true },
      ),
  ],
];

describe('splitState / joinState', () => {
  it.each(RUNS)('join(split(s)) equals s at every checkpoint of a run with %s', async (_name, make) => {
    const states = await checkpoints(make());
    expect(states.length).toBeGreaterThan(20);
    for (const s of states) expect(joinState(...partsOf(splitState(s)))).toStrictEqual(s);
  });

  it.each(RUNS)('rows and cache entries split incrementally join to the latest state (%s)', async (_name, make) => {
    const rows: CheckpointCandidate[] = [];
    const cache: CheckpointCacheEntry[] = [];
    for (const s of await checkpoints(make())) {
      const parts = splitState(s, { candidates: rows.length, cacheEntries: cache.length });
      expect(parts.candidates.length).toBeLessThanOrEqual(1);
      rows.push(...parts.candidates);
      cache.push(...parts.cache);
      expect(joinState(parts.head, rows, cache)).toStrictEqual(s);
    }
  });

  it('the runs cover merges (two parents), objectives, the cache and best outputs', async () => {
    const [a, b] = await Promise.all([checkpoints(RUNS[0]![1]()), checkpoints(RUNS[1]![1]())]);
    const last = a[a.length - 1] as GepaState;
    expect(last.parents.some((p) => p.length === 2)).toBe(true);
    expect(Object.keys(last.evalCache ?? {}).length).toBeGreaterThan(100);
    expect(last.bestOutputsValset?.every((l) => l.length > 0)).toBe(true);
    expect(Object.keys((b[b.length - 1] as GepaState).fronts.cartesian.best).length).toBeGreaterThan(0);
  });

  it('a joined state resumes the run to the same result as an uninterrupted one', async () => {
    const full = await optimize(options({ cacheEvaluation: true, trackBestOutputs: true }));
    const states = await checkpoints(options({ cacheEvaluation: true, trackBestOutputs: true }));
    const mid = states[Math.floor(states.length / 2)] as GepaState;
    const resumed = await optimize(
      options({ cacheEvaluation: true, trackBestOutputs: true, resumeFrom: joinState(...partsOf(splitState(mid))) }),
    );
    expect(resumed.toDict()).toEqual(full.toDict());
  });

  it('the parts share nothing mutable with the state', async () => {
    const s = (await checkpoints(options({ cacheEvaluation: true })))[3] as GepaState;
    const parts = splitState(s);
    const before = JSON.stringify(parts);
    s.merge.triedTriplets.push('x');
    s.sampler.shuffledIds.push(99);
    (s.candidates[0] as Record<string, string>).style = 'changed';
    expect(JSON.stringify(parts)).toBe(before);
  });

  it('a head naming more rows than given is refused', async () => {
    const s = (await checkpoints(options()))[5] as GepaState;
    const parts = splitState(s);
    expect(() => joinState(parts.head, parts.candidates.slice(1), parts.cache)).toThrow(/incomplete checkpoint/);
  });
});

function partsOf(p: CheckpointParts): [CheckpointParts['head'], CheckpointCandidate[], CheckpointCacheEntry[]] {
  return [p.head, p.candidates, p.cache];
}
