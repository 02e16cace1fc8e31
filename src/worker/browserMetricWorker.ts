// The custom metric's sandbox in the browser: a dedicated worker started from the sandbox script as a
// blob URL (nested inside the engine worker). The URL is released once the worker has loaded the
// script (its first message or error), so a long run does not accumulate blob URLs.
import type { MetricWorkerFactory } from '../tasks/metrics/index.ts';

export const browserMetricWorkerFactory: MetricWorkerFactory = (source) => {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const release = () => URL.revokeObjectURL(url);
  worker.addEventListener('message', release, { once: true });
  worker.addEventListener('error', release, { once: true });
  return worker;
};
