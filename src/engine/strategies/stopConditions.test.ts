import { describe, expect, it } from 'vitest';
import { checkStop, hardMetricCallCaps, usesClock } from './stopConditions.ts';
import type { StopCondition, StopContext } from './stopConditions.ts';
import type { GepaState } from '../state.ts';

// Only the fields the conditions read.
function ctx(over: Partial<GepaState> = {}, elapsedMs = 0): StopContext {
  const state = {
    totalMetricCalls: 100,
    numFullValEvals: 4,
    iteration: 10,
    lastImprovementIteration: 7,
    valAggregate: [0.2, 0.8, 0.5],
    bestIdx: 1,
    candidates: [{}, {}, {}],
    ...over,
  } as unknown as GepaState;
  return { state, elapsedMs };
}
const stops = (c: StopCondition, cx: StopContext = ctx()) => checkStop(c, cx) !== null;

const YES: StopCondition = { kind: 'maxIterations', iterations: 10 };
const NO: StopCondition = { kind: 'maxIterations', iterations: 11 };

describe('checkStop', () => {
  it('maxMetricCalls: stops at the cap', () => expect(stops({ kind: 'maxMetricCalls', calls: 100 })).toBe(true));
  it('maxMetricCalls: stops past the cap', () => expect(stops({ kind: 'maxMetricCalls', calls: 50 })).toBe(true));
  it('maxMetricCalls: runs below the cap', () => expect(stops({ kind: 'maxMetricCalls', calls: 101 })).toBe(false));
  it('maxFullEvals: stops at the count', () => expect(stops({ kind: 'maxFullEvals', evals: 4 })).toBe(true));
  it('maxFullEvals: runs below the count', () => expect(stops({ kind: 'maxFullEvals', evals: 5 })).toBe(false));
  it('maxIterations: stops at the count', () => expect(stops(YES)).toBe(true));
  it('maxIterations: runs below the count', () => expect(stops(NO)).toBe(false));
  it('timeout: stops once elapsed reaches the limit', () =>
    expect(stops({ kind: 'timeout', ms: 1000 }, ctx({}, 1000))).toBe(true));
  it('timeout: runs before the limit', () => expect(stops({ kind: 'timeout', ms: 1000 }, ctx({}, 999))).toBe(false));
  it('timeout: names the limit in seconds below a minute', () =>
    expect(checkStop({ kind: 'timeout', ms: 15_000 }, ctx({}, 15_012.4))).toBe('time limit of 15 s reached'));
  it('timeout: names the limit in minutes from a minute', () => {
    expect(checkStop({ kind: 'timeout', ms: 60_000 }, ctx({}, 60_001))).toBe('time limit of 1 min reached');
    expect(checkStop({ kind: 'timeout', ms: 150_000 }, ctx({}, 150_000))).toBe('time limit of 2.5 min reached');
    expect(checkStop({ kind: 'timeout', ms: 10 }, ctx({}, 12))).toBe('time limit of 0.01 s reached');
  });
  it('noImprovement: stops after n iterations without improvement', () =>
    expect(stops({ kind: 'noImprovement', iterations: 3 })).toBe(true));
  it('noImprovement: runs while improvement is recent', () =>
    expect(stops({ kind: 'noImprovement', iterations: 4 })).toBe(false));
  it('noImprovement: counts from the last improvement', () =>
    expect(stops({ kind: 'noImprovement', iterations: 3 }, ctx({ lastImprovementIteration: 9 }))).toBe(false));
  it('scoreThreshold: stops when the best reaches it', () =>
    expect(stops({ kind: 'scoreThreshold', threshold: 0.8 })).toBe(true));
  it('scoreThreshold: names the target and the best score', () =>
    expect(checkStop({ kind: 'scoreThreshold', threshold: 0.75 }, ctx({ valAggregate: [0.2, 0.833333] }))).toBe(
      'target score 0.75 reached (best val score 0.8333)',
    ));
  it('scoreThreshold: runs below it', () => expect(stops({ kind: 'scoreThreshold', threshold: 0.81 })).toBe(false));
  it('scoreThreshold: reads the best candidate, not the last', () =>
    expect(stops({ kind: 'scoreThreshold', threshold: 0.6 }, ctx({ bestIdx: 1 }))).toBe(true));
  it('scoreThreshold: runs with no candidates scored yet', () =>
    expect(stops({ kind: 'scoreThreshold', threshold: -1e9 }, ctx({ valAggregate: [], bestIdx: 0 }))).toBe(false));
  it('maxCandidates: stops at the count', () => expect(stops({ kind: 'maxCandidates', count: 3 })).toBe(true));
  it('maxCandidates: runs below the count', () => expect(stops({ kind: 'maxCandidates', count: 4 })).toBe(false));
  it('maxCandidates: names the limit', () =>
    expect(checkStop({ kind: 'maxCandidates', count: 2 }, ctx())).toBe('candidate limit of 2 reached'));
  it('maxProposals: stops at the count of proposals made', () =>
    expect(checkStop({ kind: 'maxProposals', count: 6 }, ctx({ proposalCount: 6 }))).toBe(
      'proposal limit of 6 reached',
    ));
  it('maxProposals: runs below the count', () =>
    expect(stops({ kind: 'maxProposals', count: 7 }, ctx({ proposalCount: 6 }))).toBe(false));
  it('any: stops when one holds', () => expect(stops({ kind: 'any', conditions: [NO, YES] })).toBe(true));
  it('any: runs when none holds', () => expect(stops({ kind: 'any', conditions: [NO, NO] })).toBe(false));
  it('any: gives the first reason', () =>
    expect(checkStop({ kind: 'any', conditions: [NO, { kind: 'maxCandidates', count: 1 }, YES] }, ctx())).toBe(
      'candidate limit of 1 reached',
    ));
  it('any: runs when empty', () => expect(stops({ kind: 'any', conditions: [] })).toBe(false));
  it('all: stops when every one holds', () =>
    expect(stops({ kind: 'all', conditions: [YES, { kind: 'maxFullEvals', evals: 1 }] })).toBe(true));
  it('all: runs when one fails', () => expect(stops({ kind: 'all', conditions: [YES, NO] })).toBe(false));
  it('all: runs when empty', () => expect(stops({ kind: 'all', conditions: [] })).toBe(false));
  it('all: joins the reasons', () =>
    expect(checkStop({ kind: 'all', conditions: [YES, { kind: 'maxCandidates', count: 2 }] }, ctx())).toBe(
      'iterations 10 reached 10 and candidate limit of 2 reached',
    ));
  it('nests any inside all', () =>
    expect(stops({ kind: 'all', conditions: [YES, { kind: 'any', conditions: [NO, YES] }] })).toBe(true));
  it('custom: stops when shouldStop is true', () =>
    expect(stops({ kind: 'custom', shouldStop: () => true })).toBe(true));
  it('custom: runs when shouldStop is false', () =>
    expect(stops({ kind: 'custom', shouldStop: () => false })).toBe(false));
  it('custom: receives the context', () =>
    expect(
      stops({ kind: 'custom', shouldStop: (c) => c.state.iteration === 10 && c.elapsedMs === 5 }, ctx({}, 5)),
    ).toBe(true));
  it('custom: names itself in the reason', () =>
    expect(checkStop({ kind: 'custom', name: 'file', shouldStop: () => true }, ctx())).toBe(
      'custom stop condition "file"',
    ));
  it('custom: has a reason without a name', () =>
    expect(checkStop({ kind: 'custom', shouldStop: () => true }, ctx())).toBe('custom stop condition'));
});

