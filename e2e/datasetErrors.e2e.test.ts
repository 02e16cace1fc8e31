// A malformed dataset file: the error names the file and line inline, and the data loaded before it stays.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { screenshot } from './harness/artifacts.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const suite = useStudioSuite('dataset-errors');

describe('dataset upload errors', () => {
  it('shows a malformed JSONL file’s line-numbered error and keeps the previous data', async () => {
    const setup = new SetupPage(suite.session.page);
    await setup.uploadDataset(fixture('reviews.csv'));
    const preview = setup.id('dataset-preview');
    await expect.poll(() => preview.textContent()).toContain('Terrible customer service, nobody answered my emails!');
    await expect(setup.id('dataset-error').count()).resolves.toBe(0);

    await setup.uploadDataset(fixture('malformed.jsonl'));
    const error = setup.id('dataset-error');
    await error.waitFor();
    const message = (await error.textContent()) ?? '';
    expect(message).toMatch(/line 3\b/i);
    expect(message).toContain('malformed.jsonl');
    // the CSV rows are still the dataset: the bad file replaced nothing
    expect(await preview.textContent()).toContain('Terrible customer service, nobody answered my emails!');
    expect(await preview.textContent()).not.toContain('Great value, I would recommend it to anyone.');
    await screenshot(suite.session.page, 'dataset-errors', 'malformed-jsonl');

    // a good file clears the error
    await setup.uploadDataset(fixture('reviews.jsonl'));
    await expect.poll(() => preview.textContent()).toContain('Absolutely love this kettle');
    await expect.poll(() => setup.id('dataset-error').count()).toBe(0);
  });
});
