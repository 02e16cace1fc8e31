// RunRepository over IndexedDB. A checkpoint write puts the new candidate rows, the new engine-cache
// entries and the small head, in one short transaction opened after everything is prepared: its cost
// follows what the iteration added, not the run's length. The parts are split (copied) synchronously
// when writeCheckpoint is called, so the run may go on while they are written; writes of one run
// land in call order. Each write checks in its transaction that the stored checkpoint is the one it
// extends; when it is not (an earlier write failed, a new session), the next write resynchronises
// from the whole state. Every record a run owns is keyed by its id, so delete is one key range.
import { joinState, splitState } from '../engine/checkpointParts.ts';
import type { CheckpointParts, SplitSince } from '../engine/checkpointParts.ts';
import type { CheckpointInfo, GepaState } from '../engine/index.ts';
import type { RunEvent } from '../run/runEvent.ts';
import { approxBytes, runFieldsBytes, runRecordBytes } from './byteSize.ts';
import { IndexedDbCacheStore } from './indexedDbCacheStore.ts';
import { openDb } from './openDb.ts';
import type { StudioDb } from './openDb.ts';
import { DB_NAME, DB_VERSION, INDEXES, PER_RUN_STORES, STORES, runRange } from './schema.ts';
import type { CacheEntryRecord, CandidateRecord, HeadRecord } from './schema.ts';
import { writeTransaction } from './transaction.ts';
import type { RunRecord, RunRepository } from './types.ts';

const NOTHING: SplitSince = { candidates: 0, cacheEntries: 0 };

interface PreparedCheckpoint {
  /** what the stored checkpoint must hold for these parts to extend it (NOTHING: the whole state) */
  since: SplitSince;
  head: HeadRecord;
  headBytes: number;
  rows: { record: CandidateRecord; bytes: number }[];
  cache: { record: CacheEntryRecord; bytes: number }[];
}

const sum = (items: { bytes: number }[]) => items.reduce((n, i) => n + i.bytes, 0);

export class IndexedDbRunRepository implements RunRepository {
  private connection: Promise<StudioDb> | null = null;
  /** per run: what its stored checkpoint holds once the writes issued so far have landed */
  private readonly stored = new Map<string, SplitSince>();
  /** per run: the latest checkpoint write, so the next one lands after it */
  private readonly lastWrite = new Map<string, Promise<void>>();
  private cache: IndexedDbCacheStore | null = null;

  constructor(readonly dbName: string = DB_NAME) {}

  private db(): Promise<StudioDb> {
    if (!this.connection) {
      const forget = () => {
        if (this.connection === opening) this.connection = null;
      };
      const opening: Promise<StudioDb> = openDb(this.dbName, DB_VERSION, {
        onVersionChange: forget,
        onTerminated: forget,
      });
      opening.catch(forget); // the next call tries again
      this.connection = opening;
    }
    return this.connection;
  }

  /** Closes the connection (a later call reopens it). */
  async close(): Promise<void> {
    const c = this.connection;
    this.connection = null;
    if (c) (await c.catch(() => null))?.close();
  }

  async createRun(record: RunRecord): Promise<void> {
    const value: RunRecord = { ...record, bytes: runRecordBytes(record) };
    await writeTransaction(await this.db(), [STORES.runs], `the run "${record.name}"`, async (tx, issue) => {
      const runs = tx.objectStore(STORES.runs);
      if ((await runs.getKey(record.id)) !== undefined) throw new Error(`a run with id "${record.id}" already exists`);
      issue(runs.add(value));
    });
  }

  async updateRun(id: string, patch: Partial<Omit<RunRecord, 'id'>>): Promise<void> {
    // the byte count is the repository's to keep
    const { bytes: _bytes, ...changes } = patch;
    const configBytes = changes.config === undefined ? null : approxBytes(changes.config);
    await writeTransaction(await this.db(), [STORES.runs], `the run "${id}"`, async (tx, issue) => {
      const runs = tx.objectStore(STORES.runs);
      const old = await runs.get(id);
      if (!old) throw new Error(`no run with id "${id}"`);
      const next: RunRecord = { ...old, ...changes, id };
      const configDelta = configBytes === null ? 0 : configBytes - approxBytes(old.config);
      issue(runs.put({ ...next, bytes: old.bytes + configDelta + runFieldsBytes(next) - runFieldsBytes(old) }));
    });
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    return (await this.db()).get(STORES.runs, id);
  }

