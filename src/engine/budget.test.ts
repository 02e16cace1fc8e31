import { describe, expect, it } from 'vitest';
import { AUTO_RUN_SETTINGS, autoBudget, reflectiveIterationCost, resolveMetricCallBudget } from './budget.ts';
import type { BudgetInput } from './budget.ts';
import { GepaConfigError } from './types.ts';

// Expected values worked out by hand from dspy.GEPA.auto_budget (seed 003):
//   N = int(max(4·p·log2(n), 1.5·n)); total = V + 5n + 35N + (⌊(N+1)/5⌋ + 1 + [N < 5])·V
// light n=6, medium n=12, heavy n=18.
const DSPY_CASES: [number, number, number, number][] = [
  // numPreds, n, V, expected          N
  [1, 6, 10, 420], //                 10 → 10 + 30 + 350 + 3·10
  [1, 6, 100, 780],
  [1, 12, 10, 740], //                18 → 10 + 60 + 630 + 4·10
  [1, 12, 100, 1190],
  [1, 18, 10, 1105], //               27 → 10 + 90 + 945 + 6·10
  [1, 18, 100, 1735],
  [2, 6, 10, 790], //                 20 → 10 + 30 + 700 + 5·10
  [2, 6, 100, 1330],
  [2, 12, 10, 1110], //               28
  [2, 12, 100, 1740],
  [2, 18, 10, 1325], //               33
  [2, 18, 100, 2045],
  [3, 6, 10, 1195], //                31
  [3, 6, 100, 1915],
  [3, 12, 10, 1665], //               43
  [3, 12, 100, 2565],
  [3, 18, 10, 1960], //               50
  [3, 18, 100, 3040],
];

const input = (b: Partial<BudgetInput>): BudgetInput => ({
  hasStopConditions: false,
  numComponents: 1,
  trainsetSize: 20,
  valsetSize: 10,
  ...b,
});
const fieldOf = (b: Partial<BudgetInput>): string | null => {
  try {
    resolveMetricCallBudget(input(b));
  } catch (e) {
    return e instanceof GepaConfigError ? e.field : `not a GepaConfigError: ${String(e)}`;
  }
  return null;
};

describe('autoBudget', () => {
  it.each(DSPY_CASES)('numPreds=%i, n=%i, valset=%i → %i', (p, n, v, expected) =>
    expect(autoBudget(p, n, v)).toBe(expected),
  );
  // N=4: 10+10+140 + (2+1)·10
  it('adds one final full eval when N < fullEvalSteps', () => expect(autoBudget(1, 2, 10)).toBe(190));
  it('honours a custom minibatch size', () => expect(autoBudget(1, 6, 10, 3)).toBe(100)); // N=10: 10+30+30 + 3·10
  it('honours custom fullEvalSteps', () => expect(autoBudget(1, 6, 10, 3, 2)).toBe(130)); // N=10: 70 + (5+1)·10
  it('with fullEvalSteps=1 evaluates the valset every trial', () =>
    expect(autoBudget(1, 6, 10, 35, 1)).toBe(390 + 12 * 10));
  it('is a whole number', () => expect(Number.isInteger(autoBudget(2, 12, 37))).toBe(true));
  it('grows with the valset', () => expect(autoBudget(1, 6, 11)).toBeGreaterThan(autoBudget(1, 6, 10)));
  it('rejects fullEvalSteps < 1', () => expect(() => autoBudget(1, 6, 10, 35, 0)).toThrow(RangeError));
  it('rejects a negative valset size', () => expect(() => autoBudget(1, 6, -1)).toThrow(RangeError));
  it('rejects a negative minibatch size', () => expect(() => autoBudget(1, 6, 10, -1)).toThrow(RangeError));
});

describe('AUTO_RUN_SETTINGS', () => {
  it('matches dspy (light 6, medium 12, heavy 18)', () =>
    expect(AUTO_RUN_SETTINGS).toEqual({ light: { n: 6 }, medium: { n: 12 }, heavy: { n: 18 } }));
});

