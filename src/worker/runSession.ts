// One run as the worker drives it, start or resume: the controller, the event batches it sends to the
// tab, and the recorder that stores the run (record, event log, a checkpoint per iteration) with the
// evaluation cache backed by the same repository, so a resumed run does not pay for cached calls again.
// A resume first sends the tab the stored events up to the checkpoint it continues from (its views are
// rebuilt from them); those are not stored again. Without a repository the run lives in memory only.
import type { RunRecord, RunRepository } from '../storage/types.ts';
import { configWithoutSecrets } from '../run/exportFormat.ts';
import type { MetricWorkerFactory } from '../tasks/metrics/index.ts';
import { createEventBatcher } from './eventBatcher.ts';
import type { RunEvent } from '../run/runEvent.ts';
import type { RunBroadcast, StartRequest } from './protocol.ts';
import { emptySummary } from '../run/recordSummary.ts';
import { RunController } from './runController.ts';
import { RunRecorder, loadStoredRun } from './runRecorder.ts';
import type { StoredRun } from './runRecorder.ts';
import { errorMessage } from '../engine/index.ts';

export interface SessionDeps {
  /** null when the browser's storage could not be opened: the run is not saved */
  repository: RunRepository | null;
  /** why there is no repository (shown in the run's log) */
  storageProblem?: string;
  workerFactory?: MetricWorkerFactory;
  broadcast?(message: RunBroadcast): void;
  /** the controller, as soon as it exists (pause, resume and stop go to it) */
  onController?(controller: RunController): void;
  /** batch interval in ms (default: about a frame) */
  batchIntervalMs?: number;
  now?(): number;
}

export function newRunRecord(request: StartRequest, now: number): RunRecord {
  const config = configWithoutSecrets(request.config);
  return {
    id: request.runId,
    name: config.name,
    config,
    status: 'running',
    statusMessage: '',
    createdAt: now,
    updatedAt: now,
    summary: emptySummary(),
    bytes: 0,
  };
}

const warning = (message: string): RunEvent => ({ type: 'log', level: 'warning', message });

/** Runs (or resumes) a run to its end; rejects only when a resume finds nothing to resume. */
export async function runSession(
  request: StartRequest,
  onEvents: (events: RunEvent[]) => void,
  deps: SessionDeps,
): Promise<void> {
  const repo = deps.repository;
  const now = deps.now ?? Date.now;
  let stored: StoredRun | undefined;
  if (request.resume) {
    if (!repo)
      throw new Error(`This run cannot be resumed: ${deps.storageProblem ?? 'the browser storage is unavailable'}.`);
    stored = await loadStoredRun(repo, request.runId);
    if (!stored)
      throw new Error(`Run ${request.runId.slice(0, 8)} is not stored in this browser (it may have been deleted).`);
    if (stored.replay.length > 0) onEvents(stored.replay);
  }
  const config = stored?.record.config ?? request.config;

  let controller: RunController | null = null;
  /** said once the run has started, so they follow its 'starting' status */
  const early: RunEvent[] = [];
  const hooks = {
    broadcast: deps.broadcast,
    now,
    onQuota: (message: string) => controller?.pauseForStorage(message),
    onError: (message: string) => batcher.push({ type: 'log', level: 'error', message: `Saving the run: ${message}` }),
  };
  let recorder: RunRecorder | null = null;
  if (repo && stored) {
    recorder = RunRecorder.reopen(repo, stored, hooks);
  } else if (repo) {
    try {
      recorder = await RunRecorder.create(repo, newRunRecord({ ...request, config }, now()), hooks);
    } catch (err) {
      early.push(
        warning(`This run is not being saved (${errorMessage(err)}): it cannot be resumed after the tab closes.`),
      );
    }
  } else {
    early.push(
      warning(
        `This run is not being saved (${deps.storageProblem ?? 'the browser storage is unavailable'}): ` +
          'it cannot be resumed after the tab closes.',
      ),
    );
  }

  const batcher = createEventBatcher(
    (events) => {
      recorder?.append(events);
      onEvents(events);
    },
    deps.batchIntervalMs === undefined ? {} : { intervalMs: deps.batchIntervalMs },
  );
  const rec = recorder;
  controller = new RunController((e) => batcher.push(e), {
    workerFactory: deps.workerFactory,
    ...(repo ? { cacheStore: repo.cacheStore() } : {}),
    ...(rec
      ? {
          persistence: {
            checkpoint: async (state, info) => {
              // the marker just emitted goes to the log before the checkpoint is written
              batcher.flush();
              await rec.checkpoint(state, info);
            },
          },
        }
      : {}),
  });
  deps.onController?.(controller);
  try {
    const starting = controller.start({ ...request, config }, stored?.resume);
    for (const e of early) batcher.push(e);
    await starting;
  } finally {
    batcher.flush();
    if (rec && !(await rec.close()))
      onEvents([
        {
          type: 'log',
          level: 'error',
          message: 'The end of this run could not be saved; after a reload it shows as interrupted and can be resumed.',
        },
      ]);
  }
}
