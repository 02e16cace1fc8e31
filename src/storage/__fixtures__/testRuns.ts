// Helpers for the storage tests: run records, keyword-task engine options, unique database names,
// and the byte count recomputed from what a database really holds.
import type { GepaOptions } from '../../engine/index.ts';
import { KEYWORD_VAL, keywordRunOptions } from '../../engine/__fixtures__/keywordTask.ts';
import type { KeywordAdapterOptions, KeywordExample } from '../../engine/__fixtures__/keywordTask.ts';
import type { RunConfig } from '../../run/runConfig.ts';
import { approxBytes, runRecordBytes } from '../byteSize.ts';
import { openDb } from '../openDb.ts';
import { STORES, runRange } from '../schema.ts';
import type { RunRecord } from '../types.ts';

let dbCounter = 0;
export const uniqueDbName = (label: string) =>
  `gepa-test-${label}-${++dbCounter}-${Math.random().toString(36).slice(2)}`;

export function runRecord(id: string, over: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    name: `run ${id}`,
    config: {
      version: 1,
      name: `run ${id}`,
      dataset: { fileName: 'x.jsonl', rows: [{ id: 'a', q: 'question' }] },
    } as unknown as RunConfig,
    status: 'running',
    statusMessage: '',
    createdAt: 1_000,
    updatedAt: 1_000,
    summary: { bestScore: null, candidates: 0, iterations: 0, metricCalls: 0, cap: null, costUsd: 0 },
    bytes: 0,
    ...over,
  };
}

export const val = KEYWORD_VAL;

export function keywordOptions(
  over: Partial<GepaOptions<KeywordExample>> = {},
  adapterOpts: KeywordAdapterOptions = {},
): GepaOptions<KeywordExample> {
  return keywordRunOptions(
    {
      maxMetricCalls: 3000,
      stopConditions: { kind: 'maxIterations', iterations: 70 },
      cacheEvaluation: true,
      trackBestOutputs: true,
      seed: 11,
      ...over,
    },
    adapterOpts,
  );
}

/** What run `id` really occupies in the database, summed the way the repository counts it. */
export async function storedBytes(dbName: string, id: string): Promise<number> {
  const db = await openDb(dbName);
  try {
    const run = await db.get(STORES.runs, id);
    const head = await db.get(STORES.heads, id);
    let bytes = run ? runRecordBytes(run) : 0;
    if (head) bytes += approxBytes(head.head);
    for (const r of await db.getAll(STORES.candidates, runRange(id))) bytes += approxBytes(r);
    for (const r of await db.getAll(STORES.cache, runRange(id))) bytes += approxBytes(r);
    for (const r of await db.getAll(STORES.events, runRange(id))) bytes += approxBytes(r.event);
    return bytes;
  } finally {
    db.close();
  }
}

/** How many records run `id` has in each per-run store. */
export async function recordCounts(dbName: string, id: string): Promise<Record<string, number>> {
  const db = await openDb(dbName);
  try {
    return {
      runs: await db.count(STORES.runs, id),
      heads: await db.count(STORES.heads, id),
      candidates: await db.count(STORES.candidates, runRange(id)),
      cache: await db.count(STORES.cache, runRange(id)),
      events: await db.count(STORES.events, runRange(id)),
    };
  } finally {
    db.close();
  }
}

/** Counts put/add calls per object store while installed (wraps the IDBObjectStore prototype). */
export function countWrites(): { counts: Map<string, number>; reset: () => void; restore: () => void } {
  const proto = IDBObjectStore.prototype;
  const put = proto.put;
  const add = proto.add;
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    bump(this.name);
    return put.apply(this, args);
  };
  proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    bump(this.name);
    return add.apply(this, args);
  };
  return {
    counts,
    reset: () => counts.clear(),
    restore: () => {
      proto.put = put;
      proto.add = add;
    },
  };
}