describe('hardMetricCallCaps', () => {
  it('takes a top-level cap', () => expect(hardMetricCallCaps({ kind: 'maxMetricCalls', calls: 50 })).toEqual([50]));
  it('takes caps inside any', () =>
    expect(
      hardMetricCallCaps({
        kind: 'any',
        conditions: [{ kind: 'maxMetricCalls', calls: 50 }, YES, { kind: 'maxMetricCalls', calls: 20 }],
      }),
    ).toEqual([50, 20]));
  it('takes caps inside nested any', () =>
    expect(
      hardMetricCallCaps({
        kind: 'any',
        conditions: [{ kind: 'any', conditions: [{ kind: 'maxMetricCalls', calls: 7 }] }],
      }),
    ).toEqual([7]));
  it('ignores caps inside all (conditional)', () =>
    expect(hardMetricCallCaps({ kind: 'all', conditions: [{ kind: 'maxMetricCalls', calls: 50 }, YES] })).toEqual([]));
  it('ignores caps inside all inside any', () =>
    expect(
      hardMetricCallCaps({
        kind: 'any',
        conditions: [{ kind: 'all', conditions: [{ kind: 'maxMetricCalls', calls: 5 }, NO] }],
      }),
    ).toEqual([]));
  it('ignores other kinds', () => expect(hardMetricCallCaps({ kind: 'maxFullEvals', evals: 3 })).toEqual([]));
});

describe('usesClock', () => {
  it('is true for a timeout', () => expect(usesClock({ kind: 'timeout', ms: 1 })).toBe(true));
  it('is true for a timeout inside any', () =>
    expect(usesClock({ kind: 'any', conditions: [NO, { kind: 'timeout', ms: 1 }] })).toBe(true));
  it('is true for a timeout nested in all/any', () =>
    expect(usesClock({ kind: 'all', conditions: [{ kind: 'any', conditions: [{ kind: 'timeout', ms: 1 }] }] })).toBe(
      true,
    ));
  it('is false without a timeout', () =>
    expect(usesClock({ kind: 'any', conditions: [YES, { kind: 'maxMetricCalls', calls: 1 }] })).toBe(false));
  it('is false for custom', () => expect(usesClock({ kind: 'custom', shouldStop: () => false })).toBe(false));
});
