// Dataset uploads: a malformed file's error names the file and line inline and the data loaded before it
// stays; awkward files (invisible characters and a BOM in the header, empty or duplicate header names, a
// JSON array on one line) load or fail with words a person can act on, and the page logs nothing.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { useStudioSuite } from './harness/session.ts';
import { pageReport } from './harness/studio.ts';
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

  it('loads awkward files, warnings naming invisible characters, with no console error or warning', async () => {
    const { page } = suite.session;
    const setup = new SetupPage(page);
    const preview = setup.id('dataset-preview');
    const warnings = setup.id('dataset-warnings');

    await setup.uploadDataset(fixture('awkward-invisible.csv'));
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain(
      'awkward-invisible.csv: column 2 header had a zero-width space (U+200B) before "question"; removed',
    );
    expect(await warnings.textContent()).toContain('a no-break space (U+00A0) after "answer"');
    // the default template reads {{question}}: the cleaned header matches it
    await expect.poll(() => setup.id('start-status').textContent()).toMatch(/^Ready/);

    await setup.uploadDataset(fixture('awkward-empty-headers.csv'));
    await expect.poll(() => preview.textContent()).toContain('column_2');
    expect(await preview.textContent()).toContain('column_4');
    await expect.poll(() => warnings.count()).toBe(0);

    // JSON allows an empty key: it is named by position too, else it could be neither shown nor mapped
    await setup.uploadDataset(fixture('awkward-empty-key.jsonl'));
    await expect.poll(() => warnings.textContent()).toContain('key "" (first on line 1) is empty; named "column_1"');
    expect(await preview.textContent()).toContain('geography');

    await setup.uploadDataset(fixture('awkward-duplicate-headers.csv'));
    const error = setup.id('dataset-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('the header names this column twice (columns 1 and 3)');

    // every element of a one-line array starts on line 1
    await setup.uploadDataset(fixture('awkward-one-line.json'));
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(3);
    expect(await preview.textContent()).toContain('Ada Lovelace');
    await expect.poll(() => error.count()).toBe(0);
    await screenshot(page, 'dataset-errors', 'awkward-files');

    expect(suite.session.consoleErrors, pageReport(suite.session)).toEqual([]);
    expect(suite.session.consoleWarnings, pageReport(suite.session)).toEqual([]);
  });

  it('loads the page without a failed request: the favicon is there', async () => {
    const { page } = suite.session;
    const link = page.locator('link[rel="icon"]');
    expect(await link.count(), 'index.html links a favicon (else Chromium asks for /favicon.ico)').toBe(1);
    const response = await page.request.get(new URL((await link.getAttribute('href')) ?? '', page.url()).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/image\/svg\+xml/);
    // a missing favicon shows only as a console error ("Failed to load resource"), not as a response
    expect(suite.session.failedResponses, pageReport(suite.session)).toEqual([]);
    expect(suite.session.consoleErrors, pageReport(suite.session)).toEqual([]);
  });
});
