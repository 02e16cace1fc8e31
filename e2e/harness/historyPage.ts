// The run history as a page object: rows by run id with their status, the row actions, the resume
// form, and — for the durability tests — every IndexedDB store of the page's origin, dumped as text.
import type { Locator, Page } from 'playwright-core';

export class HistoryPage {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-history').click();
    await this.id('history-table').waitFor();
  }

  rows(): Locator {
    return this.id('history-table').locator('[data-testid^="history-row-"]');
  }

  row(runId: string): Locator {
    return this.id(`history-row-${runId}`);
  }

  async status(runId: string): Promise<string | null> {
    return this.row(runId).getAttribute('data-status');
  }

  /** The run ids listed, newest first. */
  async runIds(): Promise<string[]> {
    return this.rows().evaluateAll((els) =>
      els.map((el) => (el.getAttribute('data-testid') ?? '').replace('history-row-', '')),
    );
  }

  action(kind: 'open' | 'resume' | 'duplicate' | 'delete' | 'export', runId: string): Locator {
    return this.id(`history-${kind}-${runId}`);
  }
}

/** Every record of every object store of every IndexedDB database of the page's origin, as JSON text. */
export function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: Record<string, Record<string, unknown[]>> = {};
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>(
        (resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))),
      );
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      const stores: Record<string, unknown[]> = {};
      for (const name of [...db.objectStoreNames]) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        stores[name] = [keys, values];
      }
      db.close();
      out[info.name] = stores;
    }
    return JSON.stringify(out);
  });
}
