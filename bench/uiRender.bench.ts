// UI render benchmark, in real Chromium against the dev server: a synthetic run of 1,000 candidates and
// 5,000 proposals is fed to the run store in per-frame batches (as the worker's batcher delivers them)
// while the run view's overview (score chart and lineage tree) is on screen. Reported: the longest
// main-thread task (the browser's 'longtask' entries, plus our own timing of each batch's store
// update and React render; target < 50 ms), and the lineage view's first render with 1,000 nodes
// (the lineage panel mounted alone, from mount to the frame after its nodes are in the DOM; target
// < 200 ms). The overview tab's first render (chart and lineage together) and the switch to the
// 5,000-row proposals tab are reported beside them. The dev server serves React's development build,
// so the figures are upper bounds for a production build.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { CandidateRow, ProposalRow } from '../src/engine/tracking.ts';
import type { RunEvent } from '../src/worker/protocol.ts';
import type { RunConfig } from '../src/tasks/runConfig.ts';
import { DEFAULT_RUN_OPTIONS } from '../src/tasks/runConfig.ts';
import { sentimentTask } from '../src/tasks/demos/index.ts';
import { launchBrowser, newContext } from '../e2e/harness/browser.ts';
import { startStudio } from '../e2e/harness/studio.ts';
import type { BenchReport } from './report.ts';
import { Rng } from '../src/engine/rng.ts';

const CANDIDATES = 1000;
const PROPOSALS = 5000;
const VAL_SIZE = 40;
const MINIBATCH = 3;
/** the synthetic run uses 70,000 metric calls (6 a proposal, 40 a new candidate) of this budget */
const BUDGET = 75_000;
/** proposals per batch: ~20 iterations' events a frame, a fast run's worst case */
const PROPOSALS_PER_BATCH = 20;
const LONG_TASK_TARGET_MS = 50;
const LINEAGE_TARGET_MS = 200;
const COMPONENT = 'classify';
const resultPath = (file: string) => {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  return fileURLToPath(new URL(file, dir));
};

/** Deterministic pseudo-randomness (the engine's seeded Rng), so every run of the bench feeds the same data. */
function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

const RULES = [
  'Treat a negated opinion ("not bad") as the opposite sentiment.',
  'Sarcastic praise ("oh great, it broke") is negative.',
  'When a review turns with "but", the part after it decides.',
  'A review that states only facts is neutral.',
  'Answer with the bare label and nothing else.',
  'Ignore the product category; judge the opinion only.',
];

function instructionFor(r: () => number, base: string): string {
  const rule = RULES[Math.floor(r() * RULES.length)] as string;
  return `${base} ${rule}`.slice(-900);
}

