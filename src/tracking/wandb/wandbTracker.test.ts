// The W&B tracker over a fake SDK host: what it gives the SDK (one row a step, complete, in step order, even
// when the stream interleaves two steps; the summary on the last row), what it says it cannot log, and how it
// accounts for what the server accepted (attach mode: no new id, no end; undelivered items enough to resend).
import { describe, expect, it } from 'vitest';
import { WandbTracker } from './wandbTracker.ts';
import type { WandbInit, WandbSdkHost, WandbSessionEvents, WandbValue } from './wandbTracker.ts';

interface FakeHost extends WandbSdkHost {
  opened: { init: WandbInit; attached: boolean }[];
  logged: { step: number; row: Record<string, WandbValue> }[];
  finished: number[];
  events: WandbSessionEvents | null;
}

/** A host whose server accepts everything at finish (or nothing, when `accept` is false). */
function fakeHost(accept = true): FakeHost {
  const host: FakeHost = {
    sdk: '@wandb/sdk 0.5.1',
    target: 'http://wandb.test',
    opened: [],
    logged: [],
    finished: [],
    events: null,
    open(init, attached, events) {
      host.opened.push({ init, attached });
      host.events = events;
      return {
        log: (step, row) => host.logged.push({ step, row }),
        finish: async (exitCode) => {
          host.finished.push(exitCode);
          if (!accept) return events.problem('W&B could not be reached');
          events.runAccepted({ id: init.id, entity: 'me', project: init.project });
          events.rowsAccepted(host.logged.map((l) => l.step));
          events.summaryAccepted(host.logged.flatMap((l) => Object.keys(l.row)));
          if (!attached) events.endAccepted();
        },
      };
    },
  };
  return host;
}

describe('WandbTracker', () => {
  it('gives the SDK one complete row a step, in order, with the summary on the last row', async () => {
    const host = fakeHost();
    const problems: string[] = [];
    const t = new WandbTracker({
      target: { project: 'p', name: 'n', config: { user: 1 } },
      host,
      newRunId: () => 'abc12345',
      onProblem: (m) => problems.push(m),
    });
    t.start({ params: { 'budget.maxMetricCalls': '10' } });
    t.metrics(1, { calls: 4 });
    t.metrics(0, { score: 0.1, calls: 2 });
    t.metrics(1, { calls: 6, score: 0.2 });
    t.metrics(2, { score: Number.NaN, calls: 8 });
    t.summary({ best: 0.2, 'best/x': 'text' });
    const report = await t.finish('FINISHED');
    expect(host.opened).toEqual([
      {
        init: { project: 'p', name: 'n', id: 'abc12345', config: { 'budget.maxMetricCalls': '10', user: 1 } },
        attached: false,
      },
    ]);
    expect(host.logged).toEqual([
      { step: 0, row: { score: 0.1, calls: 2 } },
      { step: 1, row: { calls: 6, score: 0.2 } },
      { step: 2, row: { calls: 8, best: 0.2, 'best/x': 'text' } },
    ]);
    expect(host.finished).toEqual([0]);
    expect(report.backends[0]).toMatchObject({ backend: 'wandb', runId: 'abc12345', undelivered: [], delivered: 5 });
    expect(problems).toEqual([]);
  });

  it('says once what the SDK cannot log, and names it in the report', async () => {
    const host = fakeHost();
    const problems: string[] = [];
    const t = new WandbTracker({
      target: { project: 'p', tags: ['a'], notes: 'n' },
      host,
      onProblem: (m) => problems.push(m),
    });
    t.start({ params: {} });
    t.table('candidates', ['a'], [[1]]);
    t.table('candidates', ['a'], [[2]]);
    t.html('candidate_tree', () => '<p>');
    const report = await t.finish('KILLED');
    expect(host.finished).toEqual([255]);
    expect(report.backends[0]?.notLogged).toEqual(['table candidates', 'HTML candidate_tree']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/tags and notes not sent/);
    expect(problems[1]).toMatch(/no tables, HTML or file uploads/);
  });

  it('attaches to the named run: that id, no config or name, no end of run', async () => {
    const host = fakeHost();
    const problems: string[] = [];
    const t = new WandbTracker({
      target: { project: 'p', runId: 'theirs01', name: 'n', config: { c: 1 } },
      host,
      onProblem: (m) => problems.push(m),
    });
    t.start({ params: { a: '1' } });
    t.metrics(3, { x: 1 });
    const report = await t.finish('FAILED');
    // the SDK would replace the run's config: none is sent, and that is said
    expect(host.opened).toEqual([{ init: { project: 'p', id: 'theirs01' }, attached: true }]);
    expect(problems).toEqual([expect.stringMatching(/the params, config and name are not sent/)]);
    expect(report.backends[0]).toMatchObject({ runId: 'theirs01', undelivered: [] });
  });

  it('reports what the server never accepted, and a step the SDK has passed, as items to resend', async () => {
    const host = fakeHost(false);
    const t = new WandbTracker({ target: { project: 'p' }, host, newRunId: () => 'r1' });
    t.start({ params: { a: '1' } });
    t.metrics(0, { x: 1 });
    t.metrics(1, { x: 2 });
    t.metrics(0, { y: 3 });
    t.summary({ best: 2 });
    const b = (await t.finish('FINISHED')).backends[0];
    expect(b?.undelivered.map((u) => u.item)).toEqual([
      { kind: 'init', init: { project: 'p', id: 'r1', config: { a: '1' } } },
      { kind: 'history', step: 0, row: { x: 1 } },
      { kind: 'history', step: 1, row: { x: 2, best: 2 } },
      { kind: 'history', step: 0, row: { y: 3 } },
      { kind: 'summary', values: { best: 2 } },
      { kind: 'finish', exitCode: 0 },
    ]);
    expect(b?.undelivered[0]?.error).toBe('W&B could not be reached');
    expect(b?.undelivered[3]?.error).toBe('a step W&B had passed');
  });
});
