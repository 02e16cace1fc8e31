import { describe, expect, it } from 'vitest';
import { explainBudget } from './budgetExplain.ts';
import { explainStopLimits, minutesText, stopLimitCount, withCombine, withStopLimit } from './stopLimits.ts';

describe('stop limits in the budget panel', () => {
  it('an edit sets or removes one limit; none left is no stop at all', () => {
    const one = withStopLimit(undefined, 'timeLimitMinutes', 0.25);
    expect(one).toEqual({ timeLimitMinutes: 0.25 });
    const two = withStopLimit(one, 'maxProposals', 8);
    expect(two).toEqual({ timeLimitMinutes: 0.25, maxProposals: 8 });
    expect(stopLimitCount(two)).toBe(2);
    expect(withStopLimit(two, 'timeLimitMinutes', undefined)).toEqual({ maxProposals: 8 });
    expect(withStopLimit(withCombine(one, 'all'), 'timeLimitMinutes', undefined)).toBeUndefined();
  });

  it("combine: 'all' is written, 'any' (the default) is not", () => {
    expect(withCombine({ maxCandidates: 4 }, 'all')).toEqual({ combine: 'all', maxCandidates: 4 });
    expect(withCombine({ combine: 'all', maxCandidates: 4 }, 'any')).toEqual({ maxCandidates: 4 });
    expect(withCombine(undefined, 'all')).toBeUndefined();
  });

  it('says a time limit as the run will: seconds below a minute', () => {
    expect(minutesText(0.25)).toBe('15 s');
    expect(minutesText(1)).toBe('1 min');
    expect(minutesText(2.5)).toBe('2.5 min');
  });

  it('explains one limit, several with any, several with all', () => {
    expect(explainStopLimits(undefined, 10)).toEqual([]);
    expect(explainStopLimits({ timeLimitMinutes: 0.25 }, 10)).toEqual([
      "The run stops sooner if it reaches a time limit of 15 s first; the budget's cap still holds.",
    ]);
    expect(explainStopLimits({ noImprovementIterations: 3, targetScore: 0.9 }, 10)).toEqual([
      'The run stops sooner at whichever comes first: 3 iterations without a better best score, a best val score ' +
        "of 0.9; the budget's cap still holds.",
    ]);
    expect(explainStopLimits({ combine: 'all', maxCandidates: 5, maxProposals: 1 }, 10)).toEqual([
      'The run stops sooner only once all of these hold: 5 candidates, 1 proposal; otherwise the budget ends it.',
    ]);
  });

  it('says when the budget buys fewer proposals than the proposal limit', () => {
    expect(explainStopLimits({ maxProposals: 50 }, 12)[1]).toBe(
      'This budget buys at most 12 reflective proposals, so the limit of 50 proposals will likely not be what ' +
        'ends the run.',
    );
    expect(explainStopLimits({ maxProposals: 12 }, 12)).toHaveLength(1);
  });

  it('the budget explanation ends with them, and is unchanged without them', () => {
    const inputs = { budget: { maxMetricCalls: 300 }, trainSize: 20, valSize: 10, numComponents: 1, minibatchSize: 3 };
    const plain = explainBudget(inputs);
    const limited = explainBudget({ ...inputs, stop: { timeLimitMinutes: 1 } });
    expect(limited.lines).toEqual([
      ...plain.lines,
      "The run stops sooner if it reaches a time limit of 1 min first; the budget's cap still holds.",
    ]);
    expect(limited.cap).toBe(plain.cap);
  });
});
