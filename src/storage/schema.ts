// The IndexedDB schema: every store and index name in one `as const` table, the record each store
// holds, and the version. A record keyed by [runId, n] belongs to that run, so one key range
// (`runRange`) reads or deletes everything a run owns in a store. Raise DB_VERSION only together
// with a migration in openDb.ts and a frozen sample of the version before in __fixtures__/.
import type { DBSchema } from 'idb';
import type { CheckpointCacheEntry, CheckpointCandidate, CheckpointHead } from '../engine/checkpointParts.ts';
import type { CachedEvaluation } from '../engine/index.ts';
import type { CachedEntry } from '../lm/evaluationCache.ts';
import type { RunEvent } from '../run/runEvent.ts';
import type { RunRecord } from './types.ts';

export const DB_NAME = 'gepa-studio';
export const DB_VERSION = 2;

export const STORES = {
  /** RunRecord by id (v1) */
  runs: 'runs',
  /** a run's checkpoint head: the small part rewritten each iteration (v1) */
  heads: 'checkpointHeads',
  /** a run's candidates, one immutable row each, by [runId, idx] (v1) */
  candidates: 'checkpointCandidates',
  /** a run's engine evaluation cache, one entry each, by [runId, seq] (v2; inside the head in v1) */
  cache: 'checkpointCache',
  /** a run's event log by [runId, seq] (v2) */
  events: 'events',
  /** the LM-level evaluation cache shared by every run, by cache key (v2) */
  lmCache: 'lmCache',
} as const;

export const INDEXES = {
  /** runs by last activity, for the history list (v2) */
  runsByUpdatedAt: 'byUpdatedAt',
} as const;

export type StoreName = (typeof STORES)[keyof typeof STORES];

export interface HeadRecord {
  runId: string;
  head: CheckpointHead;
}

export type CandidateRecord = CheckpointCandidate & { runId: string };
export type CacheEntryRecord = CheckpointCacheEntry & { runId: string };

export interface EventRecord {
  runId: string;
  seq: number;
  event: RunEvent;
}

/** Version 1 kept the engine's evaluation cache inside the head; version 2 moved it to its own store. */
export interface HeadRecordV1 {
  runId: string;
  head: Omit<CheckpointHead, 'cacheEnabled' | 'cacheCount'> & { evalCache: Record<string, CachedEvaluation> | null };
}

export interface StudioDbSchema extends DBSchema {
  [STORES.runs]: { key: string; value: RunRecord; indexes: { [INDEXES.runsByUpdatedAt]: number } };
  [STORES.heads]: { key: string; value: HeadRecord };
  [STORES.candidates]: { key: [string, number]; value: CandidateRecord };
  [STORES.cache]: { key: [string, number]; value: CacheEntryRecord };
  [STORES.events]: { key: [string, number]; value: EventRecord };
  [STORES.lmCache]: { key: string; value: CachedEntry };
}

/** Stores whose records are keyed [runId, n]. */
export const PER_RUN_STORES = [STORES.candidates, STORES.cache, STORES.events] as const;

/** Keys [runId, from] … [runId, anything]: arrays sort after numbers, so [runId, []] bounds them all. */
export function runRange(runId: string, from = 0): IDBKeyRange {
  return IDBKeyRange.bound([runId, from], [runId, []]);
}
