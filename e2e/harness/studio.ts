// The studio as the tests see it: the repo's Vite dev server started in-process on a free port of
// 127.0.0.1, and pages that record console errors and uncaught page errors so a test can fail on them.
// HMR is off: other files may change while a suite runs, and a reload mid-journey would be noise.
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import type { BrowserContext, Page } from 'playwright-core';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Studio {
  url: string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startStudio(port?: number): Promise<Studio> {
  const chosen = port ?? (await freePort());
  const server: ViteDevServer = await createServer({
    root: REPO_ROOT,
    configFile: `${REPO_ROOT}vite.config.ts`,
    logLevel: 'error',
    clearScreen: false,
    server: { host: '127.0.0.1', port: chosen, strictPort: true, hmr: false },
  });
  await server.listen();
  return { url: `http://127.0.0.1:${chosen}/`, close: () => server.close() };
}

export interface StudioPage {
  page: Page;
  /** console messages of level error, from the page and its workers (a failed load, e.g. a missing favicon) */
  consoleErrors: string[];
  /** console messages of level warning */
  consoleWarnings: string[];
  /** responses with a status of 400 or more, as "404 GET <url>" (a favicon's load is not seen here) */
  failedResponses: string[];
  /** uncaught exceptions and unhandled rejections in the page */
  pageErrors: string[];
  /** dialogs (alert, confirm, prompt) the page opened; they are dismissed */
  dialogs: string[];
}

const PAGE_LOAD_TIMEOUT_MS = 75_000;

/** Opens the studio in a new page of `context` and waits for the app shell. */
export async function openStudio(context: BrowserContext, studio: Studio): Promise<StudioPage> {
  const page = await context.newPage();
  const session: StudioPage = {
    page,
    consoleErrors: [],
    consoleWarnings: [],
    failedResponses: [],
    pageErrors: [],
    dialogs: [],
  };
  page.on('console', (msg) => {
    // the URL says which load failed: "Failed to load resource" alone does not
    const where = msg.location().url ? ` (${msg.location().url})` : '';
    if (msg.type() === 'error') session.consoleErrors.push(`${msg.text()}${where}`);
    if (msg.type() === 'warning') session.consoleWarnings.push(`${msg.text()}${where}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      session.failedResponses.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('pageerror', (err) => session.pageErrors.push(err.stack ?? err.message));
  page.on('dialog', (dialog) => {
    session.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('crash', () => session.pageErrors.push('the page crashed'));
  // the dev server is warm (globalSetup), but a busy machine can still take tens of seconds to run the page
  await page.goto(studio.url, { timeout: PAGE_LOAD_TIMEOUT_MS });
  await page.locator('.app, vite-error-overlay').first().waitFor({ timeout: PAGE_LOAD_TIMEOUT_MS });
  const overlay = page.locator('vite-error-overlay');
  if (await overlay.count()) {
    const message = await overlay.evaluate((el) => el.shadowRoot?.querySelector('.message')?.textContent ?? '');
    throw new Error(`the dev server could not build the studio: ${message}`);
  }
  return session;
}

/** A message for a failed check that carries what the page said. */
export function pageReport(session: StudioPage): string {
  const lines = [
    ...session.pageErrors.map((e) => `page error: ${e}`),
    ...session.consoleErrors.map((e) => `console error: ${e}`),
    ...session.consoleWarnings.map((e) => `console warning: ${e}`),
    ...session.failedResponses.map((e) => `failed response: ${e}`),
  ];
  return lines.length ? lines.join('\n') : 'no page or console errors';
}
