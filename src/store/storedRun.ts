// A stored run as the history and the run views show it. A record that says running or paused while no
// tab drives the run was left behind by a closed or reloaded tab: it shows as interrupted (and can be
// resumed). Its views are folded from its event log exactly as a live run's are from the worker's events.
import type { RunRecord } from '../storage/types.ts';
import type { StoredRunStatus } from '../run/recordSummary.ts';
import type { RunEvent } from '../run/runEvent.ts';
import { lastOfType, replayableEvents } from '../run/eventLog.ts';
import { emptyRun, reduceEvents } from './runStore.ts';
import type { RunData } from './runStore.ts';

/** Who drives a stored run right now. */
export type Driver = 'this-tab' | 'other-tab' | null;

export interface HistoryRow {
  record: RunRecord;
  status: StoredRunStatus;
  driver: Driver;
}

export function shownStatus(record: Pick<RunRecord, 'status'>, driver: Driver): StoredRunStatus {
  return (record.status === 'running' || record.status === 'paused') && driver === null ? 'interrupted' : record.status;
}

/** Newest first, with the status to show and who drives each run. */
export function historyRows(
  records: readonly RunRecord[],
  driven: ReadonlySet<string>,
  thisTabRunId: string | null,
): HistoryRow[] {
  return [...records]
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((record) => {
      const driver: Driver = record.id === thisTabRunId ? 'this-tab' : driven.has(record.id) ? 'other-tab' : null;
      return { record, status: shownStatus(record, driver), driver };
    });
}

/**
 * The run's views from its log, read-only. `status` is what the history shows for a stored run; null
 * for a run another tab drives, whose status is the latest its events tell (it goes on changing live).
 */
export function storedRunView(record: RunRecord, log: readonly RunEvent[], status: StoredRunStatus | null): RunData {
  const base: RunData = {
    ...emptyRun(),
    runId: record.id,
    config: record.config,
    readOnly: true,
    readOnlySource: status === null ? 'other-tab' : 'stored',
    startedAt: record.createdAt,
  };
  const events = replayableEvents(log);
  const folded = { ...base, ...reduceEvents(base, events) };
  if (status === null) return folded;
  const ended = status !== 'running' && status !== 'paused';
  const message =
    status === 'interrupted'
      ? interruptedMessage(lastOfType(events, 'checkpoint')?.iteration ?? null)
      : record.statusMessage || folded.statusMessage;
  // a stored run is not being driven: whatever its log last had in flight is not any more
  return { ...folded, status, statusMessage: message, endedAt: ended ? record.updatedAt : null, inFlight: null };
}

export function interruptedMessage(checkpoint: number | null): string {
  const from =
    checkpoint === null ? 'it starts over (no iteration was saved)' : `it continues after iteration ${checkpoint}`;
  return `interrupted: the tab that drove this run was closed or reloaded. Resume it from History: ${from}.`;
}