  /** Newest activity first. */
  async listRuns(): Promise<RunRecord[]> {
    return (await (await this.db()).getAllFromIndex(STORES.runs, INDEXES.runsByUpdatedAt)).reverse();
  }

  async deleteRun(id: string): Promise<void> {
    await writeTransaction(
      await this.db(),
      [STORES.runs, STORES.heads, ...PER_RUN_STORES],
      `the deletion of run "${id}"`,
      async (tx, issue) => {
        issue(tx.objectStore(STORES.runs).delete(id));
        issue(tx.objectStore(STORES.heads).delete(id));
        for (const store of PER_RUN_STORES) issue(tx.objectStore(store).delete(runRange(id)));
      },
    );
    this.stored.delete(id);
  }

  async appendEvents(id: string, events: RunEvent[]): Promise<void> {
    if (events.length === 0) return;
    const bytes = events.reduce((n, e) => n + approxBytes(e), 0);
    await writeTransaction(
      await this.db(),
      [STORES.runs, STORES.events],
      `the event log of run "${id}"`,
      async (tx, issue) => {
        const runs = tx.objectStore(STORES.runs);
        const log = tx.objectStore(STORES.events);
        const [run, last] = await Promise.all([runs.get(id), log.openKeyCursor(runRange(id), 'prev')]);
        if (!run) throw new Error(`no run with id "${id}"`);
        let seq = last ? last.key[1] + 1 : 0;
        for (const event of events) issue(log.add({ runId: id, seq: seq++, event }));
        issue(runs.put({ ...run, bytes: run.bytes + bytes }));
      },
    );
  }

  /** The run's events in order; `from` skips the first ones (a live view asks only for what is new). */
  async loadEvents(id: string, from = 0): Promise<RunEvent[]> {
    return (await (await this.db()).getAll(STORES.events, runRange(id, from))).map((r) => r.event);
  }

  async writeCheckpoint(id: string, state: GepaState, info?: CheckpointInfo): Promise<void> {
    const prepared = this.prepare(id, state, info); // before any await: the state is copied as it is now
    const previous = this.lastWrite.get(id) ?? Promise.resolve();
    const job = previous.then(
      () => this.commitCheckpoint(id, prepared, undefined),
      (err: unknown) => this.commitCheckpoint(id, prepared, err),
    );
    this.lastWrite.set(id, job);
    try {
      await job;
    } catch (err) {
      this.stored.delete(id); // resynchronise from the whole state next time
      throw err;
    } finally {
      if (this.lastWrite.get(id) === job) this.lastWrite.delete(id);
    }
  }

  private prepare(id: string, state: GepaState, info?: CheckpointInfo): PreparedCheckpoint {
    const stored = this.stored.get(id);
    let since = stored ?? NOTHING;
    // the engine's list of new cache keys is relative to its previous checkpoint, which is what
    // `stored` describes; with nothing stored yet the whole cache is listed once
    let parts: CheckpointParts = splitState(state, since, stored ? info?.newCacheKeys : undefined);
    if (parts.head.candidateCount < since.candidates || parts.head.cacheCount < since.cacheEntries) {
      // not a continuation of what was written: replace it
      since = NOTHING;
      parts = splitState(state);
    }
    this.stored.set(id, { candidates: parts.head.candidateCount, cacheEntries: parts.head.cacheCount });
    const rows = parts.candidates.map((row) => {
      const record: CandidateRecord = { ...row, runId: id };
      return { record, bytes: approxBytes(record) };
    });
    const cache = parts.cache.map((entry) => {
      const record: CacheEntryRecord = { ...entry, runId: id };
      return { record, bytes: approxBytes(record) };
    });
    return { since, head: { runId: id, head: parts.head }, headBytes: approxBytes(parts.head), rows, cache };
  }

