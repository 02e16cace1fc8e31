// The UI thread's handle on the engine worker: spawns it on first use, wraps it with Comlink, and
// forwards run control and setup checks. Events come back through a proxied callback in batches.
// dispose() terminates the worker, which ends whatever it was doing.
import * as Comlink from 'comlink';
import type { WorkerApi } from './protocol.ts';

/** The worker's API as the UI calls it, plus dispose(). */
export interface EngineClient extends WorkerApi {
  dispose(): void;
}

export interface EngineClientOptions {
  /** the worker failed to load or threw outside any call (its calls would otherwise never answer) */
  onCrash?: (message: string) => void;
}

export function createEngineClient(options: EngineClientOptions = {}): EngineClient {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<WorkerApi> | null = null;
  const api = (): Comlink.Remote<WorkerApi> => {
    if (!remote) {
      worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('error', (e) => options.onCrash?.(e.message || 'the engine worker could not be loaded'));
      remote = Comlink.wrap<WorkerApi>(worker);
    }
    return remote;
  };
  return {
    start: (request, onEvents) => api().start(request, Comlink.proxy(onEvents)),
    pause: () => void remote?.pause(),
    resume: () => void remote?.resume(),
    stop: () => void remote?.stop(),
    testConnection: (model, apiKey) => api().testConnection(model, apiKey),
    testTracking: (target, credentials) => api().testTracking(target, credentials),
    testMetric: (request) => api().testMetric(request),
    previewReflection: (request) => api().previewReflection(request),
    dispose: () => {
      remote?.[Comlink.releaseProxy]();
      worker?.terminate();
      remote = null;
      worker = null;
    },
  };
}
