// The run driver with scripted hosts, on a demo task with the offline demo model (no worker, no CLI).
import { describe, expect, it } from 'vitest';
import type { GepaState, StopCondition } from '../engine/index.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import { buildRun } from './buildRun.ts';
import { inlineRows } from './runDataset.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import type { RunConfig } from './runConfig.ts';
import { RunDriver } from './runDriver.ts';
import type { HostStop, ResumePoint, RunHost, RunOutcome } from './runDriver.ts';
import type { RunEvent, UsageSnapshot } from './runEvent.ts';

const config = (maxMetricCalls = 120): RunConfig =>
  demoRunConfig(sentimentTask, { name: 'driver', budget: { maxMetricCalls } });

const build = (c: RunConfig) => () => buildRun(c, { rows: inlineRows(c.dataset.rows ?? []) });

/** Runs with a host made of `patch` and an event list; `stopped` defaults to "the host never stops it". */
async function drive(
  patch: Partial<RunHost> = {},
  options: { config?: RunConfig; resume?: ResumePoint; secrets?: Record<string, string> } = {},
): Promise<{ events: RunEvent[]; outcome: RunOutcome }> {
  const events: RunEvent[] = [];
  const c = options.config ?? config();
  const host: RunHost = { emit: (e) => events.push(e), stopped: () => null, ...patch };
  const driver = new RunDriver(host, options.secrets);
  const outcome = await driver.run({
    config: c,
    build: build(c),
    ...(options.resume ? { resume: options.resume } : {}),
  });
  return { events, outcome };
}

const of = <T extends RunEvent['type']>(events: RunEvent[], type: T) =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
const types = (events: RunEvent[]) => events.map((e) => e.type);

/** A stop condition that ends the engine after `iteration`. */
const afterIteration = (iteration: number, seen: { at?: number } = {}): StopCondition => ({
  kind: 'custom',
  name: 'test stop',
  shouldStop: ({ state }) => {
    if (state.iteration < iteration) return false;
    seen.at = state.iteration;
    return true;
  },
});

