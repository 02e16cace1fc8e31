// The storage contract the worker and the UI build on. One IndexedDB database holds every run: its
// record (config without secrets, status, summary), its checkpoint (written incrementally), the event
// log that rebuilds its views, and the evaluation cache shared by all runs.
import type { CheckpointInfo, GepaState } from '../engine/index.ts';
import type { RunEvent } from '../run/runEvent.ts';
import type { RunConfig } from '../run/runConfig.ts';
import type { RunSummaryRecord, StoredRunStatus } from '../run/recordSummary.ts';
import type { CacheStore } from '../lm/evaluationCache.ts';

export interface RunRecord {
  id: string;
  name: string;
  /** never holds an API key */
  config: RunConfig;
  status: StoredRunStatus;
  statusMessage: string;
  createdAt: number;
  updatedAt: number;
  summary: RunSummaryRecord;
  /** approximate bytes this run occupies (records, checkpoint parts, events) */
  bytes: number;
  /** the export file an imported run came from (it has no checkpoint: it is only viewed and compared) */
  importedFrom?: string;
}

/** Thrown (and only this) when the browser refuses a write for lack of space; nothing earlier is lost. */
export class StorageQuotaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageQuotaError';
  }
}

export interface RunRepository {
  /** Fails when a run with this id exists. The repository computes `bytes` (here and in updateRun). */
  createRun(record: RunRecord): Promise<void>;
  updateRun(id: string, patch: Partial<Omit<RunRecord, 'id'>>): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Newest activity (updatedAt) first. */
  listRuns(): Promise<RunRecord[]>;
  /** Removes the run and everything it owns (checkpoint parts, events); the shared cache stays. */
  deleteRun(id: string): Promise<void>;
  /** Appends events (in order) to the run's log. */
  appendEvents(id: string, events: RunEvent[]): Promise<void>;
  /** The run's events in order; `from` skips the first `from` of them (a live view reads only what is new). */
  loadEvents(id: string, from?: number): Promise<RunEvent[]>;
  /**
   * Writes the state incrementally: only what changed since the previous checkpoint of this run
   * (new candidates, the small head), so the cost does not grow with the run's length.
   * The state is copied when this is called: the run may go on while the write is in flight.
   * The run must exist (createRun) first.
   */
  /** `info` is the engine's checkpoint info (new cache keys): pass it on so nothing is re-listed. */
  writeCheckpoint(id: string, state: GepaState, info?: CheckpointInfo): Promise<void>;
  loadCheckpoint(id: string): Promise<GepaState | undefined>;
  /** The evaluation cache, backed by IndexedDB and shared across runs and resumes. */
  cacheStore(): CacheStore;
}
