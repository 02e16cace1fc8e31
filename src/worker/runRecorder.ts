// One run's writes to the repository, from the worker that drives it: the record (status and summary as
// they change), the event log (appended in the batches the worker emits, one write at a time, in order;
// batches that arrive while a write is under way go together in the next)
// and the checkpoints. Every write starts only once its data is ready, so no transaction ever waits on
// an LM call. Batches wait in memory until their write succeeds: when the disk is full the recorder says
// so once (onQuota) and tries again at the next checkpoint or at close, so nothing is lost or reordered.
// Invariant: a checkpoint is written only after every event before its marker is in the log.
import type { CheckpointInfo, GepaState } from '../engine/index.ts';
import { StorageQuotaError } from '../storage/types.ts';
import type { RunRecord, RunRepository } from '../storage/types.ts';
import type { RunSummaryRecord, StoredRunStatus } from '../run/recordSummary.ts';
import type { RunEvent } from '../run/runEvent.ts';
import type { RunBroadcast } from './protocol.ts';
import { foldSummary, storedStatus } from '../run/recordSummary.ts';
import { lastOfType, replayableEvents } from '../run/eventLog.ts';
import type { ResumePoint } from '../run/runDriver.ts';
import { errorMessage } from '../engine/index.ts';

export interface RecorderHooks {
  /** tells other tabs (BroadcastChannel 'gepa-runs') */
  broadcast?(message: RunBroadcast): void;
  /** the browser refused a write for lack of space: the run should pause */
  onQuota?(message: string): void;
  /** a write failed for another reason (the run goes on; the message is for its log) */
  onError?(message: string): void;
  now?(): number;
}

/** A stored run, read back to continue it. */
export interface StoredRun {
  record: RunRecord;
  resume: ResumePoint;
  /** the events that rebuild its views up to the checkpoint it continues from */
  replay: RunEvent[];
  /** how many events its log holds */
  logLength: number;
}

/** Reads what a resume needs; undefined when the run is not stored. */
export async function loadStoredRun(repo: RunRepository, runId: string): Promise<StoredRun | undefined> {
  const record = await repo.getRun(runId);
  if (!record) return undefined;
  const [state, log] = await Promise.all([repo.loadCheckpoint(runId), repo.loadEvents(runId)]);
  const replay = replayableEvents(log, state ? state.iteration : null);
  return {
    record,
    // what was paid counts to the end of the log: an interrupted iteration's calls were paid too
    resume: {
      state: state ?? null,
      usage: lastOfType(log, 'usage')?.usage ?? null,
      lastScore: lastOfType(replay, 'score')?.point ?? null,
    },
    replay,
    logLength: log.length,
  };
}

export class RunRecorder {
  private unsavedCacheKeys: string[] = [];
  private readonly queue: RunEvent[][] = [];
  private writing: Promise<void> | null = null;
  private full: StorageQuotaError | null = null;
  private summary: RunSummaryRecord;
  private status: StoredRunStatus;
  private statusMessage: string;
  private recordDue = false;

  private constructor(
    private readonly repo: RunRepository,
    private readonly runId: string,
    /** events in the stored log: where the next batch starts, for tabs that follow the run */
    private seq: number,
    from: Pick<RunRecord, 'summary' | 'status' | 'statusMessage'>,
    private readonly hooks: RecorderHooks,
  ) {
    this.summary = from.summary;
    this.status = from.status;
    this.statusMessage = from.statusMessage;
  }

  /** Stores a new run's record and records its events from now on. */
  static async create(repo: RunRepository, record: RunRecord, hooks: RecorderHooks = {}): Promise<RunRecorder> {
    await repo.createRun(record);
    hooks.broadcast?.({ kind: 'record', runId: record.id });
    return new RunRecorder(repo, record.id, 0, record, hooks);
  }

  /** Records a stored run's events after those its log already holds. */
  static reopen(repo: RunRepository, stored: StoredRun, hooks: RecorderHooks = {}): RunRecorder {
    return new RunRecorder(repo, stored.record.id, stored.logLength, stored.record, hooks);
  }