/** Every event of a synthetic run, grouped in the batches the store receives. */
export function syntheticBatches(): RunEvent[][] {
  const r = rng(42);
  const seedText = sentimentTask.program.steps[0]?.instruction ?? '';
  const texts: string[] = [seedText];
  const scores: number[] = [];
  let best = 0;
  let metricCalls = 0;
  const val = (quality: number): number[] => Array.from({ length: VAL_SIZE }, () => (r() < quality ? 1 : 0));
  const candidate = (idx: number, parentIds: number[], iteration: number, origin: CandidateRow['origin']): RunEvent => {
    const valScores = val(0.35 + 0.5 * (idx / CANDIDATES) + 0.1 * r());
    const score = valScores.reduce((s, x) => s + x, 0) / VAL_SIZE;
    scores[idx] = score;
    const isBest = score > (scores[best] ?? -1) || idx === 0;
    if (isBest) best = idx;
    metricCalls += VAL_SIZE;
    const row: CandidateRow = {
      iteration,
      candidateIdx: idx,
      parentIds,
      valsetScore: score,
      isBest,
      origin,
      texts: { [COMPONENT]: texts[idx] as string },
      metricCallsAtDiscovery: metricCalls,
    };
    return {
      type: 'candidate',
      row,
      valScores,
      outputs: valScores.map((s, i) =>
        s ? `positive (example ${i})` : `The review sounds negative to me, example ${i}.`,
      ),
    };
  };

  const events: RunEvent[][] = [];
  let batch: RunEvent[] = [
    { type: 'status', status: 'running' },
    {
      type: 'examples',
      train: 120,
      val: Array.from({ length: VAL_SIZE }, (_, i) => ({
        id: `val-${i}`,
        review: `Synthetic review number ${i}, fine but a little slow.`,
        label: 'neutral',
      })),
    },
    candidate(0, [], 0, 'seed'),
  ];
  let accepted = 0;
  for (let it = 1; it <= PROPOSALS; it++) {
    // one in five proposals is accepted (999 of 5,000), so the run ends with 1,000 candidates
    const accept = it % 5 === 0 && accepted < CANDIDATES - 1;
    const merge = accept && accepted % 25 === 24;
    const parent = Math.floor(r() * (accepted + 1));
    const parentIds = merge ? [parent, Math.floor(r() * (accepted + 1))] : [parent];
    const parentText = texts[parent] as string;
    const proposedText = instructionFor(r, parentText);
    // minibatch scores are sums over the minibatch, as the engine reports them
    const before = Math.floor(r() * MINIBATCH);
    const after = accept
      ? Math.min(MINIBATCH, before + 1 + Math.floor(r() * 2))
      : Math.max(0, before - Math.floor(r() * 2));
    metricCalls += 2 * MINIBATCH;
    const feedbackRecords = Array.from({ length: MINIBATCH }, (_, i) => ({
      Inputs: { review: `Minibatch review ${it}-${i}: the strap is not comfortable, but the colour is lovely.` },
      'Generated Outputs': i % 2 ? 'positive' : 'The sentiment here is negative.',
      Feedback:
        i % 2
          ? 'Correct: the output names the label "positive", as expected.'
          : 'Incorrect: the output names "negative" but the expected label is "positive".',
    }));
    const status: ProposalRow['status'] = accept ? 'accepted' : it % 7 === 0 ? 'skipped' : 'rejected';
    if (accept) {
      accepted++;
      texts[accepted] = proposedText;
    }
    const row: ProposalRow = {
      proposalId: it,
      iteration: it,
      kind: merge ? 'merge' : 'reflective',
      component: COMPONENT,
      status,
      reason:
        status === 'rejected'
          ? `minibatch score ${after} did not beat the parent's ${before}`
          : status === 'skipped'
            ? 'every minibatch score is already perfect'
            : '',
      candidateIdx: accept ? accepted : -1,
      parentIds,
      subsampleScoreBefore: status === 'skipped' ? MINIBATCH : before,
      subsampleScoreAfter: status === 'skipped' ? null : after,
      parentText,
      prompt: `I provided an assistant with the following instructions to perform a task for me:\n\`\`\`\n${parentText}\n\`\`\`\n\nThe following are examples of different task inputs provided to the assistant along with the assistant's response for each of them, and some feedback on how the assistant's response could be better:\n\n${feedbackRecords.map((f) => JSON.stringify(f, null, 2)).join('\n\n')}\n\nYour task is to write a new instruction for the assistant.`,
      rawLmOutput: `\`\`\`\n${proposedText}\n\`\`\``,
      proposedText,
      minibatchIds: Array.from({ length: MINIBATCH }, (_, i) => (it * MINIBATCH + i) % 120),
      feedbackRecords,
      metricCallsAt: metricCalls,
    };
    if (accept) batch.push(candidate(accepted, parentIds, it, merge ? 'merge' : 'reflective'));
    batch.push({ type: 'proposal', row });
    batch.push({
      type: 'score',
      point: {
        metricCalls,
        iteration: it,
        bestScore: scores[best] ?? 0,
        paretoAggregate: Math.min(1, (scores[best] ?? 0) + 0.1),
      },
    });
    if (accept)
      batch.push({
        type: 'front',
        programs: Array.from({ length: VAL_SIZE }, () => [best, Math.floor(r() * (accepted + 1))]),
      });
    if (it % PROPOSALS_PER_BATCH === 0 || it === PROPOSALS) {
      batch.push({ type: 'budget', used: metricCalls, cap: BUDGET, iteration: it });
      events.push(batch);
      batch = [];
    }
  }
  return events;
}

