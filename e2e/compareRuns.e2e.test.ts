// Comparing two runs from the history, in real Chromium: two short demo runs (different minibatch sizes
// and seeds) picked in the history and compared (settings that differ, both curves on one chart, the best
// prompts' word diff, per-example wins and losses); the URL reloaded, the comparison still shown; an
// imported run kept in the history, so a comparison with it survives a reload too.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { HistoryPage } from './harness/historyPage.ts';
import { artifactPath, screenshot } from './harness/artifacts.ts';
import { setControl } from './harness/fields.ts';

const GROUP = 'compare-runs';
const JOURNEY_MS = 300_000;
const BUDGET = 150;
const suite = useStudioSuite(GROUP);

function inPage<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(`(async () => { ${body} })()`) as Promise<T>;
}

/** Starts the sentiment demo with these options; returns the run's id once the run view shows it. */
async function startDemo(
  page: Page,
  options: { minibatch: number; seed: number; budget?: number; latencyMs?: number },
): Promise<string> {
  const setup = new SetupPage(page);
  await setup.open();
  await setup.loadDemo('sentiment');
  await setup.setBudget('maxMetricCalls', options.budget ?? BUDGET);
  await setControl(setup.id('option-minibatch'), String(options.minibatch));
  await setControl(setup.id('option-seed'), String(options.seed));
  await inPage(
    page,
    `const { useSetupStore } = await import('/src/store/setupStore.ts'); ` +
      `useSetupStore.getState().setDemoLatency(${options.latencyMs ?? 5});`,
  );
  await setup.start();
  return inPage(
    page,
    `const { useRunStore } = await import('/src/store/runStore.ts'); return useRunStore.getState().runId;`,
  );
}

/** Runs the sentiment demo to its end with these options; returns the run's id. */
async function demoRun(page: Page, options: { minibatch: number; seed: number }): Promise<string> {
  const runId = await startDemo(page, options);
  expect(await new RunPage(page).waitForEnd(150_000)).toMatch(/finished/i);
  return runId;
}

/** What the compare view shows, read from the page. */
async function shownComparison(page: Page) {
  const view = page.getByTestId('compare-view');
  await view.getByTestId('compare-examples').waitFor({ timeout: 60_000 });
  const count = async (key: string) =>
    Number(((await page.getByTestId(`compare-count-${key}`).textContent()) ?? '').replace(/\D.*$/, ''));
  return {
    hash: await page.evaluate(() => window.location.hash),
    nameA: (await page.getByTestId('compare-run-a').locator('.cmp-card-name').textContent()) ?? '',
    bestA: (await page.getByTestId('compare-best-a').textContent()) ?? '',
    bestB: (await page.getByTestId('compare-best-b').textContent()) ?? '',
    settings: await page
      .getByTestId('compare-setting')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path'))),
    curves: await page
      .getByTestId('compare-chart')
      .locator('path.cmp-line')
      .evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').length > 0)),
    chartPoints: await page.getByTestId('compare-chart').locator('circle.cmp-point').count(),
    prompts: await page.getByTestId('compare-prompts').locator('.cmp-prompt').count(),
    shared: await count('all'),
    winsA: await count('a'),
    winsB: await count('b'),
    ties: await count('tie'),
    listed: await page.getByTestId('compare-example').count(),
  };
}

