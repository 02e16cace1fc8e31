// The engine thread: runs one GEPA run at a time (plus setup checks) behind a Comlink-exposed API.
// Events leave in batches about once per frame; the last batch is sent before start() returns. Each
// run is stored as it goes (record, event log, a checkpoint per iteration, the evaluation cache) and is
// driven under its Web Lock, so no other tab can drive it at the same time; what is stored is posted
// on the 'gepa-runs' channel for tabs that follow the run.
import * as Comlink from 'comlink';
import { createRunRepository } from '../storage/index.ts';
import type { RunRepository } from '../storage/types.ts';
import type { RunController } from './runController.ts';
import { runSession } from './runSession.ts';
import { withRunLock } from './runLocks.ts';
import { openRunsChannel } from './runChannel.ts';
import { browserMetricWorkerFactory } from './browserMetricWorker.ts';
import { testConnection } from './connectionTest.ts';
import { runMetricTrials } from './metricTrial.ts';
import { previewReflection } from './reflectionPreview.ts';
import { testTracking } from './trackingTest.ts';
import type { WorkerApi } from './protocol.ts';
import { errorMessage } from '../engine/index.ts';

let current: RunController | null = null;
type Storage = { repository: RunRepository; problem?: undefined } | { repository: null; problem: string };
let storage: Promise<Storage> | null = null;
const channel = openRunsChannel();

/** Opened on the first run; a browser without usable IndexedDB still runs, unsaved. */
const openStorage = (): Promise<Storage> =>
  (storage ??= Promise.resolve()
    .then(() => createRunRepository())
    .then(
      (repository): Storage => ({ repository }),
      (err: unknown): Storage => ({
        repository: null,
        problem: `the browser storage could not be opened: ${errorMessage(err)}`,
      }),
    ));

const api: WorkerApi = {
  async start(request, onEvents) {
    if (current?.active) throw new Error('A run is already in progress; stop it before starting another.');
    const { repository, problem } = await openStorage();
    await withRunLock(request.runId, () =>
      runSession(request, (events) => void onEvents(events), {
        repository,
        ...(problem ? { storageProblem: problem } : {}),
        workerFactory: browserMetricWorkerFactory,
        broadcast: (message) => channel.post(message),
        onController: (controller) => (current = controller),
      }),
    );
  },
  pause: () => current?.pause(),
  resume: () => current?.resume(),
  stop: () => current?.stop(),
  testConnection: (model, apiKey) => testConnection(model, apiKey),
  testTracking: (target, credentials) => testTracking(target, credentials),
  testMetric: (request) => runMetricTrials(request, { workerFactory: browserMetricWorkerFactory }),
  previewReflection: (request) => previewReflection(request, { workerFactory: browserMetricWorkerFactory }),
};

Comlink.expose(api);
