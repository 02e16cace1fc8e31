// Opening the database, and moving it to the current version. MIGRATIONS[v] takes a database from
// version v-1 to v inside the one versionchange transaction, so an upgrade lands whole or not at all.
// Schema changes run synchronously at the start of their step (IndexedDB allows them only while the
// upgrade transaction is active); data moves await only requests of that same transaction.
import { openDB } from 'idb';
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { approxBytes, runRecordBytes } from './byteSize.ts';
import { DB_NAME, DB_VERSION, INDEXES, STORES, runRange } from './schema.ts';
import type { CacheEntryRecord, HeadRecord, HeadRecordV1, StudioDbSchema } from './schema.ts';
import { errorMessage } from '../engine/index.ts';

export type StudioDb = IDBPDatabase<StudioDbSchema>;
type UpgradeTx = IDBPTransaction<StudioDbSchema, StoreNames<StudioDbSchema>[], 'versionchange'>;
type Migration = (db: StudioDb, tx: UpgradeTx) => void | Promise<void>;

/** v1: runs, checkpoint heads (with the engine's evaluation cache inside), candidate rows. */
function toV1(db: StudioDb): void {
  db.createObjectStore(STORES.runs, { keyPath: 'id' });
  db.createObjectStore(STORES.heads, { keyPath: 'runId' });
  db.createObjectStore(STORES.candidates, { keyPath: ['runId', 'idx'] });
}

/**
 * v2: the event log, the engine cache moved out of the heads into entries of its own (a head no
 * longer grows with the cache, so writing it stays cheap), the shared LM cache, and runs by date.
 * Byte counts are recomputed from what is stored.
 */
async function toV2(db: StudioDb, tx: UpgradeTx): Promise<void> {
  db.createObjectStore(STORES.cache, { keyPath: ['runId', 'seq'] });
  db.createObjectStore(STORES.events, { keyPath: ['runId', 'seq'] });
  db.createObjectStore(STORES.lmCache);
  const runs = tx.objectStore(STORES.runs);
  runs.createIndex(INDEXES.runsByUpdatedAt, 'updatedAt');

  const heads = tx.objectStore(STORES.heads);
  const cache = tx.objectStore(STORES.cache);
  const candidates = tx.objectStore(STORES.candidates);
  const writes: Promise<unknown>[] = [];
  // awaited together at the end; caught at once so a failure is not reported as unhandled meanwhile
  const write = (...requests: Promise<unknown>[]) => {
    for (const r of requests) {
      r.catch(() => {});
      writes.push(r);
    }
  };
  const headBytes = new Map<string, number>();
  for (const old of (await heads.getAll()) as unknown as HeadRecordV1[]) {
    const { evalCache, ...rest } = old.head;
    const entries: CacheEntryRecord[] = Object.entries(evalCache ?? {}).map(([key, result], seq) => ({
      runId: old.runId,
      seq,
      key,
      result,
    }));
    const record: HeadRecord = {
      runId: old.runId,
      head: { ...rest, cacheEnabled: evalCache !== null, cacheCount: entries.length },
    };
    write(heads.put(record), ...entries.map((e) => cache.put(e)));
    headBytes.set(old.runId, approxBytes(record.head) + entries.reduce((n, e) => n + approxBytes(e), 0));
  }
  for (const run of await runs.getAll()) {
    let bytes = runRecordBytes(run) + (headBytes.get(run.id) ?? 0);
    for (const row of await candidates.getAll(runRange(run.id))) bytes += approxBytes(row);
    write(runs.put({ ...run, bytes }));
  }
  await Promise.all(writes);
}

const MIGRATIONS: Record<number, Migration> = { 1: toV1, 2: toV2 };

export interface OpenDbHooks {
  /** another connection wants a newer version or to delete the database: this one must close */
  onVersionChange?: () => void;
  /** the browser closed the connection abnormally */
  onTerminated?: () => void;
}

/** Opens (creating or upgrading) the database at `version` (the current one unless a test asks). */
export async function openDb(
  name: string = DB_NAME,
  version: number = DB_VERSION,
  hooks: OpenDbHooks = {},
): Promise<StudioDb> {
  let failure: { version: number; error: unknown } | null = null;
  try {
    return await openDB<StudioDbSchema>(name, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        tx.done.catch(() => {}); // a failed upgrade is reported by the open request, below
        const target = newVersion ?? version;
        const run = async () => {
          for (let v = oldVersion + 1; v <= target; v++) {
            const step = MIGRATIONS[v];
            if (!step) throw new Error(`no migration to version ${v}`);
            try {
              const pending = step(db, tx);
              if (pending) await pending;
            } catch (error) {
              failure = { version: v, error };
              throw error;
            }
          }
        };
        run().catch(() => {
          try {
            tx.abort();
          } catch {
            // already finished or aborted: the open request fails either way
          }
        });
      },
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase | null)?.close();
        hooks.onVersionChange?.();
      },
      terminated: () => hooks.onTerminated?.(),
    });
  } catch (err) {
    const f = failure as { version: number; error: unknown } | null;
    if (!f) throw err;
    // the open request only reports an AbortError: the migration's own error is the cause worth keeping
    const reason = errorMessage(f.error);
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`upgrading the database "${name}" to version ${f.version} failed: ${reason}`, { cause: f.error });
  }
}
