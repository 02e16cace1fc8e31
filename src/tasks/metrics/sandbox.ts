// One worker running the user's metric, one call at a time. Every exchange has a deadline: on a
// timeout, a crash or an abort the worker is terminated and dropped, and the next call starts a fresh
// one, so a hung metric costs one failed example and never stalls the run.
import type { StepTrace } from '../types.ts';
import { CUSTOM_METRIC_WORKER_SOURCE } from './customMetricWorkerSource.ts';
import type { FromWorker, MetricWorker, MetricWorkerFactory, ToWorker } from './metricWorker.ts';
import { errorMessage } from '../../engine/index.ts';

export type Outcome =
  | { kind: 'value'; valueType: string; value: unknown }
  | { kind: 'failed'; message: string }
  | { kind: 'compile_error'; message: string }
  | { kind: 'timeout' }
  | { kind: 'crashed'; message: string }
  | { kind: 'aborted' };

// Starting a worker (a fresh JS engine) is not the user's code being slow: it gets this much grace
// on top of the time limit before the code's own evaluation is cut off.
const STARTUP_GRACE_MS = 5_000;

export class Sandbox {
  private worker: MetricWorker | null = null;
  private nextId = 1;

  constructor(
    private readonly code: string,
    private readonly factory: MetricWorkerFactory,
    private readonly timeoutMs: number,
  ) {}

  /** Starts the worker and compiles the code; a compile error is an outcome, not a throw. */
  async start(signal?: AbortSignal): Promise<Outcome | null> {
    if (this.worker) return null;
    try {
      this.worker = this.factory(CUSTOM_METRIC_WORKER_SOURCE);
    } catch (err) {
      return {
        kind: 'crashed',
        message: `could not start a worker (${errorMessage(err)})`,
      };
    }
    const reply = await this.exchange(
      { type: 'init', code: this.code },
      () => true,
      this.timeoutMs + STARTUP_GRACE_MS,
      signal,
    );
    if (reply.kind === 'value') return null;
    this.stop();
    return reply;
  }

  async run(
    example: Record<string, unknown>,
    output: string,
    trace: StepTrace[],
    signal?: AbortSignal,
  ): Promise<Outcome> {
    const failedStart = await this.start(signal);
    if (failedStart) return failedStart;
    const id = this.nextId++;
    const outcome = await this.exchange(
      { type: 'run', id, example, output, trace },
      (m) => 'id' in m && m.id === id,
      this.timeoutMs,
      signal,
    );
    if (outcome.kind === 'timeout' || outcome.kind === 'crashed' || outcome.kind === 'aborted') this.stop();
    return outcome;
  }

  stop(): void {
    if (!this.worker) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = null;
  }

  private exchange(
    message: ToWorker,
    isReply: (m: FromWorker) => boolean,
    limitMs: number,
    signal?: AbortSignal,
  ): Promise<Outcome> {
    const worker = this.worker as MetricWorker;
    return new Promise<Outcome>((resolve) => {
      const finish = (outcome: Outcome) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        worker.onmessage = null;
        worker.onerror = null;
        resolve(outcome);
      };
      const onAbort = () => finish({ kind: 'aborted' });
      const timer = setTimeout(() => finish({ kind: 'timeout' }), limitMs);
      if (signal?.aborted) return finish({ kind: 'aborted' });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = (event) => {
        const reply = event.data as FromWorker;
        if (!isReply(reply)) return;
        if (reply.type === 'ready') finish({ kind: 'value', valueType: 'undefined', value: undefined });
        else if (reply.type === 'compile_error') finish({ kind: 'compile_error', message: reply.message });
        else if (reply.type === 'done') finish({ kind: 'value', valueType: reply.valueType, value: reply.value });
        else finish({ kind: 'failed', message: reply.message });
      };
      worker.onerror = (event) => finish({ kind: 'crashed', message: event.message || 'unknown error' });
      try {
        worker.postMessage(message);
      } catch (err) {
        // e.g. a value in the example that cannot be cloned: this call fails, the worker is fine
        finish({
          kind: 'failed',
          message: `could not send the example to the metric's worker (${errorMessage(err)})`,
        });
      }
    });
  }
}
