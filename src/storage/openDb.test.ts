import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { cloneState, optimize } from '../engine/index.ts';
import type { CachedEvaluation, GepaState } from '../engine/index.ts';
import type { CheckpointCandidate } from '../engine/checkpointParts.ts';
import { keywordDataset } from '../engine/__fixtures__/keywordTask.ts';
import { createRunRepository } from './index.ts';
import { openDb } from './openDb.ts';
import { DB_VERSION, INDEXES, STORES } from './schema.ts';
import type { HeadRecordV1 } from './schema.ts';
import type { RunRecord } from './types.ts';
import { keywordOptions, storedBytes, uniqueDbName } from './__fixtures__/testRuns.ts';
import sampleV1 from './__fixtures__/studioDb.v1.json' with { type: 'json' };

type V1Store = keyof typeof sampleV1.stores;

/** Writes the frozen version-1 sample into a database opened at version 1 with the v1 upgrade. */
async function loadV1Sample(dbName: string, edit: (stores: typeof sampleV1.stores) => void = () => {}): Promise<void> {
  const stores = JSON.parse(JSON.stringify(sampleV1.stores)) as typeof sampleV1.stores;
  edit(stores);
  const db = await openDb(dbName, 1);
  expect([...db.objectStoreNames].sort()).toEqual([STORES.candidates, STORES.heads, STORES.runs].sort());
  const names = Object.keys(stores) as V1Store[];
  const tx = db.transaction(names as never[], 'readwrite');
  for (const name of names) for (const record of stores[name]) void tx.objectStore(name as never).put(record as never);
  await tx.done;
  db.close();
}

const v1Head = (runId: string) =>
  sampleV1.stores.checkpointHeads.find((h) => h.runId === runId) as unknown as HeadRecordV1;
const v1Rows = (runId: string) =>
  (sampleV1.stores.checkpointCandidates as unknown as (CheckpointCandidate & { runId: string })[]).filter(
    (r) => r.runId === runId,
  );

