// The HTML report, journey 5's shareable file: a studio run exported with "Export report" opens from disk
// with the network blocked and shows the lineage tree, the proposals with their diffs and the texts;
// clicking a node shows its text; a seed prompt carrying "</script><img onerror>" shows as text and runs
// nothing. A 1,000-candidate report (the UI bench's synthetic run) opens and stays usable.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { ReportPage } from './harness/reportPage.ts';
import { artifactPath, screenshot } from './harness/artifacts.ts';
import { readExport } from './harness/exportFile.ts';
import { buildReportHtml } from '../src/report/index.ts';
import { emptyExportedRun } from '../src/run/exportFormat.ts';
import { foldRunEvents } from '../src/run/foldRunEvents.ts';
import { syntheticBatches, syntheticRunConfig } from '../bench/ui/syntheticRun.ts';

const GROUP = 'report';
const PAYLOAD = '</script><img src=x onerror=alert(1)>';
const suite = useStudioSuite(GROUP);

describe('the HTML report', () => {
  it('opens offline from disk with the tree, proposals and texts; a payload stays text', async () => {
    const { page } = suite.session;
    const setup = new SetupPage(page);
    await setup.loadDemo('sentiment');
    await setup.setInstruction(
      0,
      `Classify the sentiment of the customer review as positive, negative or neutral. ${PAYLOAD}`,
    );
    await setup.setBudget('maxMetricCalls', 400);
    await setup.setDemoLatency(10);
    await setup.start();
    const run = new RunPage(page);
    expect(await run.waitForEnd()).toMatch(/finished/i);
    const json = readExport((await run.download('export-json', GROUP)).text);
    const download = await run.download('export-report', GROUP);
    expect(download.suggestedName).toMatch(/^gepa-.+-report\.html$/);

    const report = await ReportPage.open(suite.context.browser()!, download.path);
    try {
      const n = json.result.candidates.length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(await report.nodes().count()).toBe(n);
      expect(await report.text('report-title')).toBe(json.config.name);

      // the best candidate is selected first; the seed, clicked, shows its text with the payload as text
      await report.id('tree-node-0').click();
      await expect.poll(() => report.text('node-title')).toMatch(/^Candidate #0/);
      expect(await report.text('node-text-classify')).toContain(PAYLOAD);
      expect(await report.text('seed-text-classify')).toContain(PAYLOAD);
      const best = json.result.best_idx;
      expect(await report.text('best-text-classify')).toBe(json.result.candidates[best]?.classify);
      await screenshot(report.page, GROUP, '01-report-top');

      // every proposal is listed, accepted and rejected; a row opens its diff
      expect(await report.text('section-proposals')).toContain(`${json.proposals.length} proposals`);
      const rejected = json.proposals.find((p) => p.status === 'rejected');
      const accepted = json.proposals.find((p) => p.status === 'accepted');
      expect(accepted).toBeDefined();
      await report.id('proposal-status').selectOption('accepted');
      await report.id(`proposal-row-${accepted!.proposalId}`).click();
      expect(await report.text('proposal-diff')).toBe(accepted!.proposedText);
      await report.id('proposal-diff').scrollIntoViewIfNeeded();
      await screenshot(report.page, GROUP, '02-report-proposal');
      if (rejected) {
        await report.id('proposal-status').selectOption('rejected');
        await expect(report.id(`proposal-row-${rejected.proposalId}`).isVisible()).resolves.toBe(true);
      }

      expect(await report.id('matrix').locator('td.cell').count()).toBeGreaterThan(0);
      await screenshot(report.page, GROUP, '03-report-full', { fullPage: true });

      expect(await report.markupFromData(), 'only the report’s own two script elements').toEqual({
        imgs: 0,
        onerror: 0,
        scripts: 2,
      });
      expect(report.dialogs).toEqual([]);
      expect(report.pageErrors).toEqual([]);
      expect(report.requests, 'requests beyond the file').toEqual([]);
    } finally {
      await report.close();
    }
  });

  it('draws a 1,000-candidate run of 5,000 proposals and pages through it', async () => {
    const size = { candidates: 1000, proposals: 5000, proposalsPerBatch: 100 };
    const exported = emptyExportedRun('synthetic-1000', syntheticRunConfig(size));
    Object.assign(exported, foldRunEvents(exported, syntheticBatches(size).flat()));
    const file = artifactPath(GROUP, 'synthetic-1000-report.html');
    writeFileSync(file, buildReportHtml(exported));

    const report = await ReportPage.open(suite.context.browser()!, file);
    try {
      expect(await report.nodes().count()).toBe(1000);
      expect(await report.text('tree-count')).toBe('1000 candidates');
      await screenshot(report.page, GROUP, '04-report-1000');
      // a node among a thousand: found by number, centred and shown
      await report.id('tree-find').fill('500');
      await report.id('tree-find').press('Enter');
      await expect.poll(() => report.text('node-title')).toMatch(/^Candidate #500/);
      // skipped rounds are listed on request: "all" pages through every one of the 5,000
      await report.id('proposal-status').selectOption('all');
      expect(await report.page.locator('[data-testid="proposals-table"] tbody tr').count()).toBe(25);
      expect(await report.text('section-proposals')).toContain('1–25 of 5,000 (page 1 of 200)');
      expect(await report.page.locator('[data-testid="matrix"] tbody tr').count()).toBe(50);
      await screenshot(report.page, GROUP, '05-report-1000-full', { fullPage: true });
      expect(report.pageErrors).toEqual([]);
      expect(report.requests).toEqual([]);
    } finally {
      await report.close();
    }
  });
});
