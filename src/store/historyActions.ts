// What the history page does: read the stored runs (and keep the list current while it is shown), open
// a stored run read-only — live when another tab drives it —, duplicate its config into the setup,
// delete it, export it. Resuming is in actions.ts, next to starting, since both hand a run to the worker.
import type { RunEvent, RunStatus } from '../run/runEvent.ts';
import { runLibrary } from '../worker/runLibrary.ts';
import type { RunBroadcast } from '../worker/protocol.ts';
import { drivenRunIds, whenRunReleased } from '../worker/runLocks.ts';
import { runExportFile, runReportFile, saveFile } from './actions.ts';
import { useHistoryStore } from './historyStore.ts';
import { useRunStore } from './runStore.ts';
import { useSetupStore } from './setupStore.ts';
import { useUiStore } from './uiStore.ts';
import { historyRows, shownStatus, storedRunView } from './storedRun.ts';
import type { Driver } from './storedRun.ts';
import { errorMessage } from '../engine/index.ts';

const LIVE: RunStatus[] = ['starting', 'running', 'pausing', 'paused', 'stopping'];

/** The run this tab's worker drives, if any. */
function thisTabRunId(): string | null {
  const run = useRunStore.getState();
  return !run.readOnly && LIVE.includes(run.status) ? run.runId : null;
}

/** Who drives the run now: this tab's worker, another tab, or none. */
export async function driverOf(runId: string): Promise<Driver> {
  if (thisTabRunId() === runId) return 'this-tab';
  return (await drivenRunIds()).has(runId) ? 'other-tab' : null;
}

let generation = 0;

/** Reads the stored runs, who drives them and the storage figures; the latest call wins. */
export async function refreshHistory(): Promise<void> {
  const mine = ++generation;
  const lib = runLibrary();
  try {
    const [records, driven, figures] = await Promise.all([lib.list(), drivenRunIds(), lib.figures()]);
    if (mine === generation)
      useHistoryStore.setState({
        rows: historyRows(records, driven, thisTabRunId()),
        loaded: true,
        error: null,
        figures,
      });
  } catch (err) {
    if (mine === generation)
      useHistoryStore.setState({ loaded: true, error: `The stored runs could not be read: ${errorMessage(err)}` });
  }
}

/**
 * Keeps the history current while it is shown: on record changes other tabs (and this tab's worker)
 * post, on this tab's run changing status, when a run another tab drove is let go (finished there, or
 * that tab closed: then it shows as interrupted), and when the page becomes visible. Returns the stop.
 */
export function watchHistory(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refreshHistory(), 150);
  };
  const offChannel = runLibrary().channel.listen((m) => m.kind === 'record' && soon());
  const offRun = useRunStore.subscribe((s, prev) => s.status !== prev.status && soon());
  const waits = new Map<string, AbortController>();
  const offRows = useHistoryStore.subscribe(({ rows }) => {
    const elsewhere = new Set(rows.filter((r) => r.driver === 'other-tab').map((r) => r.record.id));
    for (const [id, ctrl] of waits) {
      if (elsewhere.has(id)) continue;
      ctrl.abort();
      waits.delete(id);
    }
    for (const id of elsewhere) {
      if (waits.has(id)) continue;
      const ctrl = new AbortController();
      waits.set(id, ctrl);
      void whenRunReleased(id, ctrl.signal).then(() => {
        waits.delete(id);
        soon();
      });
    }
  });
  const onVisible = () => document.visibilityState === 'visible' && soon();
  document.addEventListener('visibilitychange', onVisible);
  void refreshHistory();
  return () => {
    clearTimeout(timer);
    offChannel();
    offRun();
    offRows();
    for (const ctrl of waits.values()) ctrl.abort();
    document.removeEventListener('visibilitychange', onVisible);
  };
}

function showRunView(): void {
  useUiStore.getState().openRunOverview();
}

let stopFollowing: (() => void) | null = null;

/**
 * Applies the events the driving tab posts to the shown (read-only) run, in log order: `seq` says where
 * each batch starts, so a batch the loaded log already held is skipped and a gap (or a resume marker,
 * which rewrites the views) reloads the run. When the driving tab lets go, the run is shown as stored.
 */
