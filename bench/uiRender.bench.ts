// UI render benchmark, in real Chromium against the production build (what users get; see
// ui/productionStudio.ts). Five runs in a row, each in fresh pages: a synthetic run of 1,000 candidates
// and 5,000 proposals is fed to the run store in per-frame batches (as the worker's batcher delivers
// them) while the run view's overview (score chart and lineage) is on screen, and the lineage panel is
// mounted alone on a finished run of 1,000 and of 5,000 candidates. Targets, for every one of the five
// runs: no main-thread task ≥ 50 ms while driving (the browser's 'longtask' entries, plus our own timing
// of each batch's store update, React render and drawing); lineage first render (mount to the first
// frame after every node is in the DOM) < 200 ms at 1,000 nodes and < 600 ms at 5,000. The overview
// tab's first render and the switch to the proposals tab are reported beside them, and the main thread's
// CPU time for each (from a Chrome trace; see ui/mainThreadCpu.ts), which a busy machine hardly inflates.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from '../e2e/harness/browser.ts';
import type { BenchReport } from './report.ts';
import { startProductionStudio } from './ui/productionStudio.ts';
import { TAB_SWITCH, drive, firstRender } from './ui/pageScripts.ts';
import type { DriveFigures, FirstRenderFigures, TabSwitchFigures } from './ui/pageScripts.ts';
import { evaluateWithTaskCpu } from './ui/mainThreadCpu.ts';
import type { SyntheticRunSize } from './ui/syntheticRun.ts';

const RUNS = 5;
const LIVE: SyntheticRunSize = { candidates: 1000, proposals: 5000, proposalsPerBatch: 20 };
const LARGE: SyntheticRunSize = { candidates: 5000, proposals: 10000, proposalsPerBatch: 20 };
const LONG_TASK_MS = 50;
const SETTLE_MS = 1500;
const LINEAGE_TARGET_MS = { 1000: 200, 5000: 600 };

/** Figures with the thread CPU time of each main-thread task they spanned (robust to a busy machine). */
type WithCpu<T> = T & { taskCpuMs: number[] };

interface RunFigures {
  drive: WithCpu<DriveFigures>;
  tabSwitch: TabSwitchFigures;
  lineage1000: WithCpu<FirstRenderFigures>;
  lineage5000: WithCpu<FirstRenderFigures>;
  overview: WithCpu<FirstRenderFigures>;
}

const resultPath = (file: string) => {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  return fileURLToPath(new URL(file, dir));
};
const round = (x: number | null | undefined) => (x == null ? null : Math.round(x * 10) / 10);
const longestTask = (d: DriveFigures) => Math.max(0, ...d.longTasks, d.maxBatchMs);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function evaluateTimed<T>(browser: Browser, page: Page, script: string): Promise<WithCpu<T>> {
  const { result, taskCpuMs } = await evaluateWithTaskCpu<T>(browser, page, script);
  return { ...result, taskCpuMs };
}

async function openBenchPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // generous waits: on a busy machine the first load of a 1 MB bundle can take longer than the defaults
  await page.goto(url, { timeout: 120_000 });
  await page.locator('.app').waitFor({ timeout: 120_000 });
  if (errors.length) throw new Error(`the studio failed to load: ${errors.join('; ')}`);
  // the page closed before this one is torn down in the background, and the new one compiles its code when
  // idle: on two cores either would share the measurement's time, so let both finish first
  await page.waitForTimeout(SETTLE_MS);
  return page;
}

async function measureFirstRender(
  browser: Browser,
  context: BrowserContext,
  url: string,
  what: 'lineage' | 'overview',
  size: SyntheticRunSize,
  screenshot?: string,
): Promise<WithCpu<FirstRenderFigures>> {
  const page = await openBenchPage(context, url);
  const figures = await evaluateTimed<FirstRenderFigures>(browser, page, firstRender(what, size));
  if (screenshot) await page.screenshot({ path: resultPath(screenshot) });
  await page.close();
  return figures;
}

/** One run of the five: a fresh page per measurement; screenshots from the first run only. */
async function benchRun(browser: Browser, context: BrowserContext, url: string, shoot: boolean): Promise<RunFigures> {
  const page = await openBenchPage(context, url);
  const driven = await evaluateTimed<DriveFigures>(browser, page, drive(LIVE));
  if (shoot) await page.screenshot({ path: resultPath('ui-render-overview-1000.png') });
  const tabSwitch = (await page.evaluate(TAB_SWITCH)) as TabSwitchFigures;
  if (shoot) await page.screenshot({ path: resultPath('ui-render-proposals-5000.png') });
  await page.close();
  return {
    drive: driven,
    tabSwitch,
    lineage1000: await measureFirstRender(
      browser,
      context,
      url,
      'lineage',
      LIVE,
      shoot ? 'ui-render-lineage-1000.png' : '',
    ),
    lineage5000: await measureFirstRender(
      browser,
      context,
      url,
      'lineage',
      LARGE,
      shoot ? 'ui-render-lineage-5000.png' : '',
    ),
    overview: await measureFirstRender(browser, context, url, 'overview', LIVE),
  };
}

const painted = (f: FirstRenderFigures) => (f.paintedMs === null || f.nodes < f.target ? Infinity : f.paintedMs);

function runLine(i: number, r: RunFigures): string {
  const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'incomplete');
  const cpu = (x: number) => `CPU ${Math.round(x)}`;
  return (
    `run ${i + 1}: longest task ${ms(longestTask(r.drive))} (${cpu(Math.max(0, ...r.drive.taskCpuMs))}), ` +
    `${r.drive.longTasks.length} long tasks ≥ ${LONG_TASK_MS} ms; ` +
    `lineage first render ${ms(painted(r.lineage1000))} (${cpu(sum(r.lineage1000.taskCpuMs))}) at ` +
    `${r.lineage1000.target} nodes, ${ms(painted(r.lineage5000))} (${cpu(sum(r.lineage5000.taskCpuMs))}) at ` +
    `${r.lineage5000.target}; overview ${ms(painted(r.overview))}; proposals tab ${ms(r.tabSwitch.paintedMs)}`
  );
}

