// Prompts, dataset text and LM output are text, never markup: an <img onerror> payload in the seed
// prompt, in every dataset input, in one expected answer and in every task-LM output must show up
// literally in the views and never become an element or run script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startLmServer, type LmServer } from './lmServer/server.ts';
import { demoResponder } from './lmServer/responders.ts';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { ProposalsPage } from './harness/proposalsPage.ts';
import { artifactPath, screenshot } from './harness/artifacts.ts';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const OUTPUT_WITH_PAYLOAD = /(positive|negative|neutral)\W*\s?<img src=x onerror=alert\(1\)>/i;
const GROUP = 'html-as-text';
const suite = useStudioSuite(GROUP);
let server: LmServer;

beforeAll(async () => {
  // the task LM answers like the demo model, then repeats the payload: an output that carries markup
  server = await startLmServer({
    port: 0,
    host: '127.0.0.1',
    latencyMs: 10,
    responder: async (messages, model) => `${await demoResponder(messages, model)} ${PAYLOAD}`,
  });
});
afterAll(() => server.close());

/** The reviews fixture with the payload in every review and as one row's expected answer. */
function payloadDataset(): string {
  const rows = readFileSync(fileURLToPath(new URL('./fixtures/reviews.jsonl', import.meta.url)), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; review: string; label: string });
  const tainted = rows.map((r, i) => ({ ...r, review: `${r.review} ${PAYLOAD}`, label: i === 1 ? PAYLOAD : r.label }));
  const file = artifactPath(GROUP, 'payload.jsonl');
  writeFileSync(file, tainted.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

async function expectNoMarkup(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => ({
    imgs: document.querySelectorAll('#root img').length,
    onerror: document.querySelectorAll('[onerror]').length,
  }));
  expect(found, `markup from the payload in the ${where}`).toEqual({ imgs: 0, onerror: 0 });
}

describe('text that looks like HTML', () => {
  it('renders the payload literally in preview, candidate text and proposal: no element, no dialog', async () => {
    const { page, dialogs } = suite.session;
    const setup = new SetupPage(page);
    await setup.loadDemo('sentiment');
    // first, so the instruction never reads "<label> <payload>" like a task-LM output does
    await setup.setInstruction(
      0,
      `${PAYLOAD} Classify the sentiment of the customer review as positive, negative or neutral.`,
    );
    await setup.uploadDataset(payloadDataset());
    await setup.mapFields({ inputs: ['review'], answer: 'label', id: 'id' });
    await expect.poll(() => setup.id('dataset-preview').textContent()).toContain(PAYLOAD);
    const preview = (await setup.id('message-preview').textContent()) ?? '';
    expect(
      preview.split(PAYLOAD).length - 1,
      'the payload in the instruction and in the example’s review',
    ).toBeGreaterThanOrEqual(2);
    await setup.setModel('task', { provider: 'custom', baseUrl: server.url, model: 'demo' });
    await setup.setBudget('maxMetricCalls', 120);
    await expectNoMarkup(page, 'setup view');
    await screenshot(page, GROUP, '01-setup');

    await setup.start();
    const run = new RunPage(page);
    expect(await run.waitForEnd()).toMatch(/finished|stopped/i);
    await run.openTab('overview');
    await expectNoMarkup(page, 'run overview');

    // the seed carries the payload (a child the run accepted may have rewritten it away): select it
    await run.id('lineage-node-0').click();
    await run.openTab('candidates');
    const seedText = run.id('candidate-view').getByTestId('candidate-text-classify');
    await expect.poll(() => seedText.textContent()).toContain(PAYLOAD);
    // the per-example outputs of the task LM: a label, then the payload
    await expect.poll(() => run.id('candidate-view').textContent()).toMatch(OUTPUT_WITH_PAYLOAD);
    await expectNoMarkup(page, 'candidate view');
    await screenshot(page, GROUP, '02-candidate');

    const proposals = new ProposalsPage(page);
    await run.openTab('proposals');
    await expect.poll(() => proposals.rows().count()).toBeGreaterThan(0);
    await proposals.open(proposals.rows().first());
    const prompt = (await proposals.id('proposal-prompt').textContent()) ?? '';
    expect(prompt).toContain(PAYLOAD);
    expect(prompt, 'the task-LM outputs the reflection LM saw').toMatch(OUTPUT_WITH_PAYLOAD);
    await expectNoMarkup(page, 'proposal detail');
    await screenshot(page, GROUP, '03-proposal');

    expect(dialogs).toEqual([]);
    expect(server.stats().completions).toBeGreaterThan(0);
  });
});