function benchConfig(): RunConfig {
  return {
    version: 1,
    name: 'UI render bench (synthetic)',
    program: sentimentTask.program,
    dataset: {
      fileName: sentimentTask.fileName,
      rows: sentimentTask.rows,
      mapping: sentimentTask.fields,
      split: { valFraction: 0.3, seed: 0 },
    },
    metric: sentimentTask.metric,
    taskLm: { provider: 'demo', baseUrl: 'offline', model: 'demo' },
    reflectionLm: { provider: 'demo', baseUrl: 'offline', model: 'demo' },
    budget: { maxMetricCalls: BUDGET },
    options: { ...DEFAULT_RUN_OPTIONS },
  };
}

interface DriveFigures {
  batches: number;
  wallMs: number;
  /** long tasks while batches were applied (the tab switch after is reported apart) */
  longTasks: number[];
  longAnimationFrames: { duration: number; blocking: number }[];
  /** the batch each long task started in (-1: before the first) */
  longTaskBatches: number[];
  maxBatchMs: number;
  p95BatchMs: number;
  maxFrameGapMs: number;
  lineageNodes: number;
}

// In-page scripts are plain JavaScript strings: the page imports the app's own store modules from the
// dev server (the same module instances the app renders from), so nothing here is transpiled for it.
const PAGE_HELPERS = `
  const stores = async () => ({
    run: (await import('/src/store/runStore.ts')).useRunStore,
    ui: (await import('/src/store/uiStore.ts')).useUiStore,
  });
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  // resolves in the task right after the next frame is rendered: what a user would see
  const afterPaint = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); }));
  const lineageCount = () => document.querySelectorAll('[data-testid="lineage"] [data-testid^="lineage-node-"]').length;
`;

const DRIVE = `(async () => {
  ${PAGE_HELPERS}
  const { run, ui } = await stores();
  const { batches, config } = window.__bench;
  const longTasks = [];
  const loafs = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask' });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration }); }).observe({ type: 'long-animation-frame' });
  }
  run.getState().begin('bench', config);
  ui.getState().setView('run');
  ui.getState().setRunTab('overview');
  await afterPaint();
  let lastFrame = performance.now();
  let maxFrameGap = 0;
  let driving = true;
  const watchFrames = (t) => { maxFrameGap = Math.max(maxFrameGap, t - lastFrame); lastFrame = t; if (driving) requestAnimationFrame(watchFrames); };
  requestAnimationFrame(watchFrames);
  const batchMs = [];
  const batchStarts = [];
  const t0 = performance.now();
  for (const batch of batches) {
    await frame();
    // a task of its own, like the worker's message: the store update, then React's render (flushed in
    // a microtask for external-store updates) before the awaited continuation runs
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
  driving = false;
  const lineageNodes = lineageCount();
  const sorted = [...batchMs].sort((a, b) => a - b);
  const during = (e) => e.start >= t0 && e.start < t1;
  return {
    batches: batches.length, wallMs: t1 - t0,
    longTasks: longTasks.filter(during).map((e) => e.duration),
    longTaskBatches: longTasks.filter(during).map((e) => batchStarts.findLastIndex((b) => b <= e.start)),
    longAnimationFrames: loafs.filter(during),
    maxBatchMs: sorted.at(-1), p95BatchMs: sorted[Math.floor(sorted.length * 0.95)],
    maxFrameGapMs: maxFrameGap, lineageNodes,
  };
})()`;

/** After the drive: switching to the proposals tab (5,000 rows, virtualised), in a task of its own. */
const TAB_SWITCH = `(async () => {
  ${PAGE_HELPERS}
  const { ui } = await stores();
  const longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); }).observe({ type: 'longtask' });
  const s = await new Promise((r) => setTimeout(() => { const at = performance.now(); ui.getState().setRunTab('proposals'); r(at); }, 0));
  const painted = await afterPaint();
  await new Promise((r) => setTimeout(r, 300));
  return { paintedMs: painted - s, longTasks };
})()`;

