// A multi-objective run, as a user sets it up and reads it: a custom metric that returns two objectives
// (correctness and brevity), the metric test naming them and offering the frontier, the run's score chart
// showing one objective, the matrix switched to an objective, the candidate view's per-objective front,
// and the objectives kept in the export.
import { describe, expect, it } from 'vitest';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { readExport } from './harness/exportFile.ts';
import { screenshot } from './harness/artifacts.ts';

const GROUP = 'multi-objective';
const suite = useStudioSuite(GROUP);

/** correctness: the label is in the output; brevity: 1 for a one-word answer, less for longer ones */
const METRIC = `(example, output) => {
  const correctness = String(output).toLowerCase().includes(String(example.answer).toLowerCase()) ? 1 : 0;
  const words = String(output).trim().split(/\\s+/).filter(Boolean).length;
  const brevity = Math.max(0, Math.min(1, 1 - (words - 1) / 12));
  return {
    score: 0.8 * correctness + 0.2 * brevity,
    feedback: (correctness ? 'Right label. ' : 'Wrong label, expected ' + example.answer + '. ') + words + ' words.',
    objectives: { correctness, brevity },
  };
}`;

describe('multi-objective runs', () => {
  it('two objectives: set up with their frontier, charted, in the matrix and as per-objective fronts', async () => {
    const page = suite.session.page;
    const setup = new SetupPage(page);
    await setup.loadDemo('sentiment');
    await setup.id('metric-kind').selectOption('custom');
    await setup.id('metric-code').fill(METRIC);

    // a builtin-only frontier choice would stop the run: with the custom metric the start is allowed
    await setup.id('metric-test').click();
    const found = setup.id('metric-objectives');
    await found.waitFor({ timeout: 60_000 });
    expect(await found.locator('legend').textContent()).toBe('The metric returns 2 objectives: correctness, brevity');
    expect(await found.locator('label').allTextContents()).toHaveLength(4);
    expect(await setup.id('frontier-instance').isChecked(), 'a new setup keeps the per-example front').toBe(true);
    await setup.id('frontier-objective').check();
    expect(await setup.id('option-frontier').inputValue()).toBe('objective');
    await found.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '01-metric-test-objectives');

    await setup.setDemoLatency(0);
    await setup.setBudget('maxMetricCalls', 160);
    await setup.start();
    const run = new RunPage(page);
    expect(await run.waitForEnd(120_000)).toMatch(/finished|stopped/i);

    // the score chart: the score by default, then one objective
    const view = run.id('score-chart-view');
    await view.waitFor();
    expect(await view.locator('option').allTextContents()).toEqual([
      'score',
      'objective: correctness',
      'objective: brevity',
    ]);
    await view.selectOption('brevity');
    const chart = run.id('score-chart');
    await expect.poll(() => chart.locator('h3').textContent()).toBe('Objective “brevity” over metric calls');
    expect(await chart.locator('.chart-legend').textContent()).toContain('best brevity (valset mean)');
    expect(await chart.locator('circle.sc-point').count()).toBeGreaterThan(0);
    expect(await chart.locator('path.sc-line-best').getAttribute('d')).toBeTruthy();
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '02-chart-objective-brevity');
    await view.selectOption('');
    await expect.poll(() => chart.locator('h3').textContent()).toBe('Score over metric calls');

    // the matrix: cells switched to an objective
    await run.openTab('matrix');
    const matrix = run.id('score-matrix');
    await run.id('matrix-view').selectOption('correctness');
    await expect.poll(() => matrix.locator('h3').textContent()).toBe('Per-example correctness');
    expect(await matrix.locator('.lg-scale').textContent()).toMatch(/correctness 0.*1/);
    await screenshot(page, GROUP, '03-matrix-correctness');

    // the candidate view: each objective's front
    await run.openTab('candidates');
    const fronts = run.id('objective-fronts');
    await fronts.waitFor();
    for (const name of ['correctness', 'brevity']) {
      const row = run.id(`objective-front-${name}`);
      expect(await row.locator('button.chip').count(), `${name} has a front`).toBeGreaterThan(0);
    }
    await fronts.locator('summary').click();
    const means = run.id('objective-means');
    await means.waitFor();
    expect(await means.locator('th').allTextContents()).toEqual(['candidate', 'val score', 'correctness', 'brevity']);
    expect(await means.locator('td.on-front').count()).toBeGreaterThanOrEqual(2);
    await fronts.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '04-candidates-objective-fronts');

    // the export keeps each candidate's objectives
    await run.openTab('overview');
    const download = await run.download('export-json', GROUP);
    const exported = readExport(download.text);
    expect(exported.config.options.frontierType).toBe('objective');
    const candidates = exported.raw.candidates as { valScores: number[]; objectives?: { perExample: unknown[] } }[];
    for (const c of candidates) expect(c.objectives?.perExample).toHaveLength(c.valScores.length);
  }, 240_000);

  it('an objective frontier with a builtin metric is refused before the start, and explained', async () => {
    const page = suite.session.page;
    const setup = new SetupPage(page);
    await setup.loadDemo('sentiment');
    await page.getByText('Advanced options').click();
    await setup.id('option-frontier').selectOption('cartesian');
    await expect
      .poll(() => setup.id('frontier-help').textContent())
      .toMatch(/^The cartesian .* Pareto frontier ranks candidates by objective scores, which only a custom metric/);
    expect(await setup.id('start-run').isDisabled()).toBe(true);
    expect(await setup.id('start-status').textContent()).toContain('only a custom metric returns');
    // clear of the sticky start bar
    await setup.id('frontier-help').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 150));
    await screenshot(page, GROUP, '05-frontier-refused');
  }, 60_000);
});
