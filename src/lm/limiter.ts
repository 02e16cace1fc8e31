// A concurrency limiter shared by every call to one endpoint (task LM, judge and reflection LM may all hit
// the same server), plus a run-level pause on sustained rate limiting: the client already retries each
// 429, so when several calls in a row still end rate-limited, more calls would only dig deeper — hold new
// starts for the server's Retry-After instead. Invariants: never more than `concurrency` tasks run; a queued
// call whose signal aborts leaves the queue at once and never starts.
import { LmError, type Completion, type CompletionRequest, type LanguageModel } from './types.ts';

export const DEFAULT_CONCURRENCY = 8;

export interface LimiterOptions {
  /** tasks in flight at once (default 8) */
  concurrency?: number;
  /** consecutive rate-limit failures that pause new starts (default 3; 0 turns the pause off) */
  pauseAfterRateLimits?: number;
  /** pause length when the server gave no Retry-After (default 10 s) */
  defaultPauseMs?: number;
  /** names the endpoint in errors */
  name?: string;
  /** told when a pause begins, e.g. to show "paused: rate limited" */
  onPause?: (pause: { pauseMs: number; until: number }) => void;
}

interface Waiter {
  start: () => void;
  detach: () => void;
}

export class ConcurrencyLimiter {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private concurrency: number;
  private pausedUntil = 0;
  private resumeTimer: ReturnType<typeof setTimeout> | undefined;
  private rateLimitStreak = 0;

  constructor(private readonly options: LimiterOptions = {}) {
    this.concurrency = ConcurrencyLimiter.checked(options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  private static checked(n: number): number {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${n}`);
    return n;
  }

  get inFlight(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** epoch ms until which new calls are held, or 0 */
  get pausedUntilMs(): number {
    return this.pausedUntil > Date.now() ? this.pausedUntil : 0;
  }

  setConcurrency(n: number): void {
    this.concurrency = ConcurrencyLimiter.checked(n);
    this.drain();
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.active--;
      this.drain();
    }
  }

  /** A call ended rate-limited after the client's own retries. */
  noteRateLimit(retryAfterMs?: number): void {
    this.rateLimitStreak++;
    const threshold = this.options.pauseAfterRateLimits ?? 3;
    if (threshold <= 0 || this.rateLimitStreak < threshold) return;
    this.rateLimitStreak = 0;
    const pauseMs = retryAfterMs ?? this.options.defaultPauseMs ?? 10_000;
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + pauseMs);
    this.options.onPause?.({ pauseMs, until: this.pausedUntil });
  }

  noteSuccess(): void {
    this.rateLimitStreak = 0;
  }

  private aborted(): LmError {
    const name = this.options.name ?? 'endpoint';
    return new LmError(`${name}: the call was cancelled while waiting for a free slot`, name, 'aborted');
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(this.aborted());
    if (this.queue.length === 0 && this.active < this.concurrency && !this.pausedUntilMs) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(this.aborted());
      };
      const waiter: Waiter = { start: resolve, detach: () => signal?.removeEventListener('abort', onAbort) };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.drain();
    });
  }

  private drain(): void {
    const pausedFor = this.pausedUntilMs - Date.now();
    if (pausedFor > 0) {
      if (this.queue.length > 0 && this.resumeTimer === undefined) {
        this.resumeTimer = setTimeout(() => {
          this.resumeTimer = undefined;
          this.drain();
        }, pausedFor);
      }
      return;
    }
    while (this.active < this.concurrency && this.queue.length > 0) {
      const waiter = this.queue.shift() as Waiter;
      waiter.detach();
      this.active++;
      waiter.start();
    }
  }
}

/** The same model, with every call through the limiter; feeds rate-limit outcomes back for the pause. */
export function limitedModel(model: LanguageModel, limiter: ConcurrencyLimiter): LanguageModel {
  return {
    id: model.id,
    settingsKey: model.settingsKey,
    complete: (request: CompletionRequest): Promise<Completion> =>
      limiter.run(async () => {
        try {
          const completion = await model.complete(request);
          limiter.noteSuccess();
          return completion;
        } catch (err) {
          if (err instanceof LmError && err.kind === 'rate_limit') limiter.noteRateLimit(err.retryAfterMs);
          throw err;
        }
      }, request.signal),
  };
}

/** One limiter per endpoint (normalised base URL), so every model on that endpoint shares the cap. */
export class LimiterPool {
  private readonly limiters = new Map<string, ConcurrencyLimiter>();

  constructor(private readonly defaults: Omit<LimiterOptions, 'concurrency' | 'name'> = {}) {}

  /** The endpoint's limiter; a given concurrency (the endpoint config's) updates an existing one. */
  for(baseUrl: string, concurrency?: number): ConcurrencyLimiter {
    const key = baseUrl.replace(/\/+$/, '');
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new ConcurrencyLimiter({
        ...this.defaults,
        concurrency: concurrency ?? DEFAULT_CONCURRENCY,
        name: key,
      });
      this.limiters.set(key, limiter);
    } else if (concurrency !== undefined) {
      limiter.setConcurrency(concurrency);
    }
    return limiter;
  }
}