/**
 * In a fresh page: the whole run already in the store, then a view mounts — the lineage panel alone in
 * its own React root (`lineage`), or the run view's overview tab with the score chart beside it
 * (`overview`). Timed from the mount call to the DOM holding every node (a MutationObserver sees it at
 * the end of the task that added them) and to the first frame rendered after that.
 */
const firstRender = (what: 'lineage' | 'overview') => `(async () => {
  ${PAGE_HELPERS}
  const { run, ui } = await stores();
  const { reduceEvents, emptyRun } = await import('/src/store/runStore.ts');
  const { batches, config } = window.__bench;
  let data = { ...emptyRun(), runId: 'bench', config, status: 'running' };
  for (const batch of batches) data = { ...data, ...reduceEvents(data, batch) };
  ui.getState().setView('setup');
  ui.getState().setRunTab('overview');
  run.getState().load(data);
  let mount;
  if (${JSON.stringify(what)} === 'lineage') {
    // React as the app loaded it: the same optimized-dependency URLs (with their version hash) that
    // the app's entry imports, so the lineage panel and the app share one React and one store
    const entry = await (await fetch('/src/ui/main.tsx')).text();
    const depUrl = (name) => entry.match(new RegExp('"(/node_modules/\\.vite/deps/' + name + '\\.js[^"]*)"'))[1];
    const reactMod = await import(depUrl('react'));
    const clientMod = await import(depUrl('react-dom_client'));
    const React = reactMod.default ?? reactMod;
    const { createRoot } = clientMod.default ?? clientMod;
    const { LineageView } = await import('/src/ui/lineage/LineageView.tsx');
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;inset:0;padding:12px 16px;background:#f6f7f9;z-index:10';
    document.body.append(host);
    mount = () => createRoot(host).render(React.createElement(LineageView));
  } else {
    mount = () => ui.getState().setView('run');
  }
  await afterPaint();
  const target = data.candidates.length;
  const longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); }).observe({ type: 'longtask' });
  let inDom = null;
  const painted = new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (inDom !== null || lineageCount() < target) return;
      inDom = performance.now();
      seen.disconnect();
      requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now()); c.port2.postMessage(0); });
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });
  const t0 = performance.now();
  mount();
  const paintedAt = await Promise.race([painted, new Promise((r) => setTimeout(() => r(null), 10000))]);
  await new Promise((r) => setTimeout(r, 300));
  return { nodes: lineageCount(), target, domMs: inDom === null ? null : inDom - t0, paintedMs: paintedAt === null ? null : paintedAt - t0, longTasks };
})()`;

interface FirstRender {
  nodes: number;
  target: number;
  domMs: number | null;
  paintedMs: number | null;
  longTasks: number[];
}

async function measureFirstRender(
  context: BrowserContext,
  url: string,
  payload: unknown,
  what: 'lineage' | 'overview',
): Promise<FirstRender> {
  const page = await context.newPage();
  await openBenchPage(page, url, payload);
  const figures = (await page.evaluate(firstRender(what))) as FirstRender;
  await page.close();
  return figures;
}

async function openBenchPage(page: Page, url: string, payload: unknown): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('.app').waitFor();
  await page.evaluate((data) => {
    (window as unknown as { __bench: unknown }).__bench = data;
  }, payload);
  if (errors.length) throw new Error(`the studio failed to load: ${errors.join('; ')}`);
}

const round = (x: number | null | undefined) => (x == null ? null : Math.round(x * 10) / 10);

