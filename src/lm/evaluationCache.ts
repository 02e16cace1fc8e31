// The LM-level evaluation cache: the same messages to a model with the same settings are paid for once.
// A candidate's text and an example's fields both end up in the messages, so this also means "the same
// candidate on the same example is never evaluated twice" — across resumes too, once the store is
// IndexedDB. Concurrent identical calls share one request. Invariants: only successful completions are
// stored; exactly one caller receives a fresh (paid) completion per request made, every other caller
// gets `cached: true`, so a UsageMeter wrapped around this counts each paid call once.
import { LmError, type Completion, type CompletionRequest, type LanguageModel, type TokenUsage } from './types.ts';

export interface CachedEntry {
  text: string;
  usage: TokenUsage;
  model: string;
}

/** Async so IndexedDB (src/storage/) can back it; the in-memory store below serves tests and the CLI. */
export interface CacheStore {
  get(key: string): Promise<CachedEntry | undefined>;
  set(key: string, entry: CachedEntry): Promise<void>;
}

export class MemoryCacheStore implements CacheStore {
  private readonly entries = new Map<string, CachedEntry>();

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<CachedEntry | undefined> {
    const e = this.entries.get(key);
    return e && { ...e, usage: { ...e.usage } };
  }

  async set(key: string, entry: CachedEntry): Promise<void> {
    this.entries.set(key, { ...entry, usage: { ...entry.usage } });
  }
}

/**
 * Everything that changes the answer: the model's settings, this call's overrides, and the messages.
 * The full text, not a hash: a hash collision would silently serve another example's answer.
 */
export function cacheKey(settingsKey: string, request: CompletionRequest): string {
  return JSON.stringify([
    settingsKey,
    request.temperature ?? null,
    request.maxTokens ?? null,
    request.messages.map((m) => [m.role, m.content]),
  ]);
}

export interface CacheStats {
  /** calls served without paying: stored answers plus calls that joined an identical one in flight */
  hits: number;
  /** of the hits, those that joined a call in flight */
  sharedInFlight: number;
  /** calls that went to the model */
  misses: number;
  /** what the hits would have cost, at the pricing's prices */
  savedUsd: number;
  /** store reads or writes that failed (the call still went through) */
  storeErrors: number;
}

export interface CachedModelOptions {
  /** prices the hits (a UsageMeter fits); without it savedUsd stays 0 */
  pricing?: { costOf(lmId: string, usage: TokenUsage): number };
}

export interface CachedLanguageModel extends LanguageModel {
  stats(): CacheStats;
}

type Outcome = { fresh: boolean; entry: CachedEntry; latencyMs: number };

interface Flight {
  outcome: Promise<Outcome>;
  controller: AbortController;
  waiters: number;
  /** a fresh result has been handed to one caller as paid */
  claimed: boolean;
}

export function cachedModel(
  model: LanguageModel,
  store: CacheStore,
  options: CachedModelOptions = {},
): CachedLanguageModel {
  const stats: CacheStats = { hits: 0, sharedInFlight: 0, misses: 0, savedUsd: 0, storeErrors: 0 };
  const flights = new Map<string, Flight>();
  const aborted = () => new LmError(`${model.id}: the call was cancelled`, model.id, 'aborted');

  const fly = (key: string, request: CompletionRequest): Flight => {
    const controller = new AbortController();
    const outcome = (async (): Promise<Outcome> => {
      const started = performance.now();
      const stored = await store.get(key).catch(() => {
        stats.storeErrors++;
        return undefined;
      });
      if (stored) return { fresh: false, entry: stored, latencyMs: performance.now() - started };
      stats.misses++;
      const c = await model.complete({ ...request, signal: controller.signal });
      const entry = { text: c.text, usage: c.usage, model: c.model };
      await store.set(key, entry).catch(() => {
        stats.storeErrors++;
      });
      return { fresh: true, entry, latencyMs: c.latencyMs };
    })();
    const flight: Flight = { outcome, controller, waiters: 0, claimed: false };
    // the flight is over once settled: a failure is not cached, so the next identical call tries again
    const land = () => {
      if (flights.get(key) === flight) flights.delete(key);
    };
    void outcome.then(land, land);
    return flight;
  };

  const complete = async (request: CompletionRequest): Promise<Completion> => {
    const signal = request.signal;
    if (signal?.aborted) throw aborted();
    const key = cacheKey(model.settingsKey, request);
    let flight = flights.get(key);
    const joined = flight !== undefined;
    if (!flight) {
      flight = fly(key, request);
      flights.set(key, flight);
    }
    const f = flight;
    f.waiters++;
    let onAbort: (() => void) | undefined;
    const abandoned = new Promise<never>((_, reject) => {
      onAbort = () => {
        // the shared request is cancelled only when nobody is left waiting for it; later callers start afresh
        if (--f.waiters === 0) {
          if (flights.get(key) === f) flights.delete(key);
          f.controller.abort();
        }
        reject(aborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    let outcome: Outcome;
    try {
      outcome = await Promise.race([f.outcome, abandoned]);
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
    const paid = outcome.fresh && !f.claimed;
    if (paid) {
      f.claimed = true;
    } else {
      stats.hits++;
      if (joined) stats.sharedInFlight++;
      stats.savedUsd += options.pricing?.costOf(model.id, outcome.entry.usage) ?? 0;
    }
    return {
      text: outcome.entry.text,
      usage: { ...outcome.entry.usage },
      latencyMs: outcome.latencyMs,
      model: outcome.entry.model,
      ...(paid ? {} : { cached: true }),
    };
  };

  return { id: model.id, settingsKey: model.settingsKey, complete, stats: () => ({ ...stats }) };
}
