// The "own data" journey the demo and endpoint tests share: paste a seed prompt, upload a JSONL file,
// map its fields, pick the models, start; watch the lineage tree and score chart grow while the run is
// live; open a rejected proposal's diff; stop; export JSON. Each step asserts what the user would see
// and leaves a screenshot under e2e/artifacts/<group>/.
import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { sentimentTask } from '../../src/tasks/demos/index.ts';
import { artifactPath, screenshot } from './artifacts.ts';
import { readExport, RESULT_FIELDS, type ExportParts } from './exportFile.ts';
import { ProposalsPage } from './proposalsPage.ts';
import { RunPage, type Download } from './runPage.ts';
import { SetupPage, type ModelSettings } from './setupPage.ts';

// With this seed (and seed 0) the offline demo model's first five proposals are rejected and later ones
// accepted, so the journey meets both kinds early, while the run is live.
export const SEED_PROMPT = 'Decide whether the review is positive, negative or neutral.';

export interface JourneyOptions {
  /** artifacts folder */
  group: string;
  /**
   * max metric calls: more than the run can spend before the test's own timeout, whatever the machine's
   * load (the model's latency is a floor on its pace), so the run is live when the journey stops it
   */
  budget: number;
  /** task and reflection LM; the offline demo model when absent */
  model?: ModelSettings;
}

export interface JourneyOutcome {
  download: Download;
  exported: ExportParts;
  /** the rejected proposal the journey opened, as the view showed it */
  opened: { proposalId: number; afterText: string; beforeText: string };
  lineageAtStop: number;
}

/** The demo task's dataset written to disk, so the upload is a real file. */
export function writeDemoDataset(group: string): string {
  const file = artifactPath(group, sentimentTask.fileName);
  writeFileSync(file, sentimentTask.jsonl);
  return file;
}

/** Samples the lineage and chart while the run is live until both grew twice (or the time is up). */
async function watchGrowth(run: RunPage, timeoutMs: number): Promise<{ lineage: number[]; chart: number[] }> {
  const lineage: number[] = [];
  const chart: number[] = [];
  const deadline = Date.now() + timeoutMs;
  const rises = (xs: number[]) => xs.filter((x, i) => i > 0 && x > (xs[i - 1] as number)).length;
  while (Date.now() < deadline) {
    const status = await run.status();
    if (!/running|starting/i.test(status)) break;
    lineage.push(await run.lineageNodeCount());
    chart.push(await run.chartPointCount());
    if (rises(lineage) >= 2 && (lineage.at(-1) ?? 0) >= 3 && rises(chart) >= 2) break;
    await run.page.waitForTimeout(150);
  }
  return { lineage, chart };
}

