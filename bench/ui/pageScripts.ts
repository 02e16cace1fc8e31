// The UI benchmark's in-page scripts. They are plain JavaScript strings evaluated in the production
// build's bench page, reaching the app through the handles benchPage.tsx puts on `window.__studio`, so
// nothing here is transpiled for the page. Each marks what it times with 'bench:start' and 'bench:end'
// (see mainThreadCpu.ts).
import type { SyntheticRunSize } from './syntheticRun.ts';

export interface DriveFigures {
  batches: number;
  wallMs: number;
  /** long tasks (≥ 50 ms) while batches were applied */
  longTasks: number[];
  /** the batch each long task started in (-1: before the first) */
  longTaskBatches: number[];
  longAnimationFrames: { duration: number; blocking: number }[];
  /** our own timing of each batch's store update and React render (and the effects that draw) */
  maxBatchMs: number;
  p95BatchMs: number;
  maxFrameGapMs: number;
  lineageNodes: number;
}

export interface TabSwitchFigures {
  paintedMs: number;
  longTasks: number[];
}

export interface FirstRenderFigures {
  nodes: number;
  target: number;
  domMs: number | null;
  paintedMs: number | null;
  longTasks: number[];
}

const HELPERS = `
  const { run, ui } = window.__studio;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  // resolves in the task right after the next frame is rendered: what a user would see
  const afterPaint = () => new Promise((r) => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => r(performance.now());
    c.port2.postMessage(0);
  }));
  const lineageCount = () =>
    document.querySelectorAll('[data-testid="lineage"] [data-testid^="lineage-node-"]').length;
  const observeLongTasks = (into) => new PerformanceObserver((list) => {
    for (const e of list.getEntries()) into.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
`;

/**
 * A live run on the overview tab (score chart and lineage): the synthetic run's batches applied to the
 * run store one per frame, each in a task of its own like the worker's message — the store update, then
 * React's render, flushed in a microtask for external-store updates, before the awaited continuation.
 */
export const drive = (size: SyntheticRunSize) => `(async () => {
  ${HELPERS}
  const { batches, config } = window.__studio.synthetic(${JSON.stringify(size)});
  const longTasks = [];
  const loafs = [];
  observeLongTasks(longTasks);
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
    }).observe({ type: 'long-animation-frame' });
  }
  run.getState().begin('bench', config);
  ui.getState().setView('run');
  ui.getState().setRunTab('overview');
  await afterPaint();
  await afterPaint();
  let lastFrame = performance.now();
  let maxFrameGap = 0;
  let driving = true;
  const watchFrames = (t) => {
    maxFrameGap = Math.max(maxFrameGap, t - lastFrame);
    lastFrame = t;
    if (driving) requestAnimationFrame(watchFrames);
  };
  requestAnimationFrame(watchFrames);
  const batchMs = [];
  const batchStarts = [];
  performance.mark('bench:start');
  const t0 = performance.now();
  for (const batch of batches) {
    await frame();
    const ms = await new Promise((resolve) => setTimeout(async () => {
      const s = performance.now();
      batchStarts.push(s);
      run.getState().applyEvents(batch);
      await Promise.resolve();
      resolve(performance.now() - s);
    }, 0));
    batchMs.push(ms);
  }
  await afterPaint();
  await afterPaint();
  const t1 = performance.now();
  performance.mark('bench:end');
  driving = false;
  const sorted = [...batchMs].sort((a, b) => a - b);
  const during = longTasks.filter((e) => e.start >= t0 && e.start < t1);
  return {
    batches: batches.length,
    wallMs: t1 - t0,
    longTasks: during.map((e) => e.duration),
    longTaskBatches: during.map((e) => batchStarts.findLastIndex((b) => b <= e.start)),
    longAnimationFrames: loafs.filter((e) => e.start >= t0 && e.start < t1),
    maxBatchMs: sorted.at(-1),
    p95BatchMs: sorted[Math.floor(sorted.length * 0.95)],
    maxFrameGapMs: maxFrameGap,
    lineageNodes: lineageCount(),
  };
})()`;

/** After the drive: switching to the proposals tab (every row, virtualised), in a task of its own. */
export const TAB_SWITCH = `(async () => {
  ${HELPERS}
  const longTasks = [];
  observeLongTasks(longTasks);
  const s = await new Promise((r) => setTimeout(() => {
    const at = performance.now();
    ui.getState().setRunTab('proposals');
    r(at);
  }, 0));
  const painted = await afterPaint();
  await new Promise((r) => setTimeout(r, 300));
  return { paintedMs: painted - s, longTasks: longTasks.map((e) => e.duration) };
})()`;

/**
 * The whole run already in the store, then a view mounts — the lineage panel alone in its own React
 * root (`lineage`), or the run view's overview tab with the score chart beside it (`overview`). Timed
 * from the mount call to the DOM holding every node (a MutationObserver sees it at the end of the task
 * that added them) and to the first frame rendered after that.
 */
export const firstRender = (what: 'lineage' | 'overview', size: SyntheticRunSize) => `(async () => {
  ${HELPERS}
  const { reduceEvents, emptyRun, mountLineage } = window.__studio;
  const { batches, config } = window.__studio.synthetic(${JSON.stringify(size)});
  let data = { ...emptyRun(), runId: 'bench', config, status: 'running' };
  for (const batch of batches) data = { ...data, ...reduceEvents(data, batch) };
  ui.getState().setView('setup');
  ui.getState().setRunTab('overview');
  run.getState().load(data);
  let mount;
  if (${JSON.stringify(what)} === 'lineage') {
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;inset:0;padding:12px 16px;background:#f6f7f9;z-index:10';
    document.body.append(host);
    mount = () => mountLineage(host);
  } else {
    mount = () => ui.getState().setView('run');
  }
  await afterPaint();
  await afterPaint();
  const target = data.candidates.length;
  const longTasks = [];
  observeLongTasks(longTasks);
  let inDom = null;
  const painted = new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (inDom !== null || lineageCount() < target) return;
      inDom = performance.now();
      seen.disconnect();
      requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => resolve(performance.now());
        c.port2.postMessage(0);
      });
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });
  performance.mark('bench:start');
  const t0 = performance.now();
  mount();
  const paintedAt = await Promise.race([painted, new Promise((r) => setTimeout(() => r(null), 10000))]);
  performance.mark('bench:end');
  await new Promise((r) => setTimeout(r, 300));
  return {
    nodes: lineageCount(),
    target,
    domMs: inDom === null ? null : inDom - t0,
    paintedMs: paintedAt === null ? null : paintedAt - t0,
    longTasks: longTasks.map((e) => e.duration),
  };
})()`;
