// A run stored as it goes, in IndexedDB (fake-indexeddb): its record and log, a kill mid-iteration (the
// tab closes: nothing more is written) and a resume by a fresh repository, as after a reload; a full
// disk. Driven through runSession with the offline demo model, as the worker drives it.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRunRepository } from '../storage/index.ts';
import { StorageQuotaError } from '../storage/types.ts';
import type { RunRepository } from '../storage/types.ts';
import type { CacheStore } from '../lm/evaluationCache.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import { demoRunConfig } from '../run/demoRunConfig.ts';
import type { RunConfig } from '../run/runConfig.ts';
import { runSession } from './runSession.ts';
import type { SessionDeps } from './runSession.ts';
import type { RunController } from './runController.ts';
import type { RunEvent } from '../run/runEvent.ts';
import type { StartRequest } from './protocol.ts';
import { replayableEvents } from '../run/eventLog.ts';

const config: RunConfig = demoRunConfig(sentimentTask, {
  name: 'sentiment',
  valFraction: 0.3,
  budget: { maxMetricCalls: 160 },
  options: { concurrency: 4 },
});

let dbs = 0;
const freshDb = () => `gepa-session-test-${++dbs}`;
const request = (runId: string, patch: Partial<StartRequest> = {}): StartRequest => ({
  runId,
  config,
  secrets: {},
  demoLatencyMs: 1,
  ...patch,
});
const of = <T extends RunEvent['type']>(events: RunEvent[], type: T) =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
const statuses = (events: RunEvent[]) => of(events, 'status').map((e) => e.status);

/**
 * A repository whose writes can fail for lack of space, or stop for good (the tab closed), and that counts
 * cache writes.
 */
function instrumented(repo: RunRepository) {
  const ctl = { dead: false, full: false, cacheWrites: 0, cacheWritesAfterDeath: 0, onCacheWrite: (_n: number) => {} };
  const never = () => new Promise<never>(() => {});
  const guard =
    <A extends unknown[]>(write: (...args: A) => Promise<void>, quota = true) =>
    (...args: A): Promise<void> => {
      if (ctl.dead) return never();
      if (ctl.full && quota)
        return Promise.reject(new StorageQuotaError('Browser storage is full: saving test data was refused.'));
      return write(...args);
    };
  const cache = repo.cacheStore();
  const cacheStore: CacheStore = {
    get: (key) => (ctl.dead ? never() : cache.get(key)),
    set: (key, entry) => {
      if (ctl.dead) {
        ctl.cacheWritesAfterDeath++;
        return never();
      }
      ctl.cacheWrites++;
      ctl.onCacheWrite(ctl.cacheWrites);
      return cache.set(key, entry);
    },
  };
  const wrapped: RunRepository = {
    createRun: guard((r) => repo.createRun(r)),
    updateRun: guard((id, p) => repo.updateRun(id, p), false),
    getRun: (id) => repo.getRun(id),
    listRuns: () => repo.listRuns(),
    deleteRun: guard((id) => repo.deleteRun(id)),
    appendEvents: guard((id, e) => repo.appendEvents(id, e)),
    loadEvents: (id) => repo.loadEvents(id),
    writeCheckpoint: guard((id, s) => repo.writeCheckpoint(id, s)),
    loadCheckpoint: (id) => repo.loadCheckpoint(id),
    cacheStore: () => cacheStore,
  };
  return { repo: wrapped, ctl };
}

async function session(
  req: StartRequest,
  deps: Partial<SessionDeps> & { repository: RunRepository | null },
  steer?: (e: RunEvent, c: RunController) => void,
): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  let controller: RunController | null = null;
  await runSession(
    req,
    (batch) => {
      events.push(...batch);
      if (controller) for (const e of batch) steer?.(e, controller);
    },
    { batchIntervalMs: 0, ...deps, onController: (c) => (controller = c) },
  );
  return events;
}

const paidTaskCalls = (events: RunEvent[]) => {
  const task = of(events, 'usage').at(-1)?.usage.byRole.task;
  return (task?.calls ?? 0) - (task?.cachedCalls ?? 0);
};

