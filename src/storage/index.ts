// Public surface of the storage layer: the one place that opens IndexedDB. The worker writes
// checkpoints, events and the cache through a repository; the main thread lists, deletes and reads
// runs through another one on the same database.
import { IndexedDbRunRepository } from './indexedDbRunRepository.ts';

export type { RunRecord, RunRepository } from './types.ts';
export { StorageQuotaError } from './types.ts';
export { IndexedDbRunRepository } from './indexedDbRunRepository.ts';
export { IndexedDbCacheStore } from './indexedDbCacheStore.ts';
export { estimateStorage, isQuotaError, requestPersistentStorage, toStorageError } from './quota.ts';
export type { StorageEstimateResult } from './quota.ts';
export { DB_NAME, DB_VERSION, STORES } from './schema.ts';

/** A repository on the studio's database (or on `dbName`, for tests); the connection opens on first use. */
export function createRunRepository(dbName?: string): IndexedDbRunRepository {
  return new IndexedDbRunRepository(dbName);
}
