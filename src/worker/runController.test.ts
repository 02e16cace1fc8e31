// Drives the run controller directly (no Comlink, no Worker) with the offline demo model on a demo task.
import { describe, expect, it } from 'vitest';
import { RunController } from './runController.ts';
import type { RunEvent } from '../run/runEvent.ts';
import type { StartRequest } from './protocol.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import { demoRunConfig } from '../run/demoRunConfig.ts';
import { AUTO_RUN_SETTINGS, autoBudget } from '../engine/index.ts';
import type { RunConfig } from '../run/runConfig.ts';
import { StorageQuotaError } from '../storage/types.ts';

function config(patch: Partial<RunConfig> = {}): RunConfig {
  return demoRunConfig(sentimentTask, { name: 'sentiment', budget: { maxMetricCalls: 200 }, ...patch });
}

const request = (c: RunConfig, secrets: StartRequest['secrets'] = {}): StartRequest => ({
  runId: 'r1',
  config: c,
  secrets,
});

/** Runs to the end; `onEvent` may steer the controller (pause, resume, stop) as events arrive. */
async function run(
  c: RunConfig,
  onEvent: (e: RunEvent, ctl: RunController) => void = () => {},
  secrets: StartRequest['secrets'] = {},
): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  const ctl: RunController = new RunController((e) => {
    events.push(e);
    onEvent(e, ctl);
  });
  await ctl.start(request(c, secrets));
  expect(ctl.active).toBe(false);
  return events;
}

const of = <T extends RunEvent['type']>(events: RunEvent[], type: T) =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
const statuses = (events: RunEvent[]) => of(events, 'status').map((e) => e.status);

