import { describe, expect, it } from 'vitest';
import { checkStop } from '../engine/index.ts';
import type { GepaState, StopCondition } from '../engine/index.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import { buildRun } from './buildRun.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import { inlineRows } from './runDataset.ts';
import { RunDriver } from './runDriver.ts';
import type { RunHost } from './runDriver.ts';
import type { RunConfig } from './runConfig.ts';
import { RunConfigError, validateRunConfig } from './runConfig.ts';
import type { RunEvent } from './runEvent.ts';
import { describeStopLimits, stopConditionFor, stopOptions, validateStopConfig } from './stopConfig.ts';

const fail = (field: string, message: string) => new RunConfigError(field, message);
const validate = (raw: unknown) => validateStopConfig(raw, fail);

/** A config as JSON gives it (no defaults filled in), with `stop` in its options. */
function rawConfig(stop?: unknown): Record<string, unknown> {
  const c = JSON.parse(JSON.stringify(demoRunConfig(sentimentTask))) as Record<string, unknown>;
  if (stop !== undefined) (c.options as Record<string, unknown>).stop = stop;
  return c;
}

// Only the fields the conditions read.
function state(over: Partial<GepaState> = {}): GepaState {
  return {
    iteration: 10,
    lastImprovementIteration: 9,
    valAggregate: [0.5],
    bestIdx: 0,
    candidates: [{}],
    proposalCount: 0,
    ...over,
  } as unknown as GepaState;
}
const reason = (c: StopCondition | null, s: GepaState, elapsedMs = 0) => c && checkStop(c, { state: s, elapsedMs });

