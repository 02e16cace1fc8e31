// The proposals tab as a page object: filter, rows with their status, and the opened proposal.
import type { Locator, Page } from 'playwright-core';
import { setControl } from './fields.ts';

export class ProposalsPage {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  rows(): Locator {
    return this.id('proposals-table').locator('[data-testid^="proposal-row-"]');
  }

  async filterStatus(status: 'all' | 'accepted' | 'rejected' | 'skipped'): Promise<void> {
    await setControl(this.id('proposal-filter-status'), status);
  }

  async search(text: string): Promise<void> {
    await this.id('proposal-search').fill(text);
  }

  async rowStatuses(): Promise<string[]> {
    return this.rows().evaluateAll((els) => els.map((el) => el.getAttribute('data-status') ?? ''));
  }

  /** Opens a row and waits for its detail. */
  async open(row: Locator): Promise<Locator> {
    await row.click();
    const detail = this.id('proposal-detail');
    await detail.waitFor();
    return detail;
  }

  async diffParts(): Promise<{ text: string; inserted: number; deleted: number }> {
    const diff = this.id('proposal-diff');
    return {
      text: (await diff.textContent()) ?? '',
      inserted: await diff.locator('ins').count(),
      deleted: await diff.locator('del').count(),
    };
  }
}
