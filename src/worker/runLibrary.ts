// The UI thread's access to the stored runs (the history page, following a run another tab drives,
// exporting a stored run): list and read them, delete one, keep an imported run, and the origin's storage
// figures. A run's own writes come from the worker that drives it; this side only reads, deletes, adds a
// finished run from an export file (no worker drives it) and tells other tabs.
import { createRunRepository, estimateStorage, requestPersistentStorage } from '../storage/index.ts';
import type { RunRecord, RunRepository } from '../storage/types.ts';
import type { RunEvent } from '../run/runEvent.ts';
import { openRunsChannel } from './runChannel.ts';
import type { RunsChannel } from './runChannel.ts';

export interface StorageFigures {
  /** bytes this origin uses and may use, as the browser estimates them (null when it will not say) */
  usage: number | null;
  quota: number | null;
  /** the browser keeps this origin's data under storage pressure (null when it will not say) */
  persisted: boolean | null;
}

export interface RunLibrary {
  list(): Promise<RunRecord[]>;
  get(runId: string): Promise<RunRecord | undefined>;
  events(runId: string): Promise<RunEvent[]>;
  /** stores a run no worker drives (an imported export) as its record and event log, and tells other tabs */
  keep(record: RunRecord, events: RunEvent[]): Promise<void>;
  /** deletes the run (record, checkpoint, log) and tells other tabs */
  remove(runId: string): Promise<void>;
  figures(): Promise<StorageFigures>;
  /** asks the browser to keep this origin's data; true when it will */
  persist(): Promise<boolean>;
  channel: RunsChannel;
}

let library: RunLibrary | null = null;

export function runLibrary(): RunLibrary {
  if (library) return library;
  let repository: Promise<RunRepository> | null = null;
  const repo = () => (repository ??= Promise.resolve().then(() => createRunRepository()));
  const channel = openRunsChannel();
  library = {
    list: async () => (await repo()).listRuns(),
    get: async (runId) => (await repo()).getRun(runId),
    events: async (runId) => (await repo()).loadEvents(runId),
    keep: async (record, events) => {
      const r = await repo();
      await r.createRun(record);
      // a record without its log would list a run that shows nothing: all or none
      await r.appendEvents(record.id, events).catch(async (err: unknown) => {
        await r.deleteRun(record.id).catch(() => undefined);
        throw err;
      });
      channel.post({ kind: 'record', runId: record.id });
    },
    remove: async (runId) => {
      await (await repo()).deleteRun(runId);
      channel.post({ kind: 'record', runId });
    },
    figures: async () => {
      const [estimate, persisted] = await Promise.all([
        estimateStorage(),
        globalThis.navigator?.storage?.persisted?.().catch(() => undefined),
      ]);
      return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted: persisted ?? null };
    },
    persist: () =>
      Promise.resolve()
        .then(() => requestPersistentStorage())
        .catch(() => false),
    channel,
  };
  return library;
}