export async function runJourney(page: Page, options: JourneyOptions): Promise<JourneyOutcome> {
  const { group } = options;
  const setup = new SetupPage(page);
  const dataset = writeDemoDataset(group);

  // the demo task supplies a metric and template the offline model knows; the rest is the user's own
  await setup.loadDemo('sentiment');
  await setup.setInstruction(0, SEED_PROMPT);
  await setup.uploadDataset(dataset);
  await expect.poll(() => setup.id('dataset-preview').textContent()).toContain(String(sentimentTask.rows[0]?.review));
  await setup.mapFields({ inputs: ['review'], answer: 'label', id: 'id' });
  await setup.setTemplate(0, 'Review: {{review}}');
  const preview = (await setup.id('message-preview').textContent()) ?? '';
  expect(preview).toContain(SEED_PROMPT);
  expect(preview).toContain('Review: ');
  if (options.model) {
    await setup.setModel('task', options.model);
    await setup.setModel('reflection', options.model);
  } else {
    await expect.poll(() => setup.id('model-provider-task').inputValue()).toBe('demo');
  }
  await setup.setBudget('maxMetricCalls', options.budget);
  await expect.poll(() => setup.id('budget-explain').textContent()).toMatch(/full/i);
  await screenshot(page, group, '01-setup-full', { fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, group, '01-setup');

  await setup.start();
  const run = new RunPage(page);
  await run.openTab('overview');
  await run.id('lineage').waitFor();
  const growth = await watchGrowth(run, 45_000);
  await screenshot(page, group, '02-run-live');
  expect(await run.status(), 'the run ended before the journey could watch it').toMatch(/running/i);
  expect(
    Math.max(...growth.lineage),
    `lineage node counts while live: ${growth.lineage.join(', ')}`,
  ).toBeGreaterThanOrEqual(3);
  expect(
    new Set(growth.lineage).size,
    `lineage node counts while live: ${growth.lineage.join(', ')}`,
  ).toBeGreaterThanOrEqual(3);
  expect(growth.lineage.at(-1)).toBeGreaterThan(growth.lineage.at(0) as number);
  expect(
    new Set(growth.chart).size,
    `chart point counts while live: ${growth.chart.join(', ')}`,
  ).toBeGreaterThanOrEqual(3);
  expect(growth.chart.at(-1)).toBeGreaterThan(growth.chart.at(0) as number);

  // a rejected proposal, opened: its diff against the parent text
  const proposals = new ProposalsPage(page);
  await run.openTab('proposals');
  await proposals.id('proposals-table').waitFor();
  await proposals.filterStatus('rejected');
  // rejected on the minibatch (not for unusable reflection output), so there is a proposed text to diff
  await proposals.search('did not beat');
  await expect.poll(() => proposals.rows().count(), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(new Set(await proposals.rowStatuses())).toEqual(new Set(['rejected']));
  const row = proposals.rows().first();
  const proposalId = Number(((await row.getAttribute('data-testid')) ?? '').replace('proposal-row-', ''));
  await proposals.open(row);
  const diff = proposals.id('proposal-diff');
  await expect.poll(async () => (await diff.locator('ins, del').count()) > 0).toBe(true);
  const opened = await diff.evaluate((el) => {
    const kept = (skip: string) =>
      [...el.childNodes]
        .filter((n) => n.nodeName !== skip)
        .map((n) => n.textContent ?? '')
        .join('');
    return { afterText: kept('DEL'), beforeText: kept('INS') };
  });
  expect(opened.afterText.trim()).not.toBe('');
  await screenshot(page, group, '03-rejected-proposal');

  const endStatus = await run.stop();
  expect(endStatus).toMatch(/stopped/i);
  await run.openTab('overview');
  const lineageAtStop = await run.lineageNodeCount();
  await screenshot(page, group, '04-stopped');

  const download = await run.download('export-json', group);
  expect(download.suggestedName).toMatch(/\.json$/);
  const exported = readExport(download.text);
  return { download, exported, opened: { proposalId, ...opened }, lineageAtStop };
}

/** What every exported journey must satisfy, whichever model ran it. */
export function checkJourneyExport(outcome: JourneyOutcome, budget: number): void {
  const { result, proposals, config } = outcome.exported;
  for (const field of RESULT_FIELDS) {
    expect(result, `the exported result lacks ${field}`).toHaveProperty(field);
  }
  const n = result.candidates.length;
  expect(n).toBeGreaterThanOrEqual(2);
  expect(n, 'the lineage showed every exported candidate').toBe(outcome.lineageAtStop);
  expect(result.parents).toHaveLength(n);
  expect(result.val_aggregate_scores).toHaveLength(n);
  expect(result.val_subscores).toHaveLength(n);
  expect(result.discovery_eval_counts).toHaveLength(n);
  expect(result.candidates[0]).toEqual({ classify: SEED_PROMPT });
  expect(result.best_idx).toBe(result.val_aggregate_scores.indexOf(Math.max(...result.val_aggregate_scores)));
  expect(result.total_metric_calls).toBeGreaterThan(0);
  expect(result.total_metric_calls).toBeLessThanOrEqual(budget);
  expect(result.num_full_val_evals).toBeGreaterThanOrEqual(n);

  const statuses = new Set(proposals.map((p) => p.status));
  expect(statuses.has('accepted') && statuses.has('rejected'), `proposal statuses: ${[...statuses].join(', ')}`).toBe(
    true,
  );
  // every candidate after the seed came from exactly one accepted proposal (reflective or merge)
  const acceptedIdx = proposals
    .filter((p) => p.status === 'accepted')
    .map((p) => p.candidateIdx)
    .sort((a, b) => a - b);
  expect(acceptedIdx).toEqual(Array.from({ length: n - 1 }, (_, i) => i + 1));

  const shown = proposals.find((p) => p.proposalId === outcome.opened.proposalId);
  expect(shown, `the opened proposal ${outcome.opened.proposalId} is in the export`).toBeDefined();
  expect(shown?.status).toBe('rejected');
  expect(shown?.reason).toMatch(/did not beat/);
  expect(shown?.proposedText).not.toBe('');
  expect(outcome.opened.afterText).toBe(shown?.proposedText);
  expect(outcome.opened.beforeText).toBe(shown?.parentText);

  expect(config.program.steps[0]?.instruction).toBe(SEED_PROMPT);
  expect(config.dataset.mapping).toMatchObject({ inputs: ['review'], answer: 'label', id: 'id' });
  expect(config.budget).toEqual({ maxMetricCalls: budget });
}