describe('run controller', () => {
  it(
    'reports a whole demo run: examples once, candidates from idx 0, accepted and other proposals, ' +
      'budget within its cap, a result',
    async () => {
      const events = await run(config());
      expect(statuses(events)).toEqual(['starting', 'running', 'finished']);
      expect(events[0]).toEqual({ type: 'status', status: 'starting' });

      const examples = of(events, 'examples');
      expect(examples).toHaveLength(1);
      const valSize = examples[0]!.val.length;
      expect(examples[0]!.train + valSize).toBe(sentimentTask.rows.length);

      const candidates = of(events, 'candidate');
      expect(candidates.map((c) => c.row.candidateIdx)).toEqual(candidates.map((_c, i) => i));
      expect(candidates[0]!.row.origin).toBe('seed');
      for (const c of candidates) {
        expect(c.valScores).toHaveLength(valSize);
        expect(c.outputs).toHaveLength(valSize);
        expect(c.outputs.every((o) => typeof o === 'string')).toBe(true);
      }

      const proposals = of(events, 'proposal').map((e) => e.row);
      expect(proposals.some((p) => p.status === 'accepted')).toBe(true);
      // with the defaults' minibatches of one, the others are mostly skipped (the parent passed its example)
      expect(proposals.some((p) => p.status !== 'accepted')).toBe(true);
      expect(proposals.map((p) => p.proposalId)).toEqual(proposals.map((_p, i) => i));

      const budgets = of(events, 'budget');
      expect(budgets.length).toBeGreaterThan(0);
      for (const b of budgets) {
        expect(b.cap).toBe(200);
        expect(b.used).toBeLessThanOrEqual(200);
      }
      expect(of(events, 'front').length).toBe(candidates.length);
      const scores = of(events, 'score').map((e) => e.point);
      expect(scores.length).toBe(candidates.length + proposals.length);
      expect(scores.map((p) => p.bestScore)).toEqual([...scores.map((p) => p.bestScore)].sort((a, b) => a - b));

      const result = of(events, 'result')[0]!.result;
      expect(result.candidates).toHaveLength(candidates.length);
      expect(result.total_metric_calls).toBe(budgets.at(-1)!.used);
      const summary = of(events, 'summary')[0]!.summary;
      expect(summary.bestCandidateIdx).toBe(result.best_idx);
      expect(summary.stopReason).toMatch(/budget/);
      const usage = of(events, 'usage').at(-1)!.usage;
      expect(usage.byRole.task?.calls).toBeGreaterThan(0);
      expect(usage.byRole.reflection?.calls).toBeGreaterThan(0);
      expect(events.at(-1)).toMatchObject({ type: 'status', status: 'finished' });
    },
  );

  it('pause, then resume, ends with the same result as an uninterrupted run, and reports nothing twice', async () => {
    const straight = await run(config());
    let paused = 0;
    const events = await run(config(), (e, ctl) => {
      if (e.type === 'proposal' && e.row.proposalId === 2) ctl.pause();
      if (e.type === 'status' && e.status === 'paused') {
        paused++;
        setTimeout(() => ctl.resume(), 5);
      }
    });
    expect(paused).toBe(1);
    expect(statuses(events)).toEqual(['starting', 'running', 'pausing', 'paused', 'running', 'finished']);
    expect(of(events, 'result')[0]!.result).toEqual(of(straight, 'result')[0]!.result);
    expect(of(events, 'summary')[0]!.summary).toEqual(of(straight, 'summary')[0]!.summary);
    const ids = of(events, 'proposal').map((e) => e.row.proposalId);
    expect(ids).toEqual(of(straight, 'proposal').map((e) => e.row.proposalId));
    expect(of(events, 'candidate').map((e) => e.row)).toEqual(of(straight, 'candidate').map((e) => e.row));
    expect(of(events, 'examples')).toHaveLength(1);
    expect(of(events, 'log').map((l) => l.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Paused after iteration \d+/),
        expect.stringMatching(/^Resumed at iteration/),
      ]),
    );
  });

  it('resume during pausing cancels the pause', async () => {
    const events = await run(config({ budget: { maxMetricCalls: 80 } }), (e, ctl) => {
      if (e.type === 'proposal' && e.row.proposalId === 0) {
        ctl.pause();
        ctl.resume();
      }
    });
    expect(statuses(events)).toEqual(['starting', 'running', 'pausing', 'running', 'finished']);
  });

  it('stop ends the run with status stopped and the result found so far', async () => {
    const events = await run(config({ budget: { maxMetricCalls: 2000 } }), (e, ctl) => {
      if (e.type === 'proposal' && e.row.proposalId === 1) ctl.stop();
    });
    expect(statuses(events)).toEqual(['starting', 'running', 'stopping', 'stopped']);
    const result = of(events, 'result')[0]!.result;
    expect(result.candidates.length).toBeGreaterThanOrEqual(1);
    expect(of(events, 'summary')[0]!.summary.stopReason).toBe('stopped by the user');
  });

  it('stop while paused ends the run as stopped', async () => {
    const events = await run(config(), (e, ctl) => {
      if (e.type === 'proposal' && e.row.proposalId === 0) ctl.pause();
      if (e.type === 'status' && e.status === 'paused') setTimeout(() => ctl.stop(), 0);
    });
    expect(statuses(events)).toEqual(['starting', 'running', 'pausing', 'paused', 'stopped']);
    expect(of(events, 'result')).toHaveLength(1);
  });

  it('an auto budget is reported with its resolved cap from the first event on', async () => {
    const events = await run(config({ budget: { auto: 'light' } }), (e, ctl) => {
      if (e.type === 'proposal') ctl.stop();
    });
    const val = of(events, 'examples')[0]!.val.length;
    const cap = autoBudget(sentimentTask.program.steps.length, AUTO_RUN_SETTINGS.light.n, val);
    expect(of(events, 'budget')[0]).toEqual({ type: 'budget', used: 0, cap, iteration: 0 });
    expect(of(events, 'budget').every((b) => b.cap === cap)).toBe(true);
  });

  it('a configuration error ends in status error naming the field', async () => {
    const bad = config({ dataset: { ...config().dataset, mapping: { inputs: ['nope'], answer: 'label' } } });
    const events = await run(bad);
    expect(statuses(events)).toEqual(['starting', 'error']);
    expect(of(events, 'status').at(-1)!.message).toMatch(/nope/);
  });

  it("a row missing its mapped field ends in status error naming the file's own line", async () => {
    const base = config();
    const rows = base.dataset.rows!.map((r, i) => (i === 3 ? { ...r, label: null } : r));
    // the rows came from a CSV whose header is line 1: row 4 is on line 5
    const lines = rows.map((_r, i) => i + 2);
    const events = await run(config({ dataset: { ...base.dataset, rows, lines } }));
    expect(statuses(events)).toEqual(['starting', 'error']);
    expect(of(events, 'status').at(-1)!.message).toMatch(/, line 5, field "label": the row has no value/);
  });

  it('an unreachable endpoint ends in status error naming the endpoint, and the API key appears nowhere', async () => {
    const secret = 'sk-test-SECRET-4242';
    const endpoint = {
      provider: 'custom' as const,
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'm',
      maxRetries: 0,
      timeoutMs: 2000,
    };
    const events = await run(config({ taskLm: endpoint }), () => {}, { taskApiKey: secret });
    expect(statuses(events)).toEqual(['starting', 'running', 'error']);
    expect(of(events, 'status').at(-1)!.message).toMatch(
      /^Scoring the seed prompt failed, so the run could not start: .*http:\/\/127\.0\.0\.1:9\/v1/,
    );
    expect(of(events, 'log').map((l) => l.message)).toEqual([
      expect.stringMatching(/^Scoring the seed prompt failed: .* — the run stops$/),
    ]);
    expect(JSON.stringify(events)).not.toContain(secret);
  });
});

describe('storage pauses', () => {
  it('a full disk pauses the run again after the user cancelled an earlier storage pause', async () => {
    const events: RunEvent[] = [];
    let checkpoints = 0;
    let resumedOnce = false;
    const ctl: RunController = new RunController(
      (e) => {
        events.push(e);
        // the first storage pause is cancelled by an immediate resume; the next one must still happen
        if (e.type === 'status' && e.status === 'pausing' && !resumedOnce) {
          resumedOnce = true;
          queueMicrotask(() => ctl.resume());
        }
        if (e.type === 'status' && e.status === 'paused') queueMicrotask(() => ctl.stop());
      },
      {
        persistence: {
          checkpoint: async () => {
            if (++checkpoints >= 2) throw new StorageQuotaError('the disk is full');
          },
        },
      },
    );
    await ctl.start(request(config({ budget: { maxMetricCalls: 200 } })));
    const s = statuses(events);
    expect(s.filter((x) => x === 'pausing').length).toBeGreaterThanOrEqual(2);
    expect(s).toContain('paused');
    expect(s.at(-1)).toBe('stopped');
  });
});
