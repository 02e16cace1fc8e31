// Several proposals in flight, as a user sets them up: four proposals a round (the best kept, rounds
// overlapped, the checkbox off for one proposal a round), the run header counting proposals in flight
// while it runs, and the setting kept in the exported run's config.
import { describe, expect, it } from 'vitest';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { readExport } from './harness/exportFile.ts';
import { screenshot } from './harness/artifacts.ts';
import { setControl } from './harness/fields.ts';

const GROUP = 'proposals-in-flight';
const suite = useStudioSuite(GROUP);

describe('proposals in flight', () => {
  it('four proposals a round with overlapped rounds: set up, shown in flight, kept in the export', async () => {
    const page = suite.session.page;
    const setup = new SetupPage(page);
    // the contact-card task takes the demo model longest to master, so the run has rounds to show
    await setup.loadDemo('contact-card');
    await setup.setDemoLatency(300);
    await setup.setBudget('maxMetricCalls', 400);

    const overlap = setup.id('option-overlap');
    expect(await overlap.isDisabled(), 'one proposal a round: nothing to overlap').toBe(true);
    await setup.id('option-sampling').selectOption('independent');
    await setControl(setup.id('option-sampling-n'), '4');
    expect(await overlap.isDisabled()).toBe(false);
    expect(await overlap.isChecked(), 'a new setup overlaps rounds').toBe(true);
    expect(await setup.id('option-keep').inputValue()).toBe('best');
    await expect.poll(() => setup.id('proposals-trade-off').textContent()).toContain('Overlapping rounds');
    // above the sticky start bar
    await setup.id('proposals-trade-off').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 150));
    await screenshot(page, GROUP, '01-setup-proposals-per-round');

    // the count shows only while two or more proposals reflect at once, for about one model call: every
    // text it shows is recorded in the page, so no poll can miss it
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { inFlightSeen: string[] }).inFlightSeen = seen;
      new MutationObserver(() => {
        const t = document.querySelector('[data-testid="run-in-flight"]')?.textContent;
        if (t && seen.at(-1) !== t) seen.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await setup.start();
    const run = new RunPage(page);
    const seen = () => page.evaluate(() => (window as unknown as { inFlightSeen: string[] }).inFlightSeen.join(' | '));
    await expect.poll(seen, { timeout: 90_000 }).toMatch(/[2-4] of 4 proposals in flight/);
    await screenshot(page, GROUP, '02-run-in-flight');
    if (/running/i.test(await run.status())) await run.stop();
    else await run.waitForEnd(60_000);

    const download = await run.download('export-json', GROUP);
    const exported = readExport(download.text);
    expect(exported.config.options).toMatchObject({
      samplingStrategy: { kind: 'independent', n: 4 },
      selectionStrategy: 'best',
      overlapRounds: true,
    });
  }, 180_000);
});
