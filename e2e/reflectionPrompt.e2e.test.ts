// The reflection prompt, as a user customises it: the default shown read-only, Customize for the step, a
// placeholder error named as it is typed (and holding Start back), a prompt with a marker sentence
// previewed on the seed's run over the first training examples, and then a run whose reflection requests,
// as the local OpenAI-compatible server receives them, are that prompt; the export keeps it in its config.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLmServer, type LmServer } from './lmServer/server.ts';
import { demoResponder } from './lmServer/responders.ts';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { readExport } from './harness/exportFile.ts';
import { artifactPath, screenshot } from './harness/artifacts.ts';
import { DEFAULT_REFLECTION_TEMPLATE } from '../src/engine/index.ts';

const GROUP = 'reflection-prompt';
const API_KEY = 'sk-e2e-reflection-5c1e';
const MARKER = 'Marker 7Q4: weigh the harshest feedback first.';
const SEED = 'Decide whether the review is positive, negative or neutral.';
const suite = useStudioSuite(GROUP);
let server: LmServer;
/** every chat request's messages, joined, in arrival order */
const received: string[] = [];

beforeAll(async () => {
  server = await startLmServer({
    port: 0,
    host: '127.0.0.1',
    latencyMs: 100,
    apiKey: API_KEY,
    responder: (messages, model) => {
      received.push(messages.map((m) => m.content).join('\n\n'));
      return demoResponder(messages, model);
    },
  });
});
afterAll(() => server.close());

describe('the reflection prompt', () => {
  it('edited per step, checked as typed, previewed on real examples: what the reflection LM receives', async () => {
    const page = suite.session.page;
    const setup = new SetupPage(page);
    await setup.loadDemo('sentiment');
    await setup.setInstruction(0, SEED);
    const model = { provider: 'custom', baseUrl: server.url, model: 'demo', apiKey: API_KEY };
    await setup.setModel('task', model);
    await setup.setModel('reflection', model);
    // more than the run can spend before it is stopped
    await setup.setBudget('maxMetricCalls', 100_000);

    // folded by default; unfolded, the engine's prompt read-only until customised
    expect(await setup.id('reflection-readonly-0').isVisible()).toBe(false);
    expect(await setup.id('reflection-badge').textContent()).toBe('default');
    await setup.id('reflection-toggle').click();
    expect(await setup.id('reflection-readonly-0').textContent()).toBe(DEFAULT_REFLECTION_TEMPLATE);
    await setup.id('reflection-section').screenshot({ path: artifactPath(GROUP, '00-default-read-only.png') });
    await setup.id('reflection-customize-0').click();
    const editor = setup.id('reflection-edit-0');
    expect(await editor.inputValue()).toBe(DEFAULT_REFLECTION_TEMPLATE);

    // a placeholder error, named with its step, as it is typed; Start is held back
    await editor.fill(`${MARKER}\n\n${DEFAULT_REFLECTION_TEMPLATE.replace('{{examples}}', '{{ examples }}')}`);
    const problems = setup.id('reflection-problems-0');
    await expect
      .poll(() => problems.textContent())
      .toContain('step “classify”’s reflection prompt is missing {{examples}}');
    expect(await problems.textContent()).toContain('has {{ examples }}: write it {{examples}}, without spaces');
    expect(await setup.id('reflection-badge').textContent()).toBe('2 problems');
    expect(await setup.id('start-run').isDisabled()).toBe(true);
    expect(await setup.id('start-status').textContent()).toContain('fix step “classify”’s reflection prompt');
    await setup.id('reflection-section').scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '01-editor-placeholder-error');

    // fixed: the marker sentence on top of the default prompt, previewed on the seed's run over real examples
    await editor.fill(`${MARKER}\n\n${DEFAULT_REFLECTION_TEMPLATE}`);
    await expect.poll(() => problems.count()).toBe(0);
    expect(await setup.id('reflection-badge').textContent()).toBe('custom · 1 of 1');
    const before = server.stats().completions;
    await setup.id('reflection-preview-run').click();
    const preview = setup.id('reflection-preview-text');
    await preview.waitFor({ timeout: 60_000 });
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText.startsWith(MARKER)).toBe(true);
    expect(previewText).toContain('```\n' + SEED + '\n```');
    expect(previewText).toMatch(/# Example 3\n## Inputs\n/);
    expect(previewText).toMatch(/## Feedback\nScore \d\.\d\d\. /);
    expect(previewText).not.toContain('{{');
    expect(server.stats().completions - before, 'the seed ran on 3 examples at the endpoint').toBeGreaterThanOrEqual(3);
    // the preview's inputs are the dataset's own texts
    const firstInput = /# Example 1\n## Inputs\n([^\n]+)/.exec(previewText)?.[1] ?? '';
    expect(received.some((r) => r.includes(firstInput))).toBe(true);
    await setup.id('reflection-preview').scrollIntoViewIfNeeded();
    await screenshot(page, GROUP, '02-preview');
    await setup.id('reflection-section').screenshot({ path: artifactPath(GROUP, '03-section.png') });

    // the run: its reflection requests carry the edited prompt, filled
    received.length = 0;
    await setup.start();
    const run = new RunPage(page);
    const reflections = () => received.filter((r) => r.includes(MARKER));
    await expect.poll(() => reflections().length, { timeout: 120_000 }).toBeGreaterThan(0);
    const sent = reflections()[0] as string;
    expect(sent.startsWith(MARKER)).toBe(true);
    expect(sent).toContain('```\n' + SEED + '\n```');
    expect(sent).toMatch(/# Example 1\n## Inputs\n[\s\S]*## Feedback\nScore /);
    expect(sent).not.toContain('{{');
    // the task LM's requests do not carry it
    expect(received.filter((r) => !r.includes('# Example 1')).some((r) => r.includes(MARKER))).toBe(false);
    await screenshot(page, GROUP, '04-run');
    if (/running|starting/i.test(await run.status())) await run.stop();
    else await run.waitForEnd(60_000);

    const exported = readExport((await run.download('export-json', GROUP)).text);
    expect(exported.config.reflectionPrompt).toEqual({
      perStep: { classify: `${MARKER}\n\n${DEFAULT_REFLECTION_TEMPLATE}` },
    });
  }, 300_000);
});
