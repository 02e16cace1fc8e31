import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import type { GepaState } from '../state.ts';
import { emptyFronts, updateFronts } from '../paretoFront.ts';
import {
  argmax,
  currentBestSelector,
  epsilonGreedySelector,
  makeCandidateSelector,
  paretoSelector,
  topKParetoSelector,
  type CandidateSelector,
} from './candidateSelectors.ts';

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Only what the selectors read: fronts, valAggregate, candidates. Row i is candidate i's val scores. */
const stateOf = (rows: number[][], opts: { agg?: number[]; objectives?: Record<string, number>[] } = {}): GepaState => {
  const fronts = emptyFronts(rows[0]?.length ?? 0);
  rows.forEach((s, i) => updateFronts(fronts, i, s, null, opts.objectives?.[i] ?? {}));
  return { fronts, valAggregate: opts.agg ?? rows.map(mean), candidates: rows.map(() => ({})) } as unknown as GepaState;
};

const addCandidate = (state: GepaState, scores: number[]) => {
  updateFronts(state.fronts, state.candidates.length, scores, null, {});
  state.valAggregate.push(mean(scores));
  state.candidates.push({});
};

/** counts[i]: how often candidate i was picked in n draws. */
const counts = (sel: CandidateSelector, state: GepaState, n = 3000, seed = 1) => {
  const rng = new Rng(seed);
  const c = state.candidates.map(() => 0);
  for (let i = 0; i < n; i++) c[sel.select(state, rng)]! += 1;
  return c;
};
const seq = (sel: CandidateSelector, state: GepaState, seed: number) => {
  const rng = new Rng(seed);
  return Array.from({ length: 30 }, () => sel.select(state, rng));
};

// c1 is best on val 0 and 1, c2 on val 2, c3 only ties c1 on val 0 (dominated), c0 is on no front.
const mixed = () =>
  stateOf([
    [0.5, 0.5, 0.5],
    [0.9, 0.9, 0.2],
    [0.1, 0.1, 0.9],
    [0.9, 0, 0],
  ]);

describe('argmax', () => {
  it('returns the index of the highest score', () => expect(argmax([0.1, 0.7, 0.3])).toBe(1));
  it('returns the first index on ties', () => expect(argmax([0.2, 0.8, 0.8])).toBe(1));
  it('returns 0 for an empty list', () => expect(argmax([])).toBe(0));
});

describe('pareto selector', () => {
  it('never picks a dominated program or one on no front', () => {
    const c = counts(paretoSelector('instance'), mixed());
    expect([c[0], c[3]]).toEqual([0, 0]);
  });
  it('never picks a dominated program even when it has the best average', () =>
    expect(
      counts(
        paretoSelector('instance'),
        stateOf(
          [
            [0.9, 0.9, 0.2],
            [0.1, 0.1, 0.9],
            [0.9, 0, 0],
          ],
          { agg: [0.1, 0.2, 0.99] },
        ),
      )[2],
    ).toBe(0));
  it('samples in proportion to front counts (2 : 1)', () => {
    const c = counts(paretoSelector('instance'), mixed(), 6000);
    expect((c[1] as number) / 6000).toBeCloseTo(2 / 3, 1);
    expect((c[2] as number) / 6000).toBeCloseTo(1 / 3, 1);
  });
  it('samples in proportion to front counts (3 : 1)', () => {
    const c = counts(
      paretoSelector('instance'),
      stateOf([
        [1, 1, 1, 0],
        [0, 0, 0, 1],
      ]),
      8000,
    );
    expect(Math.abs((c[0] as number) / 8000 - 0.75)).toBeLessThan(0.02);
  });
  it('keeps one of two programs tying on every front', () =>
    expect(
      counts(
        paretoSelector('instance'),
        stateOf([
          [1, 0],
          [1, 0],
          [0, 1],
        ]),
      )[0],
    ).toBe(0));
  it('is deterministic for a fixed seed', () =>
    expect(seq(paretoSelector('instance'), mixed(), 9)).toEqual(seq(paretoSelector('instance'), mixed(), 9)));
  it('a lone candidate is always picked', () =>
    expect(counts(paretoSelector('instance'), stateOf([[0, 0]]), 50)).toEqual([50]));
  it('falls back to argmax when no program is on a front', () =>
    expect(paretoSelector('instance').select(stateOf([], { agg: [] }), new Rng(0))).toBe(0));
  it('objective fronts ignore instance fronts', () => {
    const s = stateOf([[0], [0], [1]], {
      objectives: [
        { acc: 0.9, cost: 0.1 },
        { acc: 0.1, cost: 0.9 },
        { acc: 0.5, cost: 0.5 },
      ],
    });
    const c = counts(paretoSelector('objective'), s, 4000);
    expect(c[2]).toBe(0);
    expect(Math.abs((c[0] as number) / 4000 - 0.5)).toBeLessThan(0.03);
  });
  it('hybrid draws from instance and objective fronts', () => {
    const s = stateOf([[0], [0], [1]], {
      objectives: [
        { acc: 0.9, cost: 0.1 },
        { acc: 0.1, cost: 0.9 },
        { acc: 0.5, cost: 0.5 },
      ],
    });
    expect(counts(paretoSelector('hybrid'), s, 3000).every((n) => n > 850 && n < 1150)).toBe(true);
  });
  it('a reused selector sees a newly added candidate', () => {
    const sel = paretoSelector('instance');
    const s = stateOf([[0.5]]);
    sel.select(s, new Rng(0));
    addCandidate(s, [0.9]);
    expect(counts(sel, s, 20)).toEqual([0, 20]);
  });
  it('a reused selector follows a different state', () => {
    const sel = paretoSelector('instance');
    sel.select(
      stateOf([
        [1, 0],
        [0, 1],
      ]),
      new Rng(0),
    );
    expect(
      counts(
        sel,
        stateOf([
          [0.2, 0.2],
          [0.1, 0.1],
          [0.3, 0.3],
        ]),
        20,
      ),
    ).toEqual([0, 0, 20]);
  });
});

