// Node's worker factory for the custom metric sandbox: runs the worker script in a worker_threads
// Worker and adapts it to the browser-like MetricWorker shape. A short prelude gives the script the
// `postMessage` / `onmessage` globals a browser worker has. The worker isolates faults (hangs, throws,
// crashes, runaway memory) from the run; it is not a security boundary against the user's own code.
import { Worker } from 'node:worker_threads';
import type { MetricWorker, MetricWorkerFactory } from '../tasks/metrics/metricWorker.ts';

const PRELUDE = `const { parentPort } = require('node:worker_threads');
globalThis.postMessage = (message) => parentPort.postMessage(message);
parentPort.on('message', (data) => { if (typeof globalThis.onmessage === 'function') globalThis.onmessage({ data }); });
`;

export interface NodeMetricWorkerOptions {
  /** heap cap per worker, so a metric that hoards memory crashes its worker, not the process */
  maxHeapMb?: number;
}

export function nodeMetricWorkerFactory(options: NodeMetricWorkerOptions = {}): MetricWorkerFactory {
  return (source: string): MetricWorker => {
    const worker = new Worker(PRELUDE + source, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256 },
    });
    // an idle metric worker must not keep the CLI process alive; pending calls hold their own timers
    worker.unref();
    let ended = false;
    const handle: MetricWorker = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => worker.postMessage(message),
      terminate: () => {
        ended = true;
        void worker.terminate();
      },
    };
    worker.on('message', (data: unknown) => handle.onmessage?.({ data }));
    // 'error' is followed by 'exit': report the first only
    worker.on('error', (err: Error) => {
      if (ended) return;
      ended = true;
      handle.onerror?.({ message: err.message });
    });
    worker.on('exit', (code: number) => {
      if (ended) return;
      ended = true;
      handle.onerror?.({ message: `the worker exited with code ${code}` });
    });
    return handle;
  };
}
