// Real Chromium for the end-to-end tests and the UI benchmark, through playwright-core (which downloads
// no browser): a system binary, one fresh context per test at the 1280×800 the views are designed for.
// Without a binary the tests fail with the fix, never skip quietly.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const VIEWPORT = { width: 1280, height: 800 };

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(
        `CHROMIUM_PATH is set to ${fromEnv}, which does not exist. Point it at a Chromium or Chrome binary.`,
      );
    return fromEnv;
  }
  const found = KNOWN_PATHS.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${KNOWN_PATHS.join(', ')}). The browser tests need one: install it with ` +
        '`apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
}
