// The delivery queue behind every tracker: logging calls push items and return at once; one background
// loop hands the head of the queue to the backend, which sends as many items as fit one request (its
// batching). A failure never reaches the run: a transient one (network, timeout, 429, 5xx) is retried
// with exponential backoff and jitter (Retry-After honoured), an item the server rejects is set aside,
// and a fatal one (a refused token) sets everything aside. `finish` waits for the queue to drain, at most
// `finishTimeoutMs`; whatever is left then is reported as undelivered with the reason, never dropped.
// Clock, sleep and randomness are injected, so the tests drive time themselves.
// Delivery is at least once: a request the server applied but whose answer was lost is sent again.

/** How a send failed: retry it later, set these head items aside, or give up on everything. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly kind: 'retry' | 'item' | 'fatal',
    /** 'retry': the server's Retry-After, in ms */
    readonly retryAfterMs?: number,
    /** 'item': how many head items the failure concerns */
    readonly items = 1,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface DeliveryBackend<Item> {
  /**
   * Sends items from the head of the queue in one request (or a short fixed sequence of them) and resolves
   * with how many it sent (at least 1). Throws a DeliveryError; any other throw counts as a transient failure.
   */
  send(items: readonly Item[], signal: AbortSignal): Promise<number>;
}

export interface QueueTiming {
  /** after the queue goes from empty to non-empty, wait this long so items batch (0: send at once) */
  flushDelayMs: number;
  /** first backoff after a transient failure, doubling up to maxBackoffMs */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** the longest finish() waits for the queue to drain */
  finishTimeoutMs: number;
}

export const DEFAULT_TIMING: QueueTiming = {
  flushDelayMs: 1000,
  initialBackoffMs: 500,
  maxBackoffMs: 30_000,
  finishTimeoutMs: 30_000,
};

export interface QueueDeps {
  clock: () => number;
  /** resolves after ms, or early when the signal aborts (so no timer outlives the queue) */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

export const realQueueDeps: QueueDeps = {
  clock: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    }),
  random: Math.random,
};

export interface QueueOutcome<Item> {
  /** requests delivered */
  delivered: number;
  undelivered: { item: Item; error: string }[];
  /** one line per distinct problem, in order */
  problems: string[];
}

export class DeliveryQueue<Item> {
  private pending: Item[] = [];
  private readonly undelivered: { item: Item; error: string }[] = [];
  private readonly problems: string[] = [];
  private delivered = 0;
  private running = false;
  private finishing = false;
  /** set by a fatal failure or the finish deadline: nothing more is sent */
  private stopped: string | null = null;
  private lastError = '';
  private wake: () => void = () => {};
  private drainedWaiters: (() => void)[] = [];
  private readonly inFlight = new AbortController();
  private readonly timing: QueueTiming;

  constructor(
    private readonly backend: DeliveryBackend<Item>,
    timing: Partial<QueueTiming> = {},
    private readonly deps: QueueDeps = realQueueDeps,
    /** told of a new problem (first of its kind) and of delivery resuming after failures */
    private readonly onProblem: (message: string) => void = () => {},
  ) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  push(...items: Item[]): void {
    if (this.stopped !== null) {
      for (const item of items) this.undelivered.push({ item, error: this.stopped });
      return;
    }
    this.pending.push(...items);
    if (!this.running) void this.pump();
  }

  /** Items not sent yet (the head one may be in flight). */
  get size(): number {
    return this.pending.length;
  }

  /** Waits until the queue drains or finishTimeoutMs passes; what is left is undelivered. Call once. */
  async finish(): Promise<QueueOutcome<Item>> {
    this.finishing = true;
    this.wake();
    if (this.pending.length && this.stopped === null) {
      this.deadline = this.deps.clock() + this.timing.finishTimeoutMs;
      const timer = new AbortController();
      await Promise.race([
        new Promise<void>((resolve) => this.drainedWaiters.push(resolve)),
        this.deps.sleep(this.timing.finishTimeoutMs, timer.signal),
      ]);
      timer.abort();
      if (this.pending.length) {
        const why = this.lastError ? `; last error: ${this.lastError}` : '';
        this.stop(`not delivered within the ${this.timing.finishTimeoutMs / 1000} s the run waits at its end${why}`);
        this.inFlight.abort();
      }
    }
    return { delivered: this.delivered, undelivered: [...this.undelivered], problems: [...this.problems] };
  }

  private deadline = Infinity;

  private stop(reason: string): void {
    this.stopped = reason;
    for (const item of this.pending) this.undelivered.push({ item, error: reason });
    this.pending = [];
    this.wake();
    this.drained();
  }

  private drained(): void {
    for (const resolve of this.drainedWaiters.splice(0)) resolve();
  }

  /** Sleeps, cut short by finish() (flush delays) or capped by the finish deadline (backoffs). */
  private nap(ms: number): Promise<void> {
    const capped = Math.max(0, Math.min(ms, this.deadline - this.deps.clock()));
    const timer = new AbortController();
    this.wake = () => timer.abort();
    return this.deps.sleep(capped, timer.signal);
  }

  private problem(message: string): void {
    this.lastError = message;
    if (!this.problems.includes(message)) {
      this.problems.push(message);
      this.onProblem(message);
    }
  }

  private async pump(): Promise<void> {
    this.running = true;
    let attempt = 0;
    let backlog = false;
    let failing = false;
    try {
      while (this.pending.length && this.stopped === null) {
        if (!this.finishing && !backlog && this.timing.flushDelayMs > 0) await this.nap(this.timing.flushDelayMs);
        if (this.stopped !== null || !this.pending.length) break;
        try {
          const sent = await this.backend.send(this.pending, this.inFlight.signal);
          if (this.stopped !== null) break;
          this.pending.splice(0, Math.max(1, sent));
          this.delivered++;
          attempt = 0;
          backlog = this.pending.length > 0;
          if (failing) this.onProblem('delivering again');
          failing = false;
        } catch (err) {
          if (this.stopped !== null) break;
          const e = err instanceof DeliveryError ? err : new DeliveryError(String(err), 'retry');
          this.problem(e.message);
          if (e.kind === 'fatal') {
            this.stop(e.message);
            break;
          }
          if (e.kind === 'item') {
            for (const item of this.pending.splice(0, Math.max(1, e.items))) {
              this.undelivered.push({ item, error: e.message });
            }
            backlog = this.pending.length > 0;
            continue;
          }
          failing = true;
          const backoff = Math.min(this.timing.maxBackoffMs, this.timing.initialBackoffMs * 2 ** attempt);
          attempt++;
          // full jitter around the backoff (0.5–1.5×), or the server's own Retry-After when it gave one
          const wait = e.retryAfterMs ?? backoff * (0.5 + this.deps.random());
          if (this.deadline - this.deps.clock() <= 0) break;
          await this.nap(wait);
          backlog = true;
        }
      }
    } finally {
      this.running = false;
      if (!this.pending.length) this.drained();
      // items pushed while the last send was settling, or a retry cut short by the deadline: go again
      else if (this.stopped === null && this.deadline - this.deps.clock() > 0) void this.pump();
    }
  }
}