  private async commitCheckpoint(id: string, p: PreparedCheckpoint, previousError: unknown): Promise<void> {
    const stores = [STORES.runs, STORES.heads, STORES.candidates, STORES.cache];
    await writeTransaction(await this.db(), stores, `the checkpoint of run "${id}"`, async (tx, issue) => {
      const runs = tx.objectStore(STORES.runs);
      const heads = tx.objectStore(STORES.heads);
      const candidates = tx.objectStore(STORES.candidates);
      const cache = tx.objectStore(STORES.cache);
      const [run, old] = await Promise.all([runs.get(id), heads.get(id)]);
      if (!run) throw new Error(`no run with id "${id}": create the run before writing its checkpoint`);
      const at: SplitSince = { candidates: old?.head.candidateCount ?? 0, cacheEntries: old?.head.cacheCount ?? 0 };
      let bytes = run.bytes - (old ? approxBytes(old.head) : 0) + p.headBytes;
      let rows = p.rows;
      let entries = p.cache;
      if (at.candidates !== p.since.candidates || at.cacheEntries !== p.since.cacheEntries) {
        if (p.since !== NOTHING) {
          throw (
            previousError ??
            new Error(
              `the stored checkpoint of run "${id}" is not the one this write extends ` +
                '(is another tab writing it?); the next write replaces it',
            )
          );
        }
        if (await this.continues(candidates, id, at, p)) {
          rows = rows.filter((r) => r.record.idx >= at.candidates);
          entries = entries.filter((e) => e.record.seq >= at.cacheEntries);
        } else {
          const [oldRows, oldEntries] = await Promise.all([
            candidates.getAll(runRange(id)),
            cache.getAll(runRange(id)),
          ]);
          bytes -= [...oldRows, ...oldEntries].reduce((n, r) => n + approxBytes(r), 0);
          issue(candidates.delete(runRange(id)));
          issue(cache.delete(runRange(id)));
        }
      }
      for (const r of rows) issue(candidates.put(r.record));
      for (const e of entries) issue(cache.put(e.record));
      issue(heads.put(p.head));
      issue(runs.put({ ...run, bytes: bytes + sum(rows) + sum(entries) }));
    });
  }

  /** Whether a whole state extends the stored checkpoint `at` (its last stored row is the state's row). */
  private async continues(
    candidates: { get(key: [string, number]): Promise<CandidateRecord | undefined> },
    id: string,
    at: SplitSince,
    p: PreparedCheckpoint,
  ): Promise<boolean> {
    if (at.candidates > p.head.head.candidateCount || at.cacheEntries > p.head.head.cacheCount) return false;
    if (at.candidates === 0) return true;
    const stored = await candidates.get([id, at.candidates - 1]);
    const mine = p.rows[at.candidates - 1]?.record;
    return (
      !!stored &&
      !!mine &&
      JSON.stringify(stored.candidate) === JSON.stringify(mine.candidate) &&
      stored.discoveryEvalCount === mine.discoveryEvalCount
    );
  }

  async loadCheckpoint(id: string): Promise<GepaState | undefined> {
    const db = await this.db();
    const tx = db.transaction([STORES.heads, STORES.candidates, STORES.cache], 'readonly');
    const [head, rows, entries] = await Promise.all([
      tx.objectStore(STORES.heads).get(id),
      tx.objectStore(STORES.candidates).getAll(runRange(id)),
      tx.objectStore(STORES.cache).getAll(runRange(id)),
      tx.done,
    ]);
    if (!head) return undefined;
    const state = joinState(head.head, rows, entries);
    // a session that resumes from here writes only what it adds
    if (!this.lastWrite.has(id))
      this.stored.set(id, { candidates: head.head.candidateCount, cacheEntries: head.head.cacheCount });
    return state;
  }

  cacheStore(): IndexedDbCacheStore {
    return (this.cache ??= new IndexedDbCacheStore(() => this.db()));
  }
}
