// Where the end-to-end run leaves what a person looks at afterwards: screenshots (PNG, named by test
// and moment) and downloaded exports, under e2e/artifacts/ (gitignored).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './studio.ts';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'e2e', 'artifacts');

/** Empties e2e/artifacts/<group>/, so what is there afterwards is from the latest run only. */
export function clearArtifacts(group: string): void {
  rmSync(path.join(ARTIFACTS_DIR, group), { recursive: true, force: true });
}

/** A path under e2e/artifacts/<group>/, creating the folder. */
export function artifactPath(group: string, fileName: string): string {
  const dir = path.join(ARTIFACTS_DIR, group);
  mkdirSync(dir, { recursive: true });
  return path.join(dir, fileName);
}

/**
 * Saves the viewport (1280×800) as e2e/artifacts/<group>/<name>.png and returns the path; `fullPage`
 * captures the whole scrollable page at the same width.
 */
export async function screenshot(
  page: Page,
  group: string,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  const file = artifactPath(group, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}