  /** Queues a batch for the log (in order) and folds it into the record's status and summary. */
  append(events: RunEvent[]): void {
    if (events.length === 0) return;
    for (const e of events) {
      this.summary = foldSummary(this.summary, e);
      if (e.type === 'status') {
        this.status = storedStatus(e.status);
        this.statusMessage = e.message ?? '';
        this.recordDue = true;
      }
    }
    this.queue.push(events);
    void this.drain();
  }

  /**
   * Writes the state after the log holds every event before its marker. Throws StorageQuotaError when
   * the disk is full (the previous checkpoint stays the one a resume uses).
   */
  async checkpoint(state: GepaState, info?: CheckpointInfo): Promise<void> {
    // the engine names the cache keys new since its previous checkpoint; a checkpoint that could not be
    // written keeps its keys here, so the next write still covers them
    if (info) this.unsavedCacheKeys.push(...info.newCacheKeys);
    this.full = null;
    await this.drain();
    if (this.full) throw this.full;
    await this.repo.writeCheckpoint(this.runId, state, info ? { newCacheKeys: this.unsavedCacheKeys } : undefined);
    this.unsavedCacheKeys = [];
    await this.writeRecord();
  }

  /** Writes what is left (the run has ended); false when something could not be saved. */
  async close(): Promise<boolean> {
    this.full = null;
    await this.drain();
    if (this.full) return false;
    try {
      await this.writeRecord();
      return true;
    } catch (err) {
      this.hooks.onError?.(`the run's final status could not be saved: ${errorMessage(err)}`);
      return false;
    }
  }

  /**
   * Appends what is queued, one write at a time; batches queued during a write go together in the next
   * one. A full disk stops it with the events still queued.
   */
  private drain(): Promise<void> {
    // a write under way may be past its last look at the queue: go again once it is done
    if (this.writing) return this.writing.then(() => (this.queue.length > 0 && !this.full ? this.drain() : undefined));
    this.writing = (async () => {
      while (this.queue.length > 0 && !this.full) {
        if (this.queue.length > 1) this.queue.splice(0, this.queue.length, this.queue.flat());
        const batch = this.queue[0] as RunEvent[];
        let stored = true;
        try {
          await this.repo.appendEvents(this.runId, batch);
        } catch (err) {
          if (err instanceof StorageQuotaError) {
            this.full = err;
            this.hooks.onQuota?.(err.message);
            break;
          }
          // anything else will not get better by retrying: the batch is dropped, the run goes on
          this.hooks.onError?.(`${batch.length} events could not be saved: ${errorMessage(err)}`);
          stored = false;
        }
        this.queue.shift();
        if (stored) {
          const seq = this.seq;
          this.seq += batch.length;
          this.hooks.broadcast?.({ kind: 'events', runId: this.runId, seq, events: batch });
        }
        if (this.recordDue) await this.writeRecord().catch((err: unknown) => this.onRecordError(err));
      }
      // with the log stalled on a full disk, the small record (paused, and why) may still fit
      if (this.full && this.recordDue) await this.writeRecord().catch(() => undefined);
    })().finally(() => (this.writing = null));
    return this.writing;
  }

  private onRecordError(err: unknown): void {
    if (err instanceof StorageQuotaError) {
      this.full = err;
      this.hooks.onQuota?.(err.message);
    } else {
      this.hooks.onError?.(`the run's record could not be updated: ${errorMessage(err)}`);
    }
  }

  private async writeRecord(): Promise<void> {
    this.recordDue = false;
    const now = this.hooks.now?.() ?? Date.now();
    try {
      await this.repo.updateRun(this.runId, {
        status: this.status,
        statusMessage: this.statusMessage,
        summary: this.summary,
        updatedAt: now,
      });
    } catch (err) {
      this.recordDue = true;
      throw err;
    }
    this.hooks.broadcast?.({ kind: 'record', runId: this.runId });
  }
}