export async function uiRenderBench(): Promise<BenchReport> {
  const batches = syntheticBatches();
  const payload = { batches, config: benchConfig() };
  // other work on the machine shows up as long tasks: the load average says how quiet it was
  const loadBefore = os.loadavg()[0] ?? 0;
  const [browser, studio] = await Promise.all([launchBrowser(), startStudio()]);
  try {
    const context = await newContext(browser);
    // a warm-up load, so the dev server's first transforms are not timed
    const warm = await context.newPage();
    await warm.goto(studio.url);
    await warm.locator('.app').waitFor();
    await warm.close();

    const page = await context.newPage();
    await openBenchPage(page, studio.url, payload);
    const drive = (await page.evaluate(DRIVE)) as DriveFigures;
    await page.screenshot({ path: resultPath('ui-render-overview-1000.png') });
    const tabSwitch = (await page.evaluate(TAB_SWITCH)) as { paintedMs: number; longTasks: number[] };
    await page.screenshot({ path: resultPath('ui-render-proposals-5000.png') });
    await page.close();

    const first = await measureFirstRender(context, studio.url, payload, 'lineage');
    const overview = await measureFirstRender(context, studio.url, payload, 'overview');

    const longestTask = Math.max(0, ...drive.longTasks, drive.maxBatchMs);
    const allNodes = drive.lineageNodes === CANDIDATES && first.nodes === CANDIDATES && overview.nodes === CANDIDATES;
    const pass =
      allNodes && longestTask < LONG_TASK_TARGET_MS && first.paintedMs !== null && first.paintedMs < LINEAGE_TARGET_MS;
    const lineageText =
      first.paintedMs === null
        ? `never showed ${first.target} nodes (saw ${first.nodes})`
        : `${Math.round(first.paintedMs)} ms`;
    return {
      name: 'ui render',
      summary:
        `${CANDIDATES} candidates / ${PROPOSALS} proposals in ${drive.batches} batches: longest main-thread task ${Math.round(longestTask)} ms ` +
        `(${drive.longTasks.length} long tasks ≥ 50 ms; target < ${LONG_TASK_TARGET_MS}); lineage first render at ${first.target} nodes ${lineageText} (target < ${LINEAGE_TARGET_MS}); ` +
        `overview tab (chart + lineage) ${overview.paintedMs === null ? 'incomplete' : `${Math.round(overview.paintedMs)} ms`}`,
      pass,
      details: {
        chromium: browser.version(),
        loadAverage1m: { before: round(loadBefore), after: round(os.loadavg()[0]) },
        viewport: '1280×800',
        batches: drive.batches,
        proposalsPerBatch: PROPOSALS_PER_BATCH,
        driveWallMs: Math.round(drive.wallMs),
        longestTaskMs: round(longestTask),
        longTasksMs: drive.longTasks.map(round),
        longTaskBatches: drive.longTaskBatches,
        // frames ≥ 50 ms from start to paint; blocking is the part that kept input waiting
        longAnimationFrames: {
          count: drive.longAnimationFrames.length,
          maxDurationMs: round(Math.max(0, ...drive.longAnimationFrames.map((f) => f.duration))),
          maxBlockingMs: round(Math.max(0, ...drive.longAnimationFrames.map((f) => f.blocking))),
        },
        maxBatchUpdateAndRenderMs: round(drive.maxBatchMs),
        p95BatchUpdateAndRenderMs: round(drive.p95BatchMs),
        maxFrameGapMs: round(drive.maxFrameGapMs),
        lineageNodesAfterDrive: drive.lineageNodes,
        switchToProposalsTab: { paintedMs: round(tabSwitch.paintedMs), longTasksMs: tabSwitch.longTasks.map(round) },
        screenshots: ['bench/results/ui-render-overview-1000.png', 'bench/results/ui-render-proposals-5000.png'],
        lineageFirstRender: {
          nodes: first.nodes,
          inDomMs: round(first.domMs),
          paintedMs: round(first.paintedMs),
          longTasksMs: first.longTasks.map(round),
        },
        overviewFirstRender: {
          nodes: overview.nodes,
          inDomMs: round(overview.domMs),
          paintedMs: round(overview.paintedMs),
          longTasksMs: overview.longTasks.map(round),
        },
      },
    };
  } finally {
    await browser.close();
    await studio.close();
  }
}
