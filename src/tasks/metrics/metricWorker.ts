// The sandbox's view of a worker: the subset of the browser's `Worker` that the custom metric uses, so
// the browser passes `new Worker(blobUrl)` as is and Node adapts `worker_threads` to the same shape
// (src/cli/nodeMetricWorker.ts). The tasks folder itself never touches a platform API.
import type { StepTrace } from '../types.ts';

// Method-style parameter checking (bivariant), so the DOM's Worker, whose handlers take a
// MessageEvent / ErrorEvent, is assignable to this interface without a wrapper.
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

export interface MetricWorker {
  postMessage(message: unknown): void;
  onmessage: Handler<{ data: unknown }> | null;
  onerror: Handler<{ message: string }> | null;
  terminate(): void;
}

/** Starts a worker running `source`, the script from customMetricWorkerSource.ts. */
export type MetricWorkerFactory = (source: string) => MetricWorker;

export type ToWorker =
  | { type: 'init'; code: string }
  | { type: 'run'; id: number; example: Record<string, unknown>; output: string; trace: StepTrace[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'compile_error'; message: string }
  /** valueType: typeof the returned value, with 'null' and 'array' told apart */
  | { type: 'done'; id: number; valueType: string; value: unknown }
  | { type: 'failed'; id: number; message: string };
