import { describe, expect, it } from 'vitest';
import {
  emptyFronts,
  frontMembers,
  frontierLists,
  paretoAggregate,
  updateFronts,
  type FrontsState,
} from './paretoFront.ts';
import { Rng } from './rng.ts';

/** Fronts after offering each row of instance scores as candidates 0, 1, 2, … */
const frontsOf = (rows: number[][]): FrontsState => {
  const f = emptyFronts(rows[0]?.length ?? 0);
  rows.forEach((s, i) => updateFronts(f, i, s, null, {}));
  return f;
};

describe('emptyFronts', () => {
  it('has a null best and no programs per val example', () =>
    expect(emptyFronts(2).instance).toEqual({ best: [null, null], programs: [[], []] }));
  it('gives each val example its own programs array', () => {
    const f = emptyFronts(2);
    f.instance.programs[0]?.push(1);
    expect(f.instance.programs[1]).toEqual([]);
  });
  it('starts with empty objective and cartesian fronts', () =>
    expect([emptyFronts(1).objective, emptyFronts(1).cartesian]).toEqual([
      { best: {}, programs: {} },
      { best: {}, programs: {} },
    ]));
});

describe('updateFronts: instance fronts', () => {
  it('the first candidate takes every front', () =>
    expect(frontsOf([[0.5, 0.2]]).instance).toEqual({ best: [0.5, 0.2], programs: [[0], [0]] }));
  it('a higher score replaces the front', () =>
    expect(
      frontsOf([
        [0.5, 0.5],
        [0.9, 0.1],
      ]).instance,
    ).toEqual({ best: [0.9, 0.5], programs: [[1], [0]] }));
  it('a tie joins the front, kept sorted', () => {
    const f = emptyFronts(1);
    updateFronts(f, 3, [1], null, {});
    updateFronts(f, 5, [1], null, {});
    expect(f.instance.programs).toEqual([[3, 5]]);
  });
  it('a lower score leaves the front unchanged', () => {
    const f = frontsOf([[0.5]]);
    expect(updateFronts(f, 1, [0.4], null, {})).toEqual({ changed: false, displaced: [] });
    expect(f.instance).toEqual({ best: [0.5], programs: [[0]] });
  });
  it('a tie keeps the earlier members', () =>
    expect(
      frontsOf([
        [0.5, 1],
        [0.5, 0],
        [0.5, 0],
      ]).instance.programs,
    ).toEqual([[0, 1, 2], [0]]));
  it('reports a change when only a tie is added', () =>
    expect(updateFronts(frontsOf([[0.5]]), 1, [0.5], null, {})).toEqual({ changed: true, displaced: [] }));
  it('a zero score still takes an empty front', () =>
    expect(frontsOf([[0]]).instance).toEqual({ best: [0], programs: [[0]] }));
  it('a negative score takes an empty front', () => expect(frontsOf([[-1]]).instance.best).toEqual([-1]));
  it('reports programs pushed off every front', () => {
    const f = frontsOf([
      [0.5, 0.5],
      [0.5, 0.4],
    ]);
    expect(updateFronts(f, 2, [0.9, 0.9], null, {})).toEqual({ changed: true, displaced: [0, 1] });
  });
  it('does not report a program still on another front', () => {
    const f = frontsOf([[0.5, 0.9]]);
    expect(updateFronts(f, 1, [0.9, 0.1], null, {}).displaced).toEqual([]);
  });
});

describe('updateFronts: incremental equals recomputed', () => {
  it('matches the fronts recomputed from all scores, with memberships and displacements, on random runs', () => {
    const rng = new Rng(3);
    for (let run = 0; run < 50; run++) {
      const V = 1 + rng.int(12);
      const levels = 1 + rng.int(4); // few levels, so ties are common
      const f = emptyFronts(V);
      const rows: number[][] = [];
      let before: number[] = [];
      for (let c = 0; c < 25; c++) {
        const row = Array.from({ length: V }, () => rng.int(levels) / levels);
        rows.push(row);
        const { displaced } = updateFronts(f, c, row, null, {});
        const best = Array.from({ length: V }, (_, v) => Math.max(...rows.map((r) => r[v] as number)));
        const programs = best.map((b, v) => rows.flatMap((r, p) => (r[v] === b ? [p] : [])));
        expect(f.instance).toEqual({ best, programs });
        const members = [...new Set(programs.flat())].sort((a, b) => a - b);
        expect(frontMembers(f)).toEqual(members);
        expect(displaced).toEqual(before.filter((p) => !members.includes(p)));
        before = members;
      }
    }
  });
});

