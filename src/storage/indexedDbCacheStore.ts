// The LM evaluation cache (src/lm/evaluationCache.ts) backed by IndexedDB, shared by every run and
// every resume: an answer paid for once is never paid for again, also after a reload. One short
// transaction per call; the caller (cachedModel) already treats a failed read or write as a miss.
import type { CacheStore, CachedEntry } from '../lm/evaluationCache.ts';
import type { StudioDb } from './openDb.ts';
import { STORES } from './schema.ts';
import { writeTransaction } from './transaction.ts';

export class IndexedDbCacheStore implements CacheStore {
  constructor(private readonly db: () => Promise<StudioDb>) {}

  async get(key: string): Promise<CachedEntry | undefined> {
    return (await this.db()).get(STORES.lmCache, key);
  }

  async set(key: string, entry: CachedEntry): Promise<void> {
    const value: CachedEntry = { text: entry.text, usage: { ...entry.usage }, model: entry.model };
    await writeTransaction(
      await this.db(),
      [STORES.lmCache],
      'an LM answer to the evaluation cache',
      async (tx, issue) => {
        issue(tx.objectStore(STORES.lmCache).put(value, key));
      },
    );
  }
}