describe('options.stop: validation', () => {
  it('an old config without it loads as before, with no stop key', () => {
    const { options } = validateRunConfig(rawConfig());
    expect('stop' in options).toBe(false);
    expect(JSON.stringify(validateRunConfig(rawConfig()))).toBe(JSON.stringify(validateRunConfig(rawConfig())));
  });

  it('keeps the limits it sets, combine only when all', () => {
    expect(validateRunConfig(rawConfig({ timeLimitMinutes: 0.25, targetScore: 0.9 })).options.stop).toEqual({
      timeLimitMinutes: 0.25,
      targetScore: 0.9,
    });
    expect(validate({ combine: 'all', maxCandidates: 5, maxProposals: 10, noImprovementIterations: 3 })).toEqual({
      combine: 'all',
      maxCandidates: 5,
      maxProposals: 10,
      noImprovementIterations: 3,
    });
    expect(validate({ combine: 'any', maxProposals: 4 })).toEqual({ maxProposals: 4 });
  });

  it('no limit set is no stop at all', () => {
    expect(validate({})).toBeUndefined();
    expect(validate({ combine: 'all' })).toBeUndefined();
    expect(validate(null)).toBeUndefined();
    expect('stop' in validateRunConfig(rawConfig({ combine: 'any' })).options).toBe(false);
  });

  it.each([
    [[1], 'options.stop', /must be an object/],
    [{ combine: 'either', maxProposals: 2 }, 'options.stop.combine', /'any' or 'all'/],
    [{ timeLimit: 5 }, 'options.stop.timeLimit', /unknown stop condition/],
    [{ timeLimitMinutes: 0 }, 'options.stop.timeLimitMinutes', /positive number/],
    [{ timeLimitMinutes: '5' }, 'options.stop.timeLimitMinutes', /positive number/],
    [{ noImprovementIterations: 2.5 }, 'options.stop.noImprovementIterations', /positive integer/],
    [{ targetScore: 'high' }, 'options.stop.targetScore', /must be a number/],
    [{ maxCandidates: 1 }, 'options.stop.maxCandidates', /at least 2/],
    [{ maxProposals: -3 }, 'options.stop.maxProposals', /positive integer/],
  ])('rejects %j naming %s', (stop, field, message) => {
    const run = () => validateRunConfig(rawConfig(stop));
    expect(run).toThrow(RunConfigError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (err) {
      expect((err as RunConfigError).field).toBe(field);
    }
  });
});

describe('options.stop: the engine condition', () => {
  it('is null without limits', () => {
    expect(stopConditionFor(undefined)).toBeNull();
    expect(stopConditionFor({ combine: 'all' })).toBeNull();
    expect(stopOptions(undefined)).toEqual({});
  });

  it('turns each limit into its engine condition, any by default', () => {
    expect(
      stopConditionFor({
        timeLimitMinutes: 0.5,
        noImprovementIterations: 4,
        targetScore: 0.8,
        maxCandidates: 6,
        maxProposals: 12,
      }),
    ).toEqual({
      kind: 'any',
      conditions: [
        { kind: 'timeout', ms: 30_000 },
        { kind: 'noImprovement', iterations: 4 },
        { kind: 'scoreThreshold', threshold: 0.8 },
        { kind: 'maxCandidates', count: 6 },
        { kind: 'maxProposals', count: 12 },
      ],
    });
  });

  it('any: the first limit reached ends the run, and says which', () => {
    const c = stopConditionFor({ timeLimitMinutes: 1, maxProposals: 5 });
    expect(reason(c, state({ proposalCount: 4 }), 59_999)).toBeNull();
    expect(reason(c, state({ proposalCount: 4 }), 60_000)).toBe('time limit of 1 min reached');
    expect(reason(c, state({ proposalCount: 5 }), 10)).toBe('proposal limit of 5 reached');
  });

  it('all: only once every limit is reached', () => {
    const c = stopConditionFor({ combine: 'all', targetScore: 0.9, noImprovementIterations: 3 });
    expect(c?.kind).toBe('all');
    expect(reason(c, state({ valAggregate: [0.95] }))).toBeNull();
    expect(reason(c, state({ lastImprovementIteration: 5 }))).toBeNull();
    expect(reason(c, state({ valAggregate: [0.95], lastImprovementIteration: 5 }))).toBe(
      'no improvement for 3 iterations and target score 0.9 reached (best val score 0.95)',
    );
  });

  it('a time limit brings a clock; other limits do not', () => {
    const clock = () => 42;
    expect(stopOptions({ timeLimitMinutes: 2 }, clock)).toEqual({
      stopConditions: [{ kind: 'any', conditions: [{ kind: 'timeout', ms: 120_000 }] }],
      clock,
    });
    expect(stopOptions({ maxCandidates: 3 }, clock)).toEqual({
      stopConditions: [{ kind: 'any', conditions: [{ kind: 'maxCandidates', count: 3 }] }],
    });
  });

  it('buildRun passes them to the engine; an old config passes none and no clock', () => {
    const rows = inlineRows(sentimentTask.rows);
    const old = buildRun(validateRunConfig(rawConfig()), { rows });
    const limited = buildRun(validateRunConfig(rawConfig({ timeLimitMinutes: 1 })), { rows });
    try {
      expect(old.options.stopConditions).toBeUndefined();
      expect(old.options.clock).toBeUndefined();
      expect(limited.options.stopConditions).toEqual([{ kind: 'any', conditions: [{ kind: 'timeout', ms: 60_000 }] }]);
      expect(typeof limited.options.clock).toBe('function');
    } finally {
      old.dispose();
      limited.dispose();
    }
  });

  it('describes the limits in words', () => {
    expect(describeStopLimits({ timeLimitMinutes: 0.25, noImprovementIterations: 1, maxProposals: 8 })).toEqual([
      'a time limit of 0.25 minutes',
      '1 iteration in a row without a better best score',
      '8 proposals made',
    ]);
    expect(describeStopLimits(undefined)).toEqual([]);
  });
});

describe('options.stop: a run', () => {
  async function drive(c: RunConfig, host: Partial<RunHost> = {}) {
    const events: RunEvent[] = [];
    const driver = new RunDriver({ emit: (e) => events.push(e), stopped: () => null, ...host });
    const outcome = await driver.run({ config: c, build: () => buildRun(c, { rows: inlineRows(c.dataset.rows!) }) });
    return { events, outcome };
  }
  const config = (stop: RunConfig['options']['stop']) =>
    validateRunConfig(demoRunConfig(sentimentTask, { budget: { maxMetricCalls: 2000 }, options: { stop } }));

  it('ends on the limit, finished, and its final status says "Stopped: …"', async () => {
    const { events, outcome } = await drive(config({ maxProposals: 2 }));
    expect(outcome.status).toBe('finished');
    expect(outcome.message).toBe('Stopped: proposal limit of 2 reached');
    expect(outcome.result?.stopReason).toBe('proposal limit of 2 reached');
    expect(events.at(-1)).toEqual({ type: 'status', status: 'finished', message: outcome.message });
    const summary = events.find((e) => e.type === 'summary');
    expect(summary).toMatchObject({ summary: { stopReason: 'proposal limit of 2 reached' } });
  });

  it('a run that spends its budget first ends as before, without "Stopped:"', async () => {
    const c = validateRunConfig(
      demoRunConfig(sentimentTask, { budget: { maxMetricCalls: 60 }, options: { stop: { maxProposals: 500 } } }),
    );
    const { outcome } = await drive(c);
    expect(outcome.status).toBe('finished');
    expect(outcome.message).toMatch(/^budget/);
  });

  it("the host's own condition (the CLI's stop file) still ends the run under combine 'all'", async () => {
    let stopFile = false;
    const { outcome } = await drive(config({ combine: 'all', maxProposals: 1, targetScore: 2 }), {
      stopConditions: [
        { kind: 'custom', name: 'stop file', shouldStop: ({ state }) => (stopFile = state.iteration >= 2) },
      ],
      stopped: () => (stopFile ? { reason: 'stop file', message: () => 'stopped: the stop file was found' } : null),
    });
    expect(outcome).toMatchObject({ status: 'stopped', message: 'stopped: the stop file was found', iteration: 2 });
  });
});
