// The run view as a page object: header figures, tabs, the lineage tree and score chart as counts,
// run controls, and export / import through real downloads and file inputs.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { artifactPath } from './artifacts.ts';

export type RunTabName = 'overview' | 'proposals' | 'candidates' | 'matrix';

export interface Download {
  path: string;
  text: string;
  suggestedName: string;
}

const ENDED = /stopped|finished|error|failed/i;

export class RunPage {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async status(): Promise<string> {
    return ((await this.id('run-status').textContent()) ?? '').trim();
  }

  /** The header's "used / cap" figures. */
  async progress(): Promise<{ used: number; cap: number | null }> {
    const text = (await this.id('run-progress').textContent()) ?? '';
    const m = /([\d,]+)\s*\/\s*([\d,]+|∞|—|-)?/.exec(text);
    if (!m) throw new Error(`run-progress does not read "used / cap": ${JSON.stringify(text)}`);
    const num = (s: string | undefined) => (s && /\d/.test(s) ? Number(s.replace(/,/g, '')) : null);
    return { used: num(m[1]) ?? 0, cap: num(m[2]) };
  }

  async openTab(tab: RunTabName): Promise<void> {
    await this.id(`tab-${tab}`).click();
  }

  lineageNodes(): Locator {
    return this.id('lineage').locator('[data-testid^="lineage-node-"]');
  }

  async lineageNodeCount(): Promise<number> {
    return this.lineageNodes().count();
  }

  /** Marks drawn in the score chart: circles (candidates, minibatch tests) and path vertices aside. */
  async chartPointCount(): Promise<number> {
    return this.id('score-chart').locator('circle').count();
  }

  /** Waits for the run to end; the default is generous, a run slowed by a busy machine is not a failure. */
  async waitForEnd(timeoutMs = 90_000): Promise<string> {
    await this.page.waitForFunction(
      (re) => new RegExp(re, 'i').test(document.querySelector('[data-testid="run-status"]')?.textContent ?? ''),
      ENDED.source,
      { timeout: timeoutMs },
    );
    return this.status();
  }

  /**
   * Stops a live run. A run that already ended offers no Stop: that is the test's mistake (its run could
   * end before this point), so it fails at once saying so instead of waiting on a disabled button.
   */
  async stop(): Promise<string> {
    const button = this.id('stop-run');
    if (!(await button.isEnabled()))
      throw new Error(
        `Stop is not offered: the run is already "${await this.status()}". A test that stops a run must ` +
          'give it a budget it cannot spend first (or hold its endpoint).',
      );
    await button.click();
    return this.waitForEnd(60_000);
  }

  /** Clicks an export button and returns the downloaded file, also saved under e2e/artifacts/<group>/. */
  async download(testId: string, group: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.id(testId).click()]);
    const suggestedName = download.suggestedFilename();
    const path = artifactPath(group, suggestedName);
    await download.saveAs(path);
    return { path, text: readFileSync(path, 'utf8'), suggestedName };
  }

  async importFile(file: string): Promise<void> {
    await this.id('import-file-input').setInputFiles(file);
  }
}