describe('comparing runs', () => {
  it(
    'compares two demo runs picked in the history, and a reload keeps the comparison',
    { timeout: JOURNEY_MS },
    async () => {
      const { page } = suite.session;
      const runA = await demoRun(page, { minibatch: 1, seed: 0 });
      const runB = await demoRun(page, { minibatch: 3, seed: 7 });

      const history = new HistoryPage(page);
      await history.open();
      await expect.poll(() => history.runIds()).toEqual(expect.arrayContaining([runA, runB]));
      await page.getByTestId('history-filter-status').selectOption('finished');
      await page.getByTestId(`history-pick-${runA}`).check();
      expect(await page.getByTestId('history-compare').isDisabled()).toBe(true);
      await page.getByTestId(`history-pick-${runB}`).check();
      expect(await page.evaluate(() => window.location.hash)).toBe(`#/history?a=${runA}&b=${runB}&status=finished`);
      await screenshot(page, GROUP, '01-history-two-picked');

      await page.getByTestId('history-compare').click();
      const shown = await shownComparison(page);
      expect(shown.hash).toBe(`#/compare?a=${runA}&b=${runB}&status=finished`);
      expect(shown.settings).toEqual(expect.arrayContaining(['options.reflectionMinibatchSize', 'options.seed']));
      expect(shown.bestA).toMatch(/^\d\.\d{3}$/);
      expect(shown.bestB).toMatch(/^\d\.\d{3}$/);
      expect(shown.curves).toEqual([true, true]);
      expect(shown.chartPoints).toBeGreaterThanOrEqual(2);
      expect(shown.prompts).toBeGreaterThanOrEqual(1);
      // the two runs split the same demo dataset the same way: every val example is shared
      expect(shown.shared).toBeGreaterThan(0);
      expect(shown.winsA + shown.winsB + shown.ties).toBe(shown.shared);
      expect(shown.listed).toBe(shown.shared);
      await page.getByTestId('compare-example').first().click();
      await screenshot(page, GROUP, '02-compare', { fullPage: true });

      // the URL alone brings it back
      await page.reload();
      await page.locator('.app').waitFor();
      expect(await shownComparison(page)).toEqual(shown);
      await screenshot(page, GROUP, '03-compare-after-reload', { fullPage: true });

      // Back returns to the history with its filter and picks
      await page.getByTestId('compare-back').click();
      await history.id('history-table').waitFor();
      expect(await page.getByTestId(`history-pick-${runA}`).isChecked()).toBe(true);
      expect(await page.getByTestId('history-filter-status').inputValue()).toBe('finished');

      // an imported run is kept in the history: export A, open the file, compare it with B, reload
      const [download] = await Promise.all([page.waitForEvent('download'), history.action('export', runA).click()]);
      const file = artifactPath(GROUP, `a-${download.suggestedFilename()}`);
      await download.saveAs(file);
      await new RunPage(page).importFile(file);
      await page.getByTestId('run-status').waitFor();
      await history.open();
      const importedId = async () => (await history.runIds()).find((id) => id.startsWith('import-')) ?? '';
      await expect.poll(importedId, { timeout: 30_000 }).toMatch(/^import-/);
      const imported = await importedId();
      expect(await history.row(imported).textContent()).toContain('imported');
      await page.evaluate(([a, b]) => (window.location.hash = `#/compare?a=${a}&b=${b}`), [imported, runB]);
      await page.reload();
      await page.locator('.app').waitFor();
      const withImport = await shownComparison(page);
      // the import is run A as exported: the same best score, settings and per-example outcomes
      expect({ ...withImport, hash: '' }).toEqual({ ...shown, hash: '' });
      await screenshot(page, GROUP, '04-compare-imported-after-reload', { fullPage: true });
    },
  );

  it('follows a live run while it is compared', { timeout: JOURNEY_MS }, async () => {
    const { page } = suite.session;
    const done = await demoRun(page, { minibatch: 1, seed: 0 });
    // slow enough to be running for the whole check: 100 ms a call, a budget it cannot spend soon
    const live = await startDemo(page, { minibatch: 2, seed: 3, budget: 5000, latencyMs: 100 });
    const history = new HistoryPage(page);
    await history.open();
    await page.getByTestId(`history-pick-${done}`).check();
    await page.getByTestId(`history-pick-${live}`).check();
    await page.getByTestId('history-compare').click();
    await page.getByTestId('compare-calls-b').waitFor({ timeout: 60_000 });
    const calls = async () =>
      Number(((await page.getByTestId('compare-calls-b').textContent()) ?? '').split('/')[0]!.replace(/\D/g, ''));
    const first = await calls();
    expect(await page.getByTestId('compare-run-b').locator('.badge').textContent()).toBe('running');
    // the comparison is read again as the live run stores its events
    await expect.poll(calls, { timeout: 90_000 }).toBeGreaterThan(first);
    await screenshot(page, GROUP, '05-compare-live-run', { fullPage: true });
    await page.getByTestId('nav-run').click();
    await new RunPage(page).stop();
  });
});
