import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cloneState, optimize } from '../engine/index.ts';
import type { GepaState } from '../engine/index.ts';
import type { RunEvent } from '../run/runEvent.ts';
import { createRunRepository } from './index.ts';
import type { IndexedDbRunRepository } from './indexedDbRunRepository.ts';
import { StorageQuotaError } from './types.ts';
import {
  countWrites,
  keywordOptions,
  recordCounts,
  runRecord,
  storedBytes,
  uniqueDbName,
  val,
} from './__fixtures__/testRuns.ts';

const open: IndexedDbRunRepository[] = [];
function repository(dbName: string): IndexedDbRunRepository {
  const repo = createRunRepository(dbName);
  open.push(repo);
  return repo;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

/** Every checkpoint of a keyword-task run, as plain copies. */
async function checkpointsOf(over: Parameters<typeof keywordOptions>[0] = {}): Promise<GepaState[]> {
  const states: GepaState[] = [];
  await optimize(keywordOptions({ ...over, checkpoint: (s) => void states.push(cloneState(s)) }));
  return states;
}

const log = (message: string): RunEvent => ({ type: 'log', level: 'info', message });

describe('run records', () => {
  it('creates, updates, reads and lists runs, newest activity first', async () => {
    const repo = repository(uniqueDbName('runs'));
    await repo.createRun(runRecord('a', { updatedAt: 10 }));
    await repo.createRun(runRecord('b', { updatedAt: 20 }));
    await repo.updateRun('a', {
      status: 'finished',
      updatedAt: 30,
      summary: { bestScore: 0.9, candidates: 4, iterations: 9, metricCalls: 120, cap: 200, costUsd: 0.01 },
    });
    expect((await repo.listRuns()).map((r) => r.id)).toEqual(['a', 'b']);
    expect(await repo.getRun('a')).toMatchObject({ status: 'finished', summary: { bestScore: 0.9 } });
    expect(await repo.getRun('nope')).toBeUndefined();
  });

  it('refuses a second run with the same id, and an update of a missing run', async () => {
    const repo = repository(uniqueDbName('dup'));
    await repo.createRun(runRecord('a'));
    await expect(repo.createRun(runRecord('a', { name: 'other' }))).rejects.toThrow(/already exists/);
    expect((await repo.getRun('a'))?.name).toBe('run a');
    await expect(repo.updateRun('b', { status: 'stopped' })).rejects.toThrow(/no run with id "b"/);
  });

  it('keeps the byte count of each run equal to what its records occupy', async () => {
    const dbName = uniqueDbName('bytes');
    const repo = repository(dbName);
    const states = await checkpointsOf({ stopConditions: { kind: 'maxIterations', iterations: 12 } });
    await repo.createRun(runRecord('a', { bytes: 123456 }));
    expect((await repo.getRun('a'))?.bytes).toBe(await storedBytes(dbName, 'a'));
    for (const s of states) await repo.writeCheckpoint('a', s);
    await repo.appendEvents('a', [log('one'), log('two')]);
    await repo.updateRun('a', { status: 'paused', statusMessage: 'paused by the user', bytes: 1 });
    await repo.updateRun('a', { config: runRecord('x', { name: 'a longer name for the config' }).config });
    await repo.writeCheckpoint('a', states[3] as GepaState); // a replacement, shorter than what is stored
    expect((await repo.getRun('a'))?.bytes).toBe(await storedBytes(dbName, 'a'));
    expect((await repo.getRun('a'))?.bytes).toBeGreaterThan(1000);
  });
});

describe('incremental checkpoints', () => {
  it('each write puts only the new rows, the new cache entries and the head, also after 50 iterations', async () => {
    const dbName = uniqueDbName('incremental');
    const repo = repository(dbName);
    await repo.createRun(runRecord('r'));
    const writes = countWrites();
    const perCall: { iteration: number; newRows: number; newCache: number; puts: Record<string, number> }[] = [];
    let rowsBefore = 0;
    let cacheBefore = 0;
    try {
      await optimize(
        keywordOptions({
          checkpoint: async (s) => {
            writes.reset();
            await repo.writeCheckpoint('r', s);
            const cacheNow = Object.keys(s.evalCache ?? {}).length;
            perCall.push({
              iteration: s.iteration,
              newRows: s.candidates.length - rowsBefore,
              newCache: cacheNow - cacheBefore,
              puts: Object.fromEntries(writes.counts),
            });
            rowsBefore = s.candidates.length;
            cacheBefore = cacheNow;
          },
        }),
      );
    } finally {
      writes.restore();
    }
    expect(perCall.length).toBe(71);
    const mb = 3;
    for (const c of perCall) {
      expect(c.newRows).toBeLessThanOrEqual(1);
      expect(c.puts).toEqual({
        runs: 1,
        checkpointHeads: 1,
        ...(c.newRows ? { checkpointCandidates: c.newRows } : {}),
        ...(c.newCache ? { checkpointCache: c.newCache } : {}),
      });
      expect(c.newCache).toBeLessThanOrEqual(val.length + mb);
    }
    const late = perCall.filter((c) => c.iteration > 50);
    expect(late.some((c) => c.newRows === 1)).toBe(true);
    const counts = await recordCounts(dbName, 'r');
    expect(counts.candidates).toBe(rowsBefore);
    expect(counts.cache).toBe(cacheBefore);
    expect(counts.heads).toBe(1);
  });

  it('a run interrupted at iteration 50 and resumed from storage after reload ends as one uninterrupted', async () => {
    const dbName = uniqueDbName('resume');
    const fullStates: GepaState[] = [];
    const full = await optimize(keywordOptions({ checkpoint: (s) => void fullStates.push(cloneState(s)) }));

    const first = repository(dbName);
    await first.createRun(runRecord('r'));
    const ctrl = new AbortController();
    await optimize(
      keywordOptions({
        signal: ctrl.signal,
        checkpoint: (s) => first.writeCheckpoint('r', s),
        callbacks: { onIterationEnd: (e) => void (e.iteration === 50 && ctrl.abort()) },
      }),
    );
    await first.close();

    const second = repository(dbName); // a new tab: nothing in memory
    const loaded = await second.loadCheckpoint('r');
    expect(loaded).toStrictEqual(fullStates[50]);
    const resumed = await optimize(
      keywordOptions({ resumeFrom: loaded as GepaState, checkpoint: (s) => second.writeCheckpoint('r', s) }),
    );
    expect(resumed.toDict()).toEqual(full.toDict());
    expect(await repository(dbName).loadCheckpoint('r')).toStrictEqual(fullStates[fullStates.length - 1]);
  });

  it('writes issued without waiting land in order', async () => {
    const repo = repository(uniqueDbName('order'));
    await repo.createRun(runRecord('r'));
    const states = await checkpointsOf({ stopConditions: { kind: 'maxIterations', iterations: 15 } });
    await Promise.all(states.map((s) => repo.writeCheckpoint('r', s)));
    expect(await repo.loadCheckpoint('r')).toStrictEqual(states[states.length - 1]);
  });

  it('a state that does not continue the stored checkpoint replaces it', async () => {
    const dbName = uniqueDbName('replace');
    const a = await checkpointsOf({ stopConditions: { kind: 'maxIterations', iterations: 20 } });
    const b = await checkpointsOf({ seed: 99, stopConditions: { kind: 'maxIterations', iterations: 30 } });
    const repo = repository(dbName);
    await repo.createRun(runRecord('r'));
    await repo.writeCheckpoint('r', a[20] as GepaState);
    const other = b.find((s) => s.candidates.length === (a[20] as GepaState).candidates.length + 1) as GepaState;
    await repository(dbName).writeCheckpoint('r', other); // another session: a longer state of another run
    expect(await repository(dbName).loadCheckpoint('r')).toStrictEqual(other);
    await repo.writeCheckpoint('r', b[2] as GepaState); // shorter than what is stored
    expect(await repository(dbName).loadCheckpoint('r')).toStrictEqual(b[2]);
    expect((await recordCounts(dbName, 'r')).candidates).toBe((b[2] as GepaState).candidates.length);
  });

  it('a write that does not extend the stored checkpoint fails, and the next one repairs it', async () => {
    const dbName = uniqueDbName('conflict');
    const states = await checkpointsOf({ stopConditions: { kind: 'maxIterations', iterations: 30 } });
    const one = repository(dbName);
    const two = repository(dbName);
    await one.createRun(runRecord('r'));
    await one.writeCheckpoint('r', states[5] as GepaState);
    await two.writeCheckpoint('r', states[20] as GepaState);
    await expect(one.writeCheckpoint('r', states[25] as GepaState)).rejects.toThrow(/not the one this write extends/);
    await one.writeCheckpoint('r', states[26] as GepaState);
    expect(await two.loadCheckpoint('r')).toStrictEqual(states[26]);
  });

  it('refuses a checkpoint for a run that was never created', async () => {
    const repo = repository(uniqueDbName('orphan'));
    const [s] = await checkpointsOf({ stopConditions: { kind: 'maxIterations', iterations: 1 } });
    await expect(repo.writeCheckpoint('ghost', s as GepaState)).rejects.toThrow(/no run with id "ghost"/);
    expect(await repo.loadCheckpoint('ghost')).toBeUndefined();
  });
});

describe('event log', () => {
  it('round-trips events in order, per run, across sessions', async () => {
    const dbName = uniqueDbName('events');
    const repo = repository(dbName);
    await repo.createRun(runRecord('a'));
    await repo.createRun(runRecord('b'));
    const events: RunEvent[] = [
      { type: 'status', status: 'running' },
      { type: 'budget', used: 12, cap: 300, iteration: 0 },
      log('first'),
      { type: 'front', programs: [[0], [0, 1]] },
    ];
    await repo.appendEvents('a', events.slice(0, 2));
    await repo.appendEvents('b', [log('b only')]);
    await repo.appendEvents('a', events.slice(2, 3));
    await repo.appendEvents('a', []);
    await repo.close();
    const later = repository(dbName);
    await later.appendEvents('a', events.slice(3));
    expect(await later.loadEvents('a')).toEqual(events);
    expect(await later.loadEvents('a', 2)).toEqual(events.slice(2));
    expect(await later.loadEvents('b')).toEqual([log('b only')]);
    expect(await later.loadEvents('none')).toEqual([]);
    await expect(later.appendEvents('none', [log('x')])).rejects.toThrow(/no run with id "none"/);
  });

  it('keeps 1,000 events of many batches in order', async () => {
    const repo = repository(uniqueDbName('many'));
    await repo.createRun(runRecord('a'));
    const all = Array.from({ length: 1000 }, (_, i) => log(`event ${i}`));
    for (let i = 0; i < all.length; i += 37) await repo.appendEvents('a', all.slice(i, i + 37));
    expect(await repo.loadEvents('a')).toEqual(all);
  });
});

describe('deleteRun', () => {
  it('removes everything of the run and nothing of another', async () => {
    const dbName = uniqueDbName('delete');
    const repo = repository(dbName);
    const states = await checkpointsOf({ stopConditions: { kind: 'maxIterations', iterations: 10 } });
    for (const id of ['a', 'b']) {
      await repo.createRun(runRecord(id));
      for (const s of states) await repo.writeCheckpoint(id, s);
      await repo.appendEvents(id, [log(`${id} 1`), log(`${id} 2`)]);
    }
    await repo.cacheStore().set('k', { text: 'answer', usage: { promptTokens: 1, completionTokens: 1 }, model: 'm' });
    const before = await recordCounts(dbName, 'b');
    await repo.deleteRun('a');
    expect(await recordCounts(dbName, 'a')).toEqual({ runs: 0, heads: 0, candidates: 0, cache: 0, events: 0 });
    expect(await recordCounts(dbName, 'b')).toEqual(before);
    expect(await repo.getRun('a')).toBeUndefined();
    expect(await repo.loadCheckpoint('a')).toBeUndefined();
    expect(await repo.loadEvents('a')).toEqual([]);
    expect((await repo.listRuns()).map((r) => r.id)).toEqual(['b']);
    expect(await repo.loadCheckpoint('b')).toStrictEqual(states[states.length - 1]);
    expect(await repo.cacheStore().get('k')).toMatchObject({ text: 'answer' });
    // the id is free again, and a new run under it starts from nothing
    await repo.createRun(runRecord('a'));
    await repo.writeCheckpoint('a', states[2] as GepaState);
    expect(await repo.loadCheckpoint('a')).toStrictEqual(states[2]);
  });
});

describe('quota', () => {
  /** Makes put/add on the named stores throw as a full disk does, while `on`. */
  function fullDisk(stores: string[]) {
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    const add = proto.add;
    const state = { on: false };
    const guard = <A extends unknown[], R>(fn: (...args: A) => R) =>
      function (this: IDBObjectStore, ...args: A): R {
        if (state.on && stores.includes(this.name))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return fn.apply(this, args);
      };
    proto.put = guard(put);
    proto.add = guard(add);
    return { state, restore: () => ((proto.put = put), (proto.add = add)) };
  }

  it('a QuotaExceededError becomes StorageQuotaError, and everything written earlier is intact', async () => {
    const dbName = uniqueDbName('quota');
    const repo = repository(dbName);
    const states = await checkpointsOf({ stopConditions: { kind: 'maxIterations', iterations: 12 } });
    await repo.createRun(runRecord('r'));
    for (const s of states.slice(0, 8)) await repo.writeCheckpoint('r', s);
    await repo.appendEvents('r', [log('kept')]);
    const bytesBefore = (await repo.getRun('r'))?.bytes;
    const withNewRow = states.findIndex(
      (s, i) => i > 7 && s.candidates.length > (states[7] as GepaState).candidates.length,
    );
    expect(withNewRow).toBeGreaterThan(7);

    const disk = fullDisk(['checkpointCandidates', 'events']);
    disk.state.on = true;
    try {
      const failed = await repo.writeCheckpoint('r', states[withNewRow] as GepaState).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(StorageQuotaError);
      expect((failed as Error).message).toMatch(/storage is full.*intact/i);
      await expect(repo.appendEvents('r', [log('lost')])).rejects.toBeInstanceOf(StorageQuotaError);
    } finally {
      disk.restore();
    }
    expect(await repo.loadCheckpoint('r')).toStrictEqual(states[7]);
    expect(await repo.loadEvents('r')).toEqual([log('kept')]);
    expect((await repo.getRun('r'))?.bytes).toBe(bytesBefore);

    // space freed: the next checkpoint writes what the failed one could not
    await repo.writeCheckpoint('r', states[11] as GepaState);
    expect(await repository(dbName).loadCheckpoint('r')).toStrictEqual(states[11]);
    expect((await repo.getRun('r'))?.bytes).toBe(await storedBytes(dbName, 'r'));
  });

  it('the LM cache store reports a full disk as StorageQuotaError', async () => {
    const repo = repository(uniqueDbName('quota-cache'));
    const disk = fullDisk(['lmCache']);
    disk.state.on = true;
    try {
      await expect(
        repo.cacheStore().set('k', { text: 't', usage: { promptTokens: 0, completionTokens: 0 }, model: 'm' }),
      ).rejects.toBeInstanceOf(StorageQuotaError);
    } finally {
      disk.restore();
    }
    expect(await repo.cacheStore().get('k')).toBeUndefined();
  });
});
