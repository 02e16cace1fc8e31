// One write is one readwrite transaction, all or nothing. The body gets its data ready before the
// transaction opens, and inside awaits only requests of that transaction (never an LM call, never a
// timer), so the transaction stays short and cannot auto-commit halfway. Any failure aborts it, so
// what was stored before stays exactly as it was; quota failures become StorageQuotaError.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { StudioDb } from './openDb.ts';
import type { StudioDbSchema } from './schema.ts';
import { toStorageError } from './quota.ts';

export type WriteTx<N extends StoreNames<StudioDbSchema>> = IDBPTransaction<StudioDbSchema, N[], 'readwrite'>;

/** Marks a request whose outcome the transaction reports: its failure aborts the transaction. */
export type Issue = (request: Promise<unknown>) => void;

const ignore = () => {};

export async function writeTransaction<N extends StoreNames<StudioDbSchema>, R>(
  db: StudioDb,
  stores: N[],
  doing: string,
  body: (tx: WriteTx<N>, issue: Issue) => Promise<R>,
): Promise<R> {
  const tx = db.transaction(stores, 'readwrite');
  const done = tx.done;
  done.catch(ignore); // awaited below; this only keeps an early failure from going unobserved
  const issue: Issue = (request) => void request.catch(ignore);
  try {
    const result = await body(tx, issue);
    await done;
    return result;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // already aborted or finished
    }
    throw toStorageError(err, doing, tx.error);
  }
}
