// Journey 5, "take it away": export a finished run as JSON, open the studio afresh (a colleague's tab),
// import the file and see the same run read-only: as many lineage nodes as exported candidates, the
// same figures and texts, and no run controls.
import { describe, expect, it } from 'vitest';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { ProposalsPage } from './harness/proposalsPage.ts';
import { readExport } from './harness/exportFile.ts';
import { screenshot } from './harness/artifacts.ts';

const GROUP = 'import-export';
const suite = useStudioSuite(GROUP);

describe('importing an exported run', () => {
  it('shows the exported run read-only with the same candidates and no controls', async () => {
    const { page } = suite.session;
    const setup = new SetupPage(page);
    await setup.loadDemo('sentiment');
    await setup.setBudget('maxMetricCalls', 400);
    // nothing here watches the run: it only has to end, so it need not be slowed down to be seen
    await setup.setDemoLatency(10);
    await setup.start();
    const run = new RunPage(page);
    expect(await run.waitForEnd()).toMatch(/finished/i);
    const download = await run.download('export-json', GROUP);
    const exported = readExport(download.text);
    const n = exported.result.candidates.length;
    expect(n).toBeGreaterThanOrEqual(2);

    // a fresh tab: nothing of the run survives in memory
    await page.reload();
    await page.locator('.app').waitFor();
    await run.importFile(download.path);
    await run.id('run-status').waitFor();
    await run.openTab('overview');
    await expect.poll(() => run.lineageNodeCount()).toBe(n);
    for (const control of ['pause-run', 'resume-run', 'stop-run']) {
      expect(await run.id(control).isVisible(), `${control} is hidden for an imported run`).toBe(false);
    }
    expect(await run.progress()).toMatchObject({ used: exported.result.total_metric_calls });
    expect(await run.id('run-candidates').textContent()).toContain(String(n));
    await screenshot(page, GROUP, '01-imported-overview');

    const best = exported.result.best_idx;
    await run.id(`lineage-node-${best}`).click();
    await run.openTab('candidates');
    await expect
      .poll(() => run.id('candidate-text-classify').textContent())
      .toBe(exported.result.candidates[best]?.classify);
    await screenshot(page, GROUP, '02-imported-candidate');

    const proposals = new ProposalsPage(page);
    await run.openTab('proposals');
    await expect.poll(() => proposals.rows().count()).toBeGreaterThan(0);
    const first = exported.proposals[0];
    expect(first).toBeDefined();
    await proposals.open(proposals.id(`proposal-row-${first?.proposalId}`));
    expect(await proposals.id('proposal-diff').textContent()).not.toBe('');
    await screenshot(page, GROUP, '03-imported-proposal');
  });
});
