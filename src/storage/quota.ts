// Running out of space, and asking for more. A write the browser refuses for lack of space surfaces
// as a QuotaExceededError on the request or, once the transaction aborts, as its error (sometimes
// only as an AbortError whose transaction holds it): all of them become one StorageQuotaError with
// a message a user can act on. Writes are whole transactions, so nothing written before is lost.
import { StorageQuotaError } from './types.ts';

/** the standard name, and the one old Firefox used */
const QUOTA_NAMES = ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'];

function isQuotaLike(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as {
    name?: unknown;
    cause?: unknown;
    error?: unknown;
    target?: { error?: unknown; transaction?: { error?: unknown } | null } | null;
  };
  if (typeof e.name === 'string' && QUOTA_NAMES.includes(e.name)) return true;
  return [e.cause, e.error, e.target?.error, e.target?.transaction?.error].some(
    (inner) => inner !== err && isQuotaLike(inner, depth + 1),
  );
}

/** Whether `err` (or the transaction error that came with it) means the storage quota is exhausted. */
export function isQuotaError(err: unknown, transactionError?: unknown): boolean {
  return isQuotaLike(err) || isQuotaLike(transactionError);
}

/** A StorageQuotaError for quota failures; any other error is returned unchanged. */
export function toStorageError(err: unknown, doing: string, transactionError?: unknown): unknown {
  if (err instanceof StorageQuotaError || !isQuotaError(err, transactionError)) return err;
  const quota = new StorageQuotaError(
    `Browser storage is full: saving ${doing} was refused. Everything saved before is intact. ` +
      'Free space (delete old runs in the history, or clear other site data), then resume the run.',
  );
  quota.cause = err;
  return quota;
}

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

function storageManager(): Partial<StorageManagerLike> | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as Partial<StorageManagerLike> | undefined);
}

/**
 * Asks the browser not to evict this origin's data under storage pressure. Resolves to whether the
 * data is persistent; false where the API is missing or the browser says no (it may ask the user).
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted?.()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

export interface StorageEstimateResult {
  /** bytes this origin uses */
  usage: number;
  /** bytes this origin may use */
  quota: number;
}

/** The origin's usage and quota, or null where the browser does not tell. */
export async function estimateStorage(): Promise<StorageEstimateResult | null> {
  const storage = storageManager();
  if (!storage?.estimate) return null;
  try {
    const e = await storage.estimate();
    return typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : null;
  } catch {
    return null;
  }
}
