// The engine thread: runs one GEPA run at a time (plus setup checks) behind a Comlink-exposed API.
// Events leave in batches about once per frame; the last batch is sent before start() returns.
import * as Comlink from 'comlink';
import { createEventBatcher } from './eventBatcher.ts';
import { RunController } from './runController.ts';
import { browserMetricWorkerFactory } from './browserMetricWorker.ts';
import { testConnection } from './connectionTest.ts';
import { runMetricTrials } from './metricTrial.ts';
import type { WorkerApi } from './protocol.ts';

let current: RunController | null = null;

const api: WorkerApi = {
  async start(request, onEvents) {
    if (current?.active) throw new Error('A run is already in progress; stop it before starting another.');
    const batcher = createEventBatcher((events) => void onEvents(events));
    const controller = new RunController((e) => batcher.push(e), { workerFactory: browserMetricWorkerFactory });
    current = controller;
    try {
      await controller.start(request);
    } finally {
      batcher.flush();
    }
  },
  pause: () => current?.pause(),
  resume: () => current?.resume(),
  stop: () => current?.stop(),
  testConnection: (model, apiKey) => testConnection(model, apiKey),
  testMetric: (request) => runMetricTrials(request, { workerFactory: browserMetricWorkerFactory }),
};

Comlink.expose(api);
