// Suite wiring for a browser test file: one Chromium per file on the suite's shared dev server, a fresh
// context and studio page per test, a screenshot when a test fails, and a failure for any uncaught page error.
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext } from './browser.ts';
import { openStudio, pageReport, type Studio, type StudioPage } from './studio.ts';
import { clearArtifacts, screenshot } from './artifacts.ts';

export interface StudioSuite {
  readonly studio: Studio;
  readonly context: BrowserContext;
  readonly session: StudioPage;
}

export function useStudioSuite(group: string): StudioSuite {
  let browser: Browser | undefined;
  let studio: Studio | undefined;
  let context: BrowserContext | undefined;
  let session: StudioPage | undefined;

  beforeAll(async () => {
    clearArtifacts(group);
    // the dev server is shared by every file (harness/globalSetup.ts) and outlives this one
    studio = { url: inject('studioUrl'), close: async () => undefined };
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session = undefined;
    context = await newContext(browser as Browser);
    session = await openStudio(context, studio as Studio);
  });
  afterEach(async (ctx) => {
    const current = session;
    if (current && ctx.task.result?.state === 'fail') {
      const name = ctx.task.name.replace(/\W+/g, '-').slice(0, 60);
      await screenshot(current.page, group, `failed-${name}`).catch(() => undefined);
      console.error(`[${ctx.task.name}] ${pageReport(current)}`);
    }
    await context?.close();
    if (current) expect(current.pageErrors, `uncaught errors in the page:\n${pageReport(current)}`).toEqual([]);
  });

  return {
    get studio() {
      return studio as Studio;
    },
    get context() {
      return context as BrowserContext;
    },
    get session() {
      return session as StudioPage;
    },
  };
}