describe('schema', () => {
  it('a new database has every store of the table and the runs index, at the current version', async () => {
    const db = await openDb(uniqueDbName('fresh'));
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(Object.values(STORES).sort());
    const tx = db.transaction(Object.values(STORES), 'readonly');
    expect([...tx.objectStore(STORES.runs).indexNames]).toEqual([INDEXES.runsByUpdatedAt]);
    expect(tx.objectStore(STORES.candidates).keyPath).toEqual(['runId', 'idx']);
    expect(tx.objectStore(STORES.cache).keyPath).toEqual(['runId', 'seq']);
    expect(tx.objectStore(STORES.events).keyPath).toEqual(['runId', 'seq']);
    db.close();
  });

  it('an open repository steps aside when another tab opens a newer version', async () => {
    const dbName = uniqueDbName('newer');
    const repo = createRunRepository(dbName);
    expect(await repo.listRuns()).toEqual([]);
    const newer = await openDB(dbName, DB_VERSION + 1, {
      blocked: () => expect.unreachable('the repository blocked the upgrade'),
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    await repo.close();
  });
});

describe('upgrade from the frozen version-1 sample', () => {
  it('moves the engine cache out of the heads and keeps every run readable and resumable', async () => {
    const dbName = uniqueDbName('v1');
    await loadV1Sample(dbName);
    const repo = createRunRepository(dbName);

    const runs = await repo.listRuns();
    expect(runs.map((r) => r.id)).toEqual(['run-v1-finished', 'run-v1-interrupted']);
    for (const run of runs) {
      const frozen = sampleV1.stores.runs.find((r) => r.id === run.id) as unknown as RunRecord;
      expect({ ...run, bytes: 0 }).toEqual({ ...frozen, bytes: 0 });
      expect(run.bytes).toBe(await storedBytes(dbName, run.id));
    }

    // the interrupted run: cache, best outputs, fronts all back, in the order they were written
    const id = 'run-v1-interrupted';
    const state = (await repo.loadCheckpoint(id)) as GepaState;
    const head = v1Head(id).head;
    expect(state.iteration).toBe(head.iteration);
    expect(state.rng).toEqual(head.rng);
    expect(state.candidates).toEqual(v1Rows(id).map((r) => r.candidate));
    expect(Object.entries(state.evalCache ?? {})).toEqual(
      Object.entries(head.evalCache as Record<string, CachedEvaluation>),
    );
    expect(state.bestOutputsValset?.every((list) => list.length > 0)).toBe(true);
    state.fronts.instance.best.forEach((best, v) =>
      expect(best).toBe(Math.max(...state.valSubscores.map((s) => s[v] as number))),
    );

    // it resumes, and the resumed session's checkpoints go to the new stores incrementally
    const opts = sampleV1.engineOptions[id];
    const options = {
      trainset: keywordDataset(opts.trainSize),
      valset: keywordDataset(opts.valSize, opts.valOffset),
      maxMetricCalls: opts.maxMetricCalls,
      seed: opts.seed,
      cacheEvaluation: opts.cacheEvaluation,
      trackBestOutputs: opts.trackBestOutputs,
      stopConditions: undefined,
    };
    let last: GepaState | null = null;
    const resumed = await optimize(
      keywordOptions({
        ...options,
        resumeFrom: state,
        checkpoint: async (s) => {
          await repo.writeCheckpoint(id, s);
          last = cloneState(s);
        },
      }),
    );
    expect(resumed.numCandidates).toBeGreaterThanOrEqual(state.candidates.length);
    expect(resumed.candidates.slice(0, state.candidates.length)).toEqual(state.candidates);
    expect(last).not.toBeNull();
    expect(await createRunRepository(dbName).loadCheckpoint(id)).toStrictEqual(last);

    // the finished run had objectives and no cache
    const finished = (await repo.loadCheckpoint('run-v1-finished')) as GepaState;
    expect(finished.evalCache).toBeNull();
    expect(finished.candidates).toEqual(v1Rows('run-v1-finished').map((r) => r.candidate));
    expect(Object.keys(finished.objectiveAggregates[0] ?? {})).toEqual(['style', 'facts']);

    // the stores version 2 added work on migrated runs
    await repo.appendEvents(id, [{ type: 'log', level: 'info', message: 'resumed after the upgrade' }]);
    expect(await repo.loadEvents(id)).toEqual([{ type: 'log', level: 'info', message: 'resumed after the upgrade' }]);
    await repo
      .cacheStore()
      .set('key', { text: 'cached', usage: { promptTokens: 3, completionTokens: 1 }, model: 'demo' });
    expect(await repo.cacheStore().get('key')).toEqual({
      text: 'cached',
      usage: { promptTokens: 3, completionTokens: 1 },
      model: 'demo',
    });
    await repo.deleteRun(id);
    expect((await repo.listRuns()).map((r) => r.id)).toEqual(['run-v1-finished']);
    await repo.close();
  });

  it('a head whose run record is missing is upgraded as well', async () => {
    const dbName = uniqueDbName('v1-orphan');
    await loadV1Sample(dbName, (stores) => {
      stores.runs = stores.runs.filter((r) => r.id !== 'run-v1-interrupted');
    });
    const repo = createRunRepository(dbName);
    const state = await repo.loadCheckpoint('run-v1-interrupted');
    expect(Object.keys(state?.evalCache ?? {})).toEqual(Object.keys(v1Head('run-v1-interrupted').head.evalCache ?? {}));
    expect((await repo.listRuns()).map((r) => r.id)).toEqual(['run-v1-finished']);
    await repo.close();
  });

  it('a migration that fails leaves the version-1 database as it was', async () => {
    const dbName = uniqueDbName('v1-broken');
    await loadV1Sample(dbName, (stores) => {
      (stores.checkpointHeads[0] as { head: unknown }).head = null; // a record the migration cannot read
    });
    await expect(openDb(dbName)).rejects.toThrow(/upgrading the database .* to version 2 failed/);
    const db = await openDb(dbName, 1);
    expect(db.version).toBe(1);
    expect(await db.count(STORES.runs)).toBe(sampleV1.stores.runs.length);
    expect(await db.count(STORES.candidates)).toBe(sampleV1.stores.checkpointCandidates.length);
    db.close();
  });
});