function follow(
  runId: string,
  logLength: number,
  buffered: RunBroadcast[],
  listen: (fn: (m: RunBroadcast) => void) => () => void,
): void {
  let seq = logLength;
  const ctrl = new AbortController();
  const shown = () => {
    const run = useRunStore.getState();
    return run.runId === runId && run.readOnlySource === 'other-tab';
  };
  const stop = () => {
    off();
    ctrl.abort();
    if (stopFollowing === stop) stopFollowing = null;
  };
  const reload = () => {
    stop();
    void openStoredRun(runId, false).catch(() => undefined);
  };
  const onMessage = (m: RunBroadcast) => {
    if (!shown()) return stop();
    if (m.kind !== 'events' || m.runId !== runId || m.seq + m.events.length <= seq) return;
    if (m.seq > seq || m.events.some((e) => e.type === 'resumed')) return reload();
    const fresh: RunEvent[] = m.events.slice(seq - m.seq);
    seq = m.seq + m.events.length;
    useRunStore.getState().applyEvents(fresh);
  };
  const off = listen(onMessage);
  stopFollowing = stop;
  for (const m of buffered) onMessage(m);
  // the driving tab let go: the run ended there (its record is final), or that tab closed (interrupted)
  void whenRunReleased(runId, ctrl.signal).then(() => shown() && reload());
}

/**
 * Shows a stored run in the run view, read-only: as it was stored, or live when another tab drives it.
 * This tab's own run simply shows. Rejects, saying why, when this tab's live run would be hidden.
 */
export async function openStoredRun(runId: string, switchView = true): Promise<void> {
  const run = useRunStore.getState();
  if (run.runId === runId && !run.readOnly) {
    if (switchView) showRunView();
    return;
  }
  if (thisTabRunId() !== null)
    throw new Error(
      'A run is in progress in this tab: its view stays until it ends (open the other run in another tab).',
    );
  stopFollowing?.();
  const lib = runLibrary();
  // listen before reading, so no batch falls between the log as read and the first one heard
  const buffered: RunBroadcast[] = [];
  const offBuffer = lib.channel.listen((m) => buffered.push(m));
  try {
    const [record, log, driver] = await Promise.all([lib.get(runId), lib.events(runId), driverOf(runId)]);
    if (!record) throw new Error('This run is no longer stored (it was deleted).');
    const elsewhere = driver === 'other-tab';
    useRunStore.getState().load(storedRunView(record, log, elsewhere ? null : shownStatus(record, driver)));
    if (elsewhere) follow(runId, log.length, buffered, (fn) => lib.channel.listen(fn));
  } finally {
    offBuffer();
  }
  if (switchView) showRunView();
}

/** Asks the browser to keep the stored runs under storage pressure, then shows its answer. */
export async function askPersistentStorage(): Promise<void> {
  await runLibrary().persist();
  await refreshHistory();
}

/** Loads a stored run's config into the setup view, to run it again with changes. */
export async function duplicateStoredRun(runId: string): Promise<void> {
  const record = await runLibrary().get(runId);
  if (!record) throw new Error('This run is no longer stored (it was deleted).');
  useSetupStore.getState().loadConfig(record.config);
  useSetupStore.getState().setName(`${record.name} (copy)`);
  useUiStore.getState().setView('setup');
}

/** Deletes a stored run that no tab drives. */
export async function deleteStoredRun(runId: string): Promise<void> {
  const driver = await driverOf(runId);
  if (driver !== null)
    throw new Error(
      driver === 'this-tab'
        ? 'This run is in progress in this tab: stop it first.'
        : 'Another tab drives this run: stop it there first.',
    );
  await runLibrary().remove(runId);
  await refreshHistory();
}

/** Downloads a stored run as the JSON export, or as the HTML report (the same files the run view exports). */
export async function exportStoredRun(runId: string, as: 'json' | 'report' = 'json'): Promise<void> {
  const lib = runLibrary();
  const [record, log, driver] = await Promise.all([lib.get(runId), lib.events(runId), driverOf(runId)]);
  if (!record) throw new Error('This run is no longer stored (it was deleted).');
  const run = storedRunView(record, log, shownStatus(record, driver));
  saveFile(as === 'report' ? runReportFile(run) : runExportFile(run));
}