describe('resolveMetricCallBudget', () => {
  it('passes maxMetricCalls through', () => expect(resolveMetricCallBudget(input({ maxMetricCalls: 150 }))).toBe(150));
  it('maxFullEvals × (train + val)', () =>
    expect(resolveMetricCallBudget(input({ maxFullEvals: 3, trainsetSize: 20, valsetSize: 10 }))).toBe(90));
  it('maxFullEvals with no separate valset counts the trainset only', () =>
    expect(resolveMetricCallBudget(input({ maxFullEvals: 2, trainsetSize: 20, valsetSize: 0 }))).toBe(40));
  it('auto light uses the dspy formula', () =>
    expect(resolveMetricCallBudget(input({ auto: 'light', numComponents: 2, valsetSize: 10 }))).toBe(790));
  it('auto medium uses the dspy formula', () =>
    expect(resolveMetricCallBudget(input({ auto: 'medium', numComponents: 3, valsetSize: 100 }))).toBe(2565));
  it('auto heavy uses the dspy formula', () =>
    expect(resolveMetricCallBudget(input({ auto: 'heavy', numComponents: 1, valsetSize: 10 }))).toBe(1105));
  it('auto ignores the trainset size', () =>
    expect(resolveMetricCallBudget(input({ auto: 'light', trainsetSize: 500 }))).toBe(420));
  it('rejects auto + maxMetricCalls, naming both', () =>
    expect(fieldOf({ auto: 'light', maxMetricCalls: 10 })).toBe('auto, maxMetricCalls'));
  it('rejects maxFullEvals + maxMetricCalls, naming both', () =>
    expect(fieldOf({ maxFullEvals: 1, maxMetricCalls: 10 })).toBe('maxFullEvals, maxMetricCalls'));
  it('rejects auto + maxFullEvals, naming both', () =>
    expect(fieldOf({ auto: 'heavy', maxFullEvals: 1 })).toBe('auto, maxFullEvals'));
  it('rejects all three, naming all', () =>
    expect(fieldOf({ auto: 'heavy', maxFullEvals: 1, maxMetricCalls: 5 })).toBe('auto, maxFullEvals, maxMetricCalls'));
  it('rejects two budgets even with stop conditions', () =>
    expect(fieldOf({ maxFullEvals: 1, maxMetricCalls: 10, hasStopConditions: true })).toBe(
      'maxFullEvals, maxMetricCalls',
    ));
  it('rejects no budget and no stop conditions', () => expect(fieldOf({})).toBe('maxMetricCalls'));
  it('returns null with no budget but stop conditions', () =>
    expect(resolveMetricCallBudget(input({ hasStopConditions: true }))).toBeNull());
  // the field count ignores null (a JSON run config), so the branches must too
  it('treats auto: null as not given', () =>
    expect(resolveMetricCallBudget(input({ auto: null, maxMetricCalls: 50 } as unknown as BudgetInput))).toBe(50));
  it('treats maxFullEvals: null as not given', () =>
    expect(resolveMetricCallBudget(input({ maxFullEvals: null, maxMetricCalls: 50 } as unknown as BudgetInput))).toBe(
      50,
    ));
  it('rejects an unknown auto level', () => expect(fieldOf({ auto: 'extreme' as BudgetInput['auto'] })).toBe('auto'));
  it.each([0, -3, 1.5, Number.NaN, Infinity])('rejects maxMetricCalls=%s', (m) =>
    expect(fieldOf({ maxMetricCalls: m })).toBe('maxMetricCalls'),
  );
  it.each([0, -1, 2.5, Number.NaN])('rejects maxFullEvals=%s', (m) =>
    expect(fieldOf({ maxFullEvals: m })).toBe('maxFullEvals'),
  );
  it('accepts maxMetricCalls=1', () => expect(resolveMetricCallBudget(input({ maxMetricCalls: 1 }))).toBe(1));
});

describe('reflectiveIterationCost', () => {
  it('is two minibatches plus the valset', () => expect(reflectiveIterationCost(3, 10)).toBe(16));
  it('is just the minibatches without a valset', () => expect(reflectiveIterationCost(5, 0)).toBe(10));
});