describe('a stored run', () => {
  it('keeps its record, event log and checkpoint current, with no key anywhere', async () => {
    const repo = createRunRepository(freshDb());
    const secret = 'sk-session-SECRET-0042';
    const events = await session(request('run-a', { secrets: { taskApiKey: secret } }), { repository: repo });
    expect(statuses(events).at(-1)).toBe('finished');

    const record = await repo.getRun('run-a');
    const result = of(events, 'result')[0]!.result;
    expect(record).toMatchObject({ status: 'finished', name: 'sentiment' });
    expect(record!.summary).toMatchObject({
      candidates: result.candidates.length,
      metricCalls: result.total_metric_calls,
      cap: 160,
    });
    expect(record!.summary.bestScore).toBe(Math.max(...result.val_aggregate_scores));
    expect(record!.bytes).toBeGreaterThan(0);

    // the log is what the tab got, in order; its checkpoint markers end at the checkpoint stored
    const log = await repo.loadEvents('run-a');
    expect(log).toEqual(events);
    const state = await repo.loadCheckpoint('run-a');
    expect(of(log, 'checkpoint').at(-1)).toEqual({ type: 'checkpoint', iteration: state!.iteration });
    expect(JSON.stringify([record, log, state])).not.toContain(secret);
  });

  it(
    'killed mid-iteration and resumed by a fresh repository, ends as an uninterrupted run and pays no ' +
      'cached evaluation again',
    async () => {
      const straightDb = instrumented(createRunRepository(freshDb()));
      const straight = await session(request('run-s'), { repository: straightDb.repo });
      const straightResult = of(straight, 'result')[0]!.result;

      const name = freshDb();
      const first = instrumented(createRunRepository(name));
      let controller: RunController | null = null;
      // the tab closes after the 70th paid evaluation: the worker dies with calls in flight, nothing more is stored
      first.ctl.onCacheWrite = (n) => {
        if (n !== 70) return;
        first.ctl.dead = true;
        controller?.stop();
      };
      const seen: RunEvent[] = [];
      void runSession(request('run-k'), (b) => seen.push(...b), {
        repository: first.repo,
        batchIntervalMs: 0,
        onController: (c) => (controller = c),
      });
      await expect.poll(() => first.ctl.dead, { timeout: 20_000 }).toBe(true);
      await expect.poll(() => statuses(seen).at(-1)).toBe('stopped');
      const storedBefore = await createRunRepository(name).getRun('run-k');
      expect(storedBefore!.status).toBe('running');

      const second = instrumented(createRunRepository(name));
      const resumed = await session(request('run-k', { resume: true }), { repository: second.repo });
      // the tab first gets the stored events up to the checkpoint, then the resumed run's
      const marker = resumed.findIndex((e) => e.type === 'resumed');
      expect(statuses(resumed.slice(0, marker))).toEqual(['starting', 'running']);
      expect(statuses(resumed.slice(marker))).toEqual(['starting', 'running', 'finished']);
      expect(of(resumed, 'result')[0]!.result).toEqual(straightResult);

      // the tab's views: the replayed events, then the resumed run's, equal the uninterrupted run's
      const views = replayableEvents(resumed);
      expect(of(views, 'candidate').map((e) => e.row)).toEqual(of(straight, 'candidate').map((e) => e.row));
      expect(of(views, 'proposal').map((e) => e.row)).toEqual(of(straight, 'proposal').map((e) => e.row));
      expect(of(resumed, 'resumed')).toEqual([{ type: 'resumed', fromIteration: expect.any(Number) }]);

      // every evaluation was paid once: the straight run's paid calls, split between the two sessions
      expect(first.ctl.cacheWrites + second.ctl.cacheWrites).toBe(straightDb.ctl.cacheWrites);
      expect(first.ctl.cacheWritesAfterDeath).toBe(0);
      expect(second.ctl.cacheWrites).toBeLessThan(straightDb.ctl.cacheWrites - 60);
      expect(paidTaskCalls(straight)).toBe(straightDb.ctl.cacheWrites);

      const record = await second.repo.getRun('run-k');
      expect(record).toMatchObject({
        status: 'finished',
        summary: { candidates: straightResult.candidates.length, metricCalls: straightResult.total_metric_calls },
      });
      // what the first session paid is counted in the run's usage
      expect(of(resumed, 'usage').at(-1)!.usage.total.calls).toBeGreaterThan(
        of(straight, 'usage').at(-1)!.usage.byRole.reflection!.calls,
      );
    },
  );

  it('a full disk pauses the run with a clear message, saves the status and loses nothing', async () => {
    const straight = await session(request('run-s'), { repository: createRunRepository(freshDb()) });
    const { repo, ctl } = instrumented(createRunRepository(freshDb()));
    let checkpoints = 0;
    const base = repo.writeCheckpoint;
    repo.writeCheckpoint = (id, state) => {
      if (++checkpoints === 3) ctl.full = true;
      return base(id, state);
    };
    let pausedRecord: unknown;
    const events = await session(request('run-q'), { repository: repo }, (e, c) => {
      if (e.type !== 'status' || e.status !== 'paused') return;
      // the user frees space and resumes, once the paused status is stored
      void expect
        .poll(async () => (pausedRecord = await repo.getRun('run-q'))?.status)
        .toBe('paused')
        .catch(() => undefined)
        .finally(() => {
          ctl.full = false;
          c.resume();
        });
    });
    expect(statuses(events)).toEqual(['starting', 'running', 'pausing', 'paused', 'running', 'finished']);
    const paused = of(events, 'status').find((e) => e.status === 'paused')!;
    expect(paused.message).toMatch(
      /^storage is full, so the run is paused; nothing already saved is lost\. Browser storage is full/,
    );
    expect(pausedRecord).toMatchObject({ status: 'paused', statusMessage: paused.message });
    expect(of(events, 'result')[0]!.result).toEqual(of(straight, 'result')[0]!.result);
    // the events held back while the disk was full were written once it had room
    expect(await repo.loadEvents('run-q')).toEqual(events);
    expect(await repo.getRun('run-q')).toMatchObject({ status: 'finished' });
  });

  it('without storage the run still runs, and says it is not saved', async () => {
    const events = await session(request('run-m', { config: { ...config, budget: { maxMetricCalls: 60 } } }), {
      repository: null,
      storageProblem: 'IndexedDB is disabled',
    });
    expect(statuses(events).at(-1)).toBe('finished');
    expect(of(events, 'log').map((l) => l.message)).toContain(
      'This run is not being saved (IndexedDB is disabled): it cannot be resumed after the tab closes.',
    );
  });

  it('a resume of a run that is not stored fails, saying so', async () => {
    await expect(
      session(request('missing', { resume: true }), { repository: createRunRepository(freshDb()) }),
    ).rejects.toThrow(/is not stored in this browser/);
  });
});
