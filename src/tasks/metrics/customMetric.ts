// Custom JavaScript metric `(example, output, trace) => number | { score, feedback?, objectives?, steps? }`
// (possibly async), run in sandboxed workers with a time limit. The code is compiled once, at
// creation, so a syntax error is reported there; at run time every failure (throw, timeout, bad
// return value, crash) becomes score 0 with the reason as feedback. Only the caller's abort rejects.
import type { Example, Metric, MetricResult, StepTrace } from '../types.ts';
import { normalizeCustomResult } from './customResult.ts';
import type { MetricWorkerFactory } from './metricWorker.ts';
import { Sandbox, type Outcome } from './sandbox.ts';

export interface CustomMetricOptions {
  workerFactory: MetricWorkerFactory;
  /** time limit per call (default 5 000 ms) */
  timeoutMs?: number;
  /** workers running calls in parallel (default 4); started on demand */
  concurrency?: number;
}

export type CompiledCustomMetric = { ok: true; metric: Metric; dispose: () => void } | { ok: false; error: string };

export const DEFAULT_CUSTOM_METRIC_TIMEOUT_MS = 5_000;

const failure = (why: string): MetricResult => ({
  score: 0,
  feedback: `The custom metric failed, so this output was not graded: ${why}.`,
});

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Hands idle sandboxes to calls; starts another (up to the limit) rather than queueing when all are busy. */
class SandboxPool {
  private readonly idle: Sandbox[] = [];
  private readonly waiting: ((s: Sandbox | 'disposed') => void)[] = [];
  private size = 0;
  private disposed = false;

  constructor(
    private readonly make: () => Sandbox,
    private readonly limit: number,
    first: Sandbox,
  ) {
    this.idle.push(first);
    this.size = 1;
  }

  acquire(signal?: AbortSignal): Promise<Sandbox | 'aborted' | 'disposed'> {
    if (this.disposed) return Promise.resolve('disposed');
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.size < this.limit) {
      this.size++;
      return Promise.resolve(this.make());
    }
    return new Promise((resolve) => {
      const take = (s: Sandbox | 'disposed') => {
        signal?.removeEventListener('abort', onAbort);
        resolve(s);
      };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(take), 1);
        resolve('aborted');
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(take);
    });
  }

  release(s: Sandbox): void {
    if (this.disposed) return s.stop();
    const next = this.waiting.shift();
    if (next) next(s);
    else this.idle.push(s);
  }

  /** Stops idle workers now and busy ones as their call ends; queued calls get 'disposed'. */
  dispose(): void {
    this.disposed = true;
    for (const s of this.idle) s.stop();
    this.idle.length = 0;
    for (const take of this.waiting.splice(0)) take('disposed');
  }
}

function toResult(outcome: Outcome, example: Example, trace: StepTrace[], timeoutMs: number): MetricResult {
  switch (outcome.kind) {
    case 'value': {
      const steps = trace.map((s) => s.step);
      const result = normalizeCustomResult(outcome.valueType, outcome.value, example, steps);
      return typeof result === 'string' ? failure(result) : result;
    }
    case 'failed':
      return failure(outcome.message);
    case 'compile_error':
      return failure(`the code does not compile (${outcome.message})`);
    case 'timeout':
      return failure(
        `it did not finish within the ${timeoutMs} ms time limit ` +
          '(an infinite loop, or a promise that never settles?) and was stopped',
      );
    case 'crashed':
      return failure(`its worker crashed (${outcome.message})`);
    case 'aborted':
      return failure('the run was stopped');
  }
}

function startupError(outcome: Outcome, timeoutMs: number): string {
  if (outcome.kind === 'compile_error') return `the code does not compile: ${outcome.message}`;
  if (outcome.kind === 'timeout') return `evaluating the code did not finish within the ${timeoutMs} ms time limit`;
  if (outcome.kind === 'crashed') return `the metric's worker crashed while loading the code (${outcome.message})`;
  return `the metric could not be loaded (${outcome.kind})`;
}

/** Compiles the code in a first worker; `{ ok: false, error }` names the problem (e.g. a syntax error). */
export async function compileCustomMetric(code: string, options: CustomMetricOptions): Promise<CompiledCustomMetric> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CUSTOM_METRIC_TIMEOUT_MS;
  const make = () => new Sandbox(code, options.workerFactory, timeoutMs);
  const first = make();
  const startup = await first.start();
  if (startup) return { ok: false, error: startupError(startup, timeoutMs) };
  const pool = new SandboxPool(make, Math.max(1, options.concurrency ?? 4), first);
  const metric: Metric = async (example: Example, output: string, trace: StepTrace[], signal?: AbortSignal) => {
    const sandbox = await pool.acquire(signal);
    if (sandbox === 'aborted') throw abortError(signal as AbortSignal);
    if (sandbox === 'disposed') return failure('the metric was shut down before this call ran');
    try {
      const outcome = await sandbox.run(example, output, trace, signal);
      if (outcome.kind === 'aborted' && signal) throw abortError(signal);
      return toResult(outcome, example, trace, timeoutMs);
    } finally {
      pool.release(sandbox);
    }
  };
  return { ok: true, metric, dispose: () => pool.dispose() };
}
