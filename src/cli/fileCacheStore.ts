// The evaluation cache on disk, so a resumed run never pays twice for a call an earlier session made.
// One JSON line per stored completion, appended as it arrives; read once, on first use. A torn last
// line (the process was killed mid-write) is skipped: that completion is simply paid for again.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { CacheStore, CachedEntry } from '../lm/evaluationCache.ts';

export class FileCacheStore implements CacheStore {
  private entries: Map<string, CachedEntry> | null = null;

  constructor(readonly file: string) {}

  private load(): Map<string, CachedEntry> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const { k, e } = JSON.parse(line) as { k: string; e: CachedEntry };
          if (typeof k === 'string' && typeof e?.text === 'string') this.entries.set(k, e);
        } catch {
          // a torn line: skip it
        }
      }
    }
    return this.entries;
  }

  get size(): number {
    return this.load().size;
  }

  async get(key: string): Promise<CachedEntry | undefined> {
    const e = this.load().get(key);
    return e && { ...e, usage: { ...e.usage } };
  }

  async set(key: string, entry: CachedEntry): Promise<void> {
    const copy = { ...entry, usage: { ...entry.usage } };
    this.load().set(key, copy);
    appendFileSync(this.file, JSON.stringify({ k: key, e: copy }) + '\n');
  }
}
