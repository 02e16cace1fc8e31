// One dev server for every browser test file, started and warmed before the first file runs. Each file
// used to start its own server, and its first page load paid for transforming the whole module graph: on
// a busy machine that alone could outlast a test's timeout.
import type { TestProject } from 'vitest/node';
import { launchBrowser } from './browser.ts';
import { startStudio } from './studio.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    studioUrl: string;
  }
}

/** How long the very first load may take: the server transforms the page and the worker on demand. */
const WARM_UP_TIMEOUT_MS = 300_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const studio = await startStudio();
  // a real load, so the page's and the engine worker's modules are transformed before any test starts
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(studio.url, { timeout: WARM_UP_TIMEOUT_MS });
    await page.locator('.app').first().waitFor({ timeout: WARM_UP_TIMEOUT_MS });
    // the worker's graph is warmed by vite.config.ts's server.warmup; this waits for its entry
    await page.evaluate(() => fetch('/src/worker/engine.worker.ts').then((r) => r.text()));
  } finally {
    await browser.close();
  }
  project.provide('studioUrl', studio.url);
  return () => studio.close();
}
