// What the history's filters, its run picks and the compare view do: keep the URL's hash and the stores
// in step (so a filtered history or a comparison can be bookmarked, reloaded, and left with Back), and
// compute the comparison of the two picked runs from their stored logs, again whenever either changes
// (a live run, here or in another tab).
import { runLibrary } from '../worker/runLibrary.ts';
import { compareRuns } from './compareModel.ts';
import { useCompareStore } from './compareStore.ts';
import { driverOf } from './historyActions.ts';
import { EMPTY_QUERY, formatRoute, parseRoute, togglePick } from './historyRoute.ts';
import type { HistoryQuery } from './historyRoute.ts';
import { useRunStore } from './runStore.ts';
import { shownStatus, storedRunView } from './storedRun.ts';
import { useUiStore } from './uiStore.ts';
import type { View } from './uiStore.ts';
import { errorMessage } from '../engine/index.ts';

export function setHistoryQuery(patch: Partial<HistoryQuery>): void {
  useCompareStore.setState((s) => ({ query: { ...s.query, ...patch } }));
}

/** Picks a run for comparison, or unpicks it. */
export function pickRun(runId: string): void {
  useCompareStore.setState((s) => ({ query: togglePick(s.query, runId) }));
}

export function openComparison(): void {
  const { a, b } = useCompareStore.getState().query;
  if (a && b) useUiStore.getState().setView('compare');
}

export function swapComparison(): void {
  const { a, b } = useCompareStore.getState().query;
  setHistoryQuery({ a: b, b: a });
}

/** The hash for what is shown: the history and the comparison have an address, the other views none. */
function hashFor(view: View, query: HistoryQuery): string {
  return view === 'history' || view === 'compare' ? formatRoute({ view, query }) : '';
}

function applyHash(): void {
  const route = parseRoute(window.location.hash);
  const ui = useUiStore.getState();
  if (route) {
    useCompareStore.setState({ query: route.query });
    ui.setView(route.view);
  } else if (ui.view === 'history' || ui.view === 'compare') {
    // Back past the history's first address: to the run when there is one, else the setup
    const run = useRunStore.getState();
    ui.setView(run.status !== 'idle' || run.readOnly ? 'run' : 'setup');
    useCompareStore.setState({ query: EMPTY_QUERY });
  }
}

/**
 * Reads the address once (a bookmark or a reload), then keeps it current: a new view is a new history
 * entry (Back returns), a filter or a pick replaces the entry. Returns the stop.
 */
export function startRouting(): () => void {
  applyHash();
  const write = (viewChanged: boolean) => {
    const hash = hashFor(useUiStore.getState().view, useCompareStore.getState().query);
    if (hash === window.location.hash) return;
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    if (viewChanged) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };
  const offUi = useUiStore.subscribe((s, prev) => s.view !== prev.view && write(true));
  const offQuery = useCompareStore.subscribe((s, prev) => s.query !== prev.query && write(false));
  window.addEventListener('popstate', applyHash);
  return () => {
    offUi();
    offQuery();
    window.removeEventListener('popstate', applyHash);
  };
}

async function readRun(runId: string) {
  const lib = runLibrary();
  const [record, log, driver] = await Promise.all([lib.get(runId), lib.events(runId), driverOf(runId)]);
  if (!record) throw new Error(`The run ${runId} is not stored here (it was deleted, or the link is from elsewhere).`);
  return {
    name: record.name,
    run: storedRunView(record, log, shownStatus(record, driver)),
    ...(record.importedFrom ? { origin: `imported from ${record.importedFrom}` } : {}),
  };
}

let generation = 0;

/** Computes the comparison of runs `a` and `b` from their stored logs; the latest call wins. */
export async function loadComparison(a: string, b: string): Promise<void> {
  const mine = ++generation;
  const keep = useCompareStore.getState().of;
  const same = keep?.[0] === a && keep?.[1] === b;
  // a refresh of the same pair keeps what is shown until the new one is ready
  useCompareStore.setState(same ? { loading: true } : { loading: true, comparison: null, of: null, error: null });
  try {
    const [ra, rb] = await Promise.all([readRun(a), readRun(b)]);
    if (mine === generation)
      useCompareStore.setState({ comparison: compareRuns(ra, rb), of: [a, b], loading: false, error: null });
  } catch (err) {
    if (mine === generation)
      useCompareStore.setState({ comparison: null, of: null, loading: false, error: errorMessage(err) });
  }
}

/**
 * Shows the comparison of `a` and `b` and keeps it current while either run goes on (its driving tab, or
 * this tab's worker, posts what it stores), at most about once a second. Returns the stop.
 */
export function watchComparison(a: string, b: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const soon = () => {
    if (timer !== undefined) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        last = Date.now();
        void loadComparison(a, b);
      },
      Math.max(0, 1000 - (Date.now() - last)),
    );
  };
  const off = runLibrary().channel.listen((m) => (m.runId === a || m.runId === b) && soon());
  last = Date.now();
  void loadComparison(a, b);
  return () => {
    clearTimeout(timer);
    off();
  };
}