describe('run driver', () => {
  it('opens: starting, examples, budget, running; closes: the log, summary, result, usage, status', async () => {
    const { events, outcome } = await drive();
    expect(types(events).slice(0, 4)).toEqual(['status', 'examples', 'budget', 'status']);
    expect(events[0]).toEqual({ type: 'status', status: 'starting' });
    expect(events[2]).toEqual({ type: 'budget', used: 0, cap: 120, iteration: 0 });
    expect(events[3]).toEqual({ type: 'status', status: 'running' });
    expect(types(events).slice(-5)).toEqual(['log', 'summary', 'result', 'usage', 'status']);
    expect(events.at(-5)).toMatchObject({ type: 'log', level: 'info', message: expect.stringMatching(/^Run ended: /) });
    expect(events.at(-1)).toEqual({ type: 'status', status: 'finished', message: outcome.message });

    expect(outcome.status).toBe('finished');
    expect(outcome.result?.totalMetricCalls).toBeLessThanOrEqual(120);
    expect(of(events, 'result')[0]?.result).toEqual(outcome.result?.toDict());
    expect(outcome.usage).toEqual(of(events, 'usage').at(-1)?.usage);
    expect(outcome.usage?.byRole.task?.calls).toBeGreaterThan(0);
    expect(of(events, 'candidate').map((e) => e.row.candidateIdx)).toEqual(of(events, 'candidate').map((_e, i) => i));
  });

  it("a host's stop condition ends the run at a boundary, in the host's words", async () => {
    const seen: { at?: number } = {};
    const stop: HostStop = { reason: 'told to stop', message: (i) => `stopped by the test after iteration ${i}` };
    const { events, outcome } = await drive(
      { stopConditions: [afterIteration(2, seen)], stopped: () => (seen.at !== undefined ? stop : null) },
      { config: config(2000) },
    );
    expect(outcome).toMatchObject({
      status: 'stopped',
      iteration: 2,
      message: 'stopped by the test after iteration 2',
    });
    expect(of(events, 'summary')[0]?.summary.stopReason).toBe('told to stop');
    expect(of(events, 'log').at(-1)?.message).toBe('Run ended: told to stop');
    expect(events.at(-1)).toEqual({ type: 'status', status: 'stopped', message: outcome.message });
  });

  it('an abort before the seed prompt is scored ends stopped, with no result', async () => {
    const abort = new AbortController();
    abort.abort(new Error('test abort'));
    const stop: HostStop = { reason: 'aborted', message: (i) => (i === null ? 'no seed score' : 'later') };
    const { events, outcome } = await drive({ signal: abort.signal, stopped: () => stop });
    expect(outcome).toMatchObject({ status: 'stopped', message: 'no seed score', result: null });
    expect(of(events, 'result')).toEqual([]);
    expect(types(events).slice(-2)).toEqual(['usage', 'status']);
  });

  it('hands each checkpoint the state and usage so far; a throwing writer ends the run with its error', async () => {
    const saved: { iteration: number; calls: number }[] = [];
    const { outcome } = await drive({
      checkpoint: (state: GepaState, _info, usage: UsageSnapshot) => {
        saved.push({ iteration: state.iteration, calls: usage.total.calls });
      },
    });
    expect(saved.map((s) => s.iteration)).toEqual(saved.map((_s, i) => i));
    expect(saved.at(-1)?.iteration).toBe(outcome.iteration);
    expect(saved.every((s, i) => i === 0 || s.calls >= (saved[i - 1]?.calls ?? 0))).toBe(true);

    const disk = new Error('disk full');
    const failed = await drive({
      checkpoint: (state: GepaState) => {
        if (state.iteration === 1) throw disk;
      },
    });
    expect(failed.outcome).toMatchObject({ status: 'error', message: 'disk full', result: null });
    expect(failed.outcome.error).toBe(disk);
    expect(failed.events.at(-1)).toEqual({ type: 'status', status: 'error', message: 'disk full' });
  });

  it('a pause holds at a boundary; going on ends with the uninterrupted result, and says running again', async () => {
    const straight = await drive();
    const held: number[] = [];
    let wanted = false;
    const { events, outcome } = await drive({
      // a pause requested after iteration 2, once
      checkpoint: (state: GepaState) => void (wanted ||= state.iteration === 2 && held.length === 0),
      pause: {
        requested: () => wanted,
        hold: async (iteration) => {
          wanted = false;
          held.push(iteration);
          return true;
        },
      },
    });
    expect(held).toEqual([2]);
    expect(of(events, 'status').map((e) => e.status)).toEqual(['starting', 'running', 'running', 'finished']);
    expect(outcome.result?.toDict()).toEqual(straight.outcome.result?.toDict());
  });

  it('resumes from a checkpoint: budget goes on, earlier usage is added, result as a straight run', async () => {
    const straight = await drive();
    let state: GepaState | null = null;
    const seen: { at?: number } = {};
    const first = await drive({
      stopConditions: [afterIteration(3, seen)],
      checkpoint: (s: GepaState) => void (state = structuredClone(s)),
      stopped: () => (seen.at !== undefined ? { reason: 'break', message: () => 'break' } : null),
    });
    const from = state as GepaState | null;
    expect(from?.iteration).toBe(3);
    const lastScore = of(first.events, 'score').at(-1)?.point ?? null;
    const { events, outcome } = await drive({}, { resume: { state: from, usage: first.outcome.usage, lastScore } });
    expect(of(events, 'budget')[0]).toMatchObject({ used: from?.totalMetricCalls, iteration: 3 });
    expect(outcome.result?.toDict()).toEqual(straight.outcome.result?.toDict());
    expect(outcome.usage?.total.calls).toBeGreaterThan(first.outcome.usage?.total.calls ?? Infinity);
  });

  it('a run that cannot be built ends in error after starting, with the secret redacted', async () => {
    const c = config();
    const events: RunEvent[] = [];
    const driver = new RunDriver({ emit: (e) => events.push(e), stopped: () => null }, { taskApiKey: 'sk-SECRET-1' });
    const outcome = await driver.run({
      config: c,
      build: () => {
        throw new Error('endpoint refused key sk-SECRET-1');
      },
    });
    expect(outcome).toMatchObject({ status: 'error', message: 'endpoint refused key ***', usage: null });
    expect(events).toEqual([
      { type: 'status', status: 'starting' },
      { type: 'log', level: 'error', message: 'endpoint refused key ***' },
      { type: 'status', status: 'error', message: 'endpoint refused key ***' },
    ]);
    await expect(driver.run({ config: c, build: build(c) })).rejects.toThrow(/already run/);
  });
});
