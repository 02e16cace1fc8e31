// The exported HTML report in real Chromium: opened from disk (file://) in its own context with every
// request other than the file itself aborted and recorded, so a test proves the report needs no network.
// Page errors and dialogs (an alert from an injected script) are recorded too.
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { VIEWPORT } from './browser.ts';

export class ReportPage {
  /** requests the page attempted beyond its own file (must stay empty) */
  readonly requests: string[] = [];
  readonly pageErrors: string[] = [];
  readonly dialogs: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, file: string): Promise<ReportPage> {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const report = new ReportPage(context, page);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      report.requests.push(url);
      return route.abort();
    });
    page.on(
      'request',
      (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && report.requests.push(r.url()),
    );
    page.on('pageerror', (err) => report.pageErrors.push(err.stack ?? err.message));
    page.on('dialog', (d) => {
      report.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    return report;
  }

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  nodes(): Locator {
    return this.page.locator('[data-testid^="tree-node-"]');
  }

  async text(testId: string): Promise<string> {
    return (await this.id(testId).first().textContent()) ?? '';
  }

  /** Elements the report's data could have become had it been parsed as HTML. */
  markupFromData(): Promise<{ imgs: number; onerror: number; scripts: number }> {
    return this.page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      onerror: document.querySelectorAll('[onerror]').length,
      scripts: document.querySelectorAll('script').length,
    }));
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