describe('current_best selector', () => {
  it('picks the argmax', () => expect(currentBestSelector.select(stateOf([[0.1], [0.9], [0.5]]), new Rng(0))).toBe(1));
  it('picks the first on ties', () =>
    expect(currentBestSelector.select(stateOf([[0.2], [0.8], [0.8]]), new Rng(0))).toBe(1));
  it('ignores the fronts', () =>
    expect(
      currentBestSelector.select(
        stateOf(
          [
            [1, 0],
            [0, 1],
          ],
          { agg: [0.1, 0.2] },
        ),
        new Rng(0),
      ),
    ).toBe(1));
  it('does not draw from the rng', () => {
    const rng = new Rng(3);
    const before = rng.state();
    currentBestSelector.select(mixed(), rng);
    expect(rng.state()).toEqual(before);
  });
});

describe('epsilon_greedy selector', () => {
  const five = () => stateOf([[0.1], [0.2], [0.9], [0.3], [0.4]]);
  it('epsilon 0 always exploits', () =>
    expect(counts(epsilonGreedySelector(0), five(), 500)).toEqual([0, 0, 500, 0, 0]));
  it('epsilon 1 picks uniformly', () =>
    expect(counts(epsilonGreedySelector(1), five(), 5000).every((n) => n > 850 && n < 1150)).toBe(true));
  it('explores at about epsilon', () => {
    const c = counts(epsilonGreedySelector(0.2), five(), 10000);
    expect(Math.abs((10000 - (c[2] as number)) / 10000 - (0.2 * 4) / 5)).toBeLessThan(0.015);
  });
  it('explores every candidate', () =>
    expect(counts(epsilonGreedySelector(0.5), five(), 1000).every((n) => n > 0)).toBe(true));
});

describe('top_k_pareto selector', () => {
  // c2 is alone on val 2 but ranks last by average
  const s = () =>
    stateOf([
      [0.9, 0.3, 0],
      [0.3, 0.9, 0],
      [0, 0, 0.1],
    ]);
  it('k = 1 always picks the argmax', () =>
    expect(counts(topKParetoSelector(1, 'instance'), s(), 200)).toEqual([200, 0, 0]));
  it('k = 1 picks the first on ties', () =>
    expect(
      counts(
        topKParetoSelector(1, 'instance'),
        stateOf([
          [0, 1],
          [1, 0],
        ]),
        100,
      ),
    ).toEqual([100, 0]));
  it('never picks outside the k best, even a sole front member', () =>
    expect(counts(topKParetoSelector(2, 'instance'), s())[2]).toBe(0));
  it('samples among the k best', () => {
    const c = counts(topKParetoSelector(2, 'instance'), s(), 4000);
    expect(Math.abs((c[0] as number) / 4000 - 0.5)).toBeLessThan(0.03);
  });
  it('k at least the candidate count equals plain pareto', () =>
    expect(seq(topKParetoSelector(10, 'instance'), mixed(), 4)).toEqual(seq(paretoSelector('instance'), mixed(), 4)));
  it('k = 0 behaves as k = 1', () => expect(counts(topKParetoSelector(0, 'instance'), s(), 100)).toEqual([100, 0, 0]));
  it('falls back to argmax when none of the k best is on a front', () =>
    expect(
      counts(
        topKParetoSelector(1, 'instance'),
        stateOf([
          [0.6, 0.6],
          [1, 0],
          [0, 1],
        ]),
        50,
      ),
    ).toEqual([50, 0, 0]));
});

describe('makeCandidateSelector', () => {
  const opts = { epsilon: 0, topK: 1 };
  it('current_best is the shared argmax selector', () =>
    expect(makeCandidateSelector('current_best', 'instance', opts)).toBe(currentBestSelector));
  it('pareto samples the fronts', () =>
    expect(counts(makeCandidateSelector('pareto', 'instance', opts), mixed(), 300)[0]).toBe(0));
  it('epsilon_greedy uses opts.epsilon', () =>
    expect(counts(makeCandidateSelector('epsilon_greedy', 'instance', opts), mixed(), 100)[1]).toBe(100));
  it('top_k_pareto uses opts.topK', () =>
    expect(counts(makeCandidateSelector('top_k_pareto', 'instance', opts), mixed(), 100)[1]).toBe(100));
});
