// A time-limited run, as a user sets it up: a time limit in the budget panel (the explanation says what it adds),
// a budget the demo model cannot spend in that time, and the run header saying which limit ended the run.
import { describe, expect, it } from 'vitest';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { readExport } from './harness/exportFile.ts';
import { screenshot } from './harness/artifacts.ts';
import { setControl } from './harness/fields.ts';

const GROUP = 'stop-conditions';
const suite = useStudioSuite(GROUP);

// the offline model waits 300 ms a call and an iteration makes several rounds of calls: this budget takes many
// minutes to spend, so only the 15-second limit can end the run
const BUDGET = 50_000;

describe('stop conditions', () => {
  it('a run with a time limit of 0.25 minutes stops on it, and the run header says so', async () => {
    const page = suite.session.page;
    const setup = new SetupPage(page);
    await setup.loadDemo('contact-card');
    await setup.setDemoLatency(300);
    await setup.setBudget('maxMetricCalls', BUDGET);

    expect(await setup.id('stop-combine').isDisabled(), 'one limit or none: nothing to combine').toBe(true);
    await setControl(setup.id('stop-timeLimitMinutes'), '0.25');
    await expect
      .poll(() => setup.id('budget-explain').textContent())
      .toContain('The run stops sooner if it reaches a time limit of 15 s first');
    // the panel and its explanation, above the sticky start bar
    await setup.id('budget-explain').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 220));
    await screenshot(page, GROUP, '01-setup-time-limit');

    await setup.start();
    const run = new RunPage(page);
    // while it runs, the ETA is the time limit's, not the budget's hours
    await expect.poll(() => run.progress().then((p) => p.used), { timeout: 120_000 }).toBeGreaterThan(0);
    if (/running/i.test(await run.status())) await screenshot(page, GROUP, '02-run-live-eta');
    // generous: the limit is 15 s of the run's own time; a busy machine only makes it later
    expect(await run.waitForEnd(180_000)).toMatch(/finished/i);
    // on a line of its own, not cut short beside the title
    await expect.poll(() => run.id('run-stop-limit').textContent()).toMatch(/^Stopped: time limit of 15 s reached —/);
    expect(await run.id('run-stop-limit').isVisible()).toBe(true);
    const { used, cap } = await run.progress();
    expect(cap).toBe(BUDGET);
    expect(used, 'the budget was not what ended it').toBeLessThan(BUDGET);
    await screenshot(page, GROUP, '03-run-stopped-on-time-limit');

    const download = await run.download('export-json', GROUP);
    const exported = readExport(download.text);
    expect(exported.config.options.stop).toEqual({ timeLimitMinutes: 0.25 });
  }, 300_000);
});