function runDetails(r: RunFigures) {
  const firstRenderDetails = (f: WithCpu<FirstRenderFigures>) => ({
    nodes: f.nodes,
    inDomMs: round(f.domMs),
    paintedMs: round(f.paintedMs),
    longTasksMs: f.longTasks.map(round),
    cpuMs: round(sum(f.taskCpuMs)),
    longestTaskCpuMs: round(Math.max(0, ...f.taskCpuMs)),
  });
  return {
    driveWallMs: Math.round(r.drive.wallMs),
    batches: r.drive.batches,
    longestTaskMs: round(longestTask(r.drive)),
    // thread CPU time of the main thread's costliest tasks: what a quiet machine would see
    longestTasksCpuMs: [...r.drive.taskCpuMs]
      .sort((a, b) => b - a)
      .slice(0, 5)
      .map(round),
    longTasksMs: r.drive.longTasks.map(round),
    longTaskBatches: r.drive.longTaskBatches,
    // frames ≥ 50 ms from start to paint; blocking is the part that kept input waiting
    longAnimationFrames: {
      count: r.drive.longAnimationFrames.length,
      maxDurationMs: round(Math.max(0, ...r.drive.longAnimationFrames.map((f) => f.duration))),
      maxBlockingMs: round(Math.max(0, ...r.drive.longAnimationFrames.map((f) => f.blocking))),
    },
    maxBatchUpdateAndRenderMs: round(r.drive.maxBatchMs),
    p95BatchUpdateAndRenderMs: round(r.drive.p95BatchMs),
    maxFrameGapMs: round(r.drive.maxFrameGapMs),
    lineageNodesAfterDrive: r.drive.lineageNodes,
    switchToProposalsTab: { paintedMs: round(r.tabSwitch.paintedMs), longTasksMs: r.tabSwitch.longTasks.map(round) },
    lineageFirstRender1000: firstRenderDetails(r.lineage1000),
    lineageFirstRender5000: firstRenderDetails(r.lineage5000),
    overviewFirstRender: firstRenderDetails(r.overview),
  };
}

export async function uiRenderBench(): Promise<BenchReport> {
  // other work on the machine shows up as long tasks: the load average says how quiet it was
  const loadBefore = os.loadavg()[0] ?? 0;
  const studio = await startProductionStudio();
  const browser = await launchBrowser();
  try {
    const context = await newContext(browser);
    // a warm-up load, so the first run does not pay for the browser's first compile of the bundle
    await (await openBenchPage(context, studio.url)).close();
    const runs: RunFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await benchRun(browser, context, studio.url, i === 0));
      console.log(runLine(i, runs[i] as RunFigures));
    }

    const worstTask = Math.max(...runs.map((r) => longestTask(r.drive)));
    const mostLongTasks = Math.max(...runs.map((r) => r.drive.longTasks.length));
    const worst1000 = Math.max(...runs.map((r) => painted(r.lineage1000)));
    const worst5000 = Math.max(...runs.map((r) => painted(r.lineage5000)));
    const worstCpu = {
      task: Math.max(...runs.map((r) => Math.max(0, ...r.drive.taskCpuMs))),
      lineage1000: Math.max(...runs.map((r) => sum(r.lineage1000.taskCpuMs))),
      lineage5000: Math.max(...runs.map((r) => sum(r.lineage5000.taskCpuMs))),
    };
    const allNodes = runs.every((r) => r.drive.lineageNodes === LIVE.candidates);
    const pass =
      allNodes &&
      worstTask < LONG_TASK_MS &&
      worst1000 < LINEAGE_TARGET_MS[1000] &&
      worst5000 < LINEAGE_TARGET_MS[5000];
    const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'incomplete');
    return {
      name: 'ui render',
      summary:
        `production build, worst of ${RUNS} runs driving ${LIVE.candidates} candidates / ${LIVE.proposals} ` +
        `proposals: longest main-thread task ${ms(worstTask)} (target < ${LONG_TASK_MS}; at most ` +
        `${mostLongTasks} long tasks in a run); lineage first render ${ms(worst1000)} at ${LIVE.candidates} ` +
        `nodes (target < ${LINEAGE_TARGET_MS[1000]}), ${ms(worst5000)} at ${LARGE.candidates} ` +
        `(target < ${LINEAGE_TARGET_MS[5000]})${allNodes ? '' : '; the lineage missed nodes after a drive'}. ` +
        `Main-thread CPU time, worst of ${RUNS}: longest task ${ms(worstCpu.task)}, lineage first render ` +
        `${ms(worstCpu.lineage1000)} at ${LIVE.candidates} nodes and ${ms(worstCpu.lineage5000)} at ` +
        `${LARGE.candidates}`,
      pass,
      details: {
        build: 'production (vite build, served by vite preview)',
        chromium: browser.version(),
        loadAverage1m: { before: round(loadBefore), after: round(os.loadavg()[0]) },
        viewport: '1280×800',
        proposalsPerBatch: LIVE.proposalsPerBatch,
        runs: runs.map((r, i) => ({ run: i + 1, ...runDetails(r) })),
        screenshots: ['overview-1000', 'proposals-5000', 'lineage-1000', 'lineage-5000'].map(
          (s) => `bench/results/ui-render-${s}.png`,
        ),
      },
    };
  } finally {
    await browser.close();
    await studio.close();
  }
}
