// Feedback per step in the studio: the contact-card demo (extract → format) with a custom metric that gives
// each step its own feedback. In the proposals view, a proposal for "extract" shows the reflection LM
// extract's feedback records, and one for "format" shows format's: never the other step's, never the
// program-level line the metric gave as well.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { ProposalsPage } from './harness/proposalsPage.ts';
import { screenshot } from './harness/artifacts.ts';
import { setControl } from './harness/fields.ts';
import { stepFeedbackMetricCode } from './fixtures/stepFeedbackMetric.ts';

const GROUP = 'step-feedback';
const suite = useStudioSuite(GROUP);

describe('feedback per step', () => {
  it("shows each step's own feedback in the proposals of that step", async () => {
    const page = suite.session.page;
    const setup = new SetupPage(page);
    await setup.loadDemo('contact-card');
    // the LLM judge can be asked per step
    await setControl(setup.id('metric-kind'), 'llm_judge');
    await setup.id('metric-judge-per-step').check();
    await screenshot(page, GROUP, '00-setup-judge-per-step');

    await setControl(setup.id('metric-kind'), 'custom');
    await setup.id('metric-code').fill(stepFeedbackMetricCode());
    await setup.setDemoLatency(20);
    await setup.setBudget('maxMetricCalls', 150);
    // the metric test shows each step's own line
    await setup.id('metric-test').click();
    const steps = setup.id('metric-test-steps').first();
    await steps.waitFor({ timeout: 60_000 });
    expect(await steps.textContent()).toMatch(/extractEXTRACT ONLY: .*formatFORMAT ONLY: /s);
    await steps.scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '01-setup-custom-metric-test-with-steps');
    // the two feedback options, in the advanced options, on by default
    await page.locator('details.advanced > summary').click();
    expect(await setup.id('option-format-failures').isChecked()).toBe(true);
    expect(await setup.id('option-score-mismatch').isChecked()).toBe(true);
    await setup.id('option-score-mismatch').scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '01b-setup-feedback-options');

    await setup.start();
    const run = new RunPage(page);
    await run.waitForEnd(240_000);
    await run.openTab('proposals');
    const proposals = new ProposalsPage(page);
    await expect.poll(() => proposals.rows().count(), { timeout: 30_000 }).toBeGreaterThan(1);

    // the first proposal of each step that had records to read
    const seen = new Map<string, { row: Locator; feedback: string }>();
    const count = await proposals.rows().count();
    for (let i = 0; i < count && seen.size < 2; i++) {
      const row = proposals.rows().nth(i);
      if ((await row.getAttribute('data-status')) === 'skipped') continue;
      const detail = await proposals.open(row);
      const component = (await detail.locator('.detail-title .mono').textContent())?.trim() ?? '';
      const records = detail.getByTestId('proposal-feedback');
      if (!component || seen.has(component) || (await records.count()) === 0) continue;
      seen.set(component, { row, feedback: (await records.textContent()) ?? '' });
    }
    expect([...seen.keys()].sort()).toEqual(['extract', 'format']);
    const extract = seen.get('extract')?.feedback ?? '';
    const format = seen.get('format')?.feedback ?? '';
    expect(extract).toContain('EXTRACT ONLY: the fields pulled out were');
    expect(extract).not.toContain('FORMAT ONLY');
    expect(format).toContain('FORMAT ONLY: the output');
    expect(format).not.toContain('EXTRACT ONLY');
    // both steps had their own line: the program-level feedback reached neither
    expect(extract + format).not.toContain('PROGRAM:');

    for (const name of ['extract', 'format']) {
      const detail = await proposals.open(seen.get(name)?.row as Locator);
      await detail.getByTestId('proposal-feedback').scrollIntoViewIfNeeded();
      await screenshot(page, GROUP, `0${name === 'extract' ? 2 : 3}-proposal-${name}-feedback`);
    }
  }, 360_000);
});