describe('updateFronts: objective and cartesian fronts', () => {
  it('keeps one front per objective on the aggregate', () => {
    const f = emptyFronts(1);
    updateFronts(f, 0, [1], null, { acc: 0.8, brevity: 0.2 });
    updateFronts(f, 1, [1], null, { acc: 0.8, brevity: 0.6 });
    expect(f.objective).toEqual({ best: { acc: 0.8, brevity: 0.6 }, programs: { acc: [0, 1], brevity: [1] } });
  });
  it('keeps one front per (val id, objective) pair', () => {
    const f = emptyFronts(2);
    updateFronts(f, 0, [1, 0], [{ acc: 1 }, { acc: 0 }], {});
    updateFronts(f, 1, [0, 1], [{ acc: 0 }, { acc: 1 }], {});
    expect(f.cartesian).toEqual({ best: { '0/acc': 1, '1/acc': 1 }, programs: { '0/acc': [0], '1/acc': [1] } });
  });
  it('a program only on an objective front is not displaced', () => {
    const f = emptyFronts(1);
    updateFronts(f, 0, [0.5], null, { cost: 0.9 });
    expect(updateFronts(f, 1, [0.9], null, { cost: 0.1 }).displaced).toEqual([]);
  });
  it('reports displacement from objective fronts', () => {
    const f = emptyFronts(0);
    updateFronts(f, 0, [], null, { acc: 0.5 });
    expect(updateFronts(f, 1, [], null, { acc: 0.7 })).toEqual({ changed: true, displaced: [0] });
  });
  it('an objective improvement alone counts as a change', () => {
    const f = emptyFronts(1);
    updateFronts(f, 0, [1], null, { a: 0.1 });
    expect(updateFronts(f, 1, [0], null, { a: 0.2 }).changed).toBe(true);
  });
});

describe('fronts as JSON', () => {
  it('null "no score yet" survives a round trip', () =>
    expect(JSON.parse(JSON.stringify(emptyFronts(2)))).toEqual(emptyFronts(2)));
  it('a round-tripped empty front still accepts a first score', () => {
    const f = JSON.parse(JSON.stringify(emptyFronts(1))) as FrontsState;
    updateFronts(f, 0, [0], null, {});
    expect(f.instance).toEqual({ best: [0], programs: [[0]] });
  });
  it('updating a round-tripped copy matches updating the original', () => {
    const a = frontsOf([[0.5, 0.5, 0.1]]);
    updateFronts(a, 1, [0.2, 0.9, 0], [{ x: 1 }, { x: 0 }, { x: 0 }], { x: 0.3 });
    const b = JSON.parse(JSON.stringify(a)) as FrontsState;
    const rA = updateFronts(a, 2, [0.5, 0.1, 0.3], [{ x: 1 }, { x: 1 }, { x: 0 }], { x: 0.6 });
    const rB = updateFronts(b, 2, [0.5, 0.1, 0.3], [{ x: 1 }, { x: 1 }, { x: 0 }], { x: 0.6 });
    expect([b, rB]).toEqual([a, rA]);
  });
  it('a partially scored front round-trips', () => {
    const f = emptyFronts(2);
    updateFronts(f, 0, [0.3], null, {});
    expect(JSON.parse(JSON.stringify(f)).instance.best).toEqual([0.3, null]);
  });
});

describe('frontMembers', () => {
  it('lists every program on some front, ascending', () =>
    expect(
      frontMembers(
        frontsOf([
          [1, 0, 0],
          [0, 0, 0],
          [0, 1, 1],
        ]),
      ),
    ).toEqual([0, 2]));
  it('includes programs only on objective fronts', () => {
    const f = frontsOf([[1]]);
    updateFronts(f, 1, [0], null, { cost: 1 });
    expect(frontMembers(f)).toEqual([0, 1]);
  });
  it('drops displaced programs', () =>
    expect(
      frontMembers(
        frontsOf([
          [0.1, 0.1],
          [0.5, 0.2],
          [0.5, 0.5],
        ]),
      ),
    ).toEqual([1, 2]));
  it('is empty before any candidate', () => expect(frontMembers(emptyFronts(3))).toEqual([]));
});

describe('frontierLists', () => {
  const f = emptyFronts(2);
  updateFronts(f, 0, [1, 0], [{ acc: 1 }, { acc: 0 }], { acc: 0.5 });
  updateFronts(f, 1, [0, 1], [{ acc: 0 }, { acc: 1 }], { acc: 0.5 });
  const plain = frontsOf([
    [1, 0],
    [0, 1],
  ]);
  it('instance: one front per val example', () => expect(frontierLists(f, 'instance')).toEqual([[0], [1]]));
  it('objective: one front per objective', () => expect(frontierLists(f, 'objective')).toEqual([[0, 1]]));
  it('hybrid: instance and objective fronts', () => expect(frontierLists(f, 'hybrid')).toEqual([[0], [1], [0, 1]]));
  it('cartesian: one front per (example, objective)', () => expect(frontierLists(f, 'cartesian')).toEqual([[0], [1]]));
  it('objective falls back to instance without objectives', () =>
    expect(frontierLists(plain, 'objective')).toEqual([[0], [1]]));
  it('cartesian falls back to instance without objectives', () =>
    expect(frontierLists(plain, 'cartesian')).toEqual([[0], [1]]));
  it('hybrid without objectives is the instance fronts', () =>
    expect(frontierLists(plain, 'hybrid')).toEqual([[0], [1]]));
});

describe('paretoAggregate', () => {
  it('is the mean of the best score per example', () =>
    expect(
      paretoAggregate(
        frontsOf([
          [1, 0, 0, 0],
          [0, 1, 0.5, 0],
        ]),
      ),
    ).toBeCloseTo(0.625));
  it('counts an unscored example as 0', () => {
    const f = emptyFronts(2);
    updateFronts(f, 0, [0.8], null, {});
    expect(paretoAggregate(f)).toBeCloseTo(0.4);
  });
  it('is 0 for an empty valset', () => expect(paretoAggregate(emptyFronts(0))).toBe(0));
});
