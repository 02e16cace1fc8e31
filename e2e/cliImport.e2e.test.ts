// Journey 6 meets journey 5: a run made headless with the CLI (`node bin/gepa-studio.js run …`), opened in
// a fresh studio tab with "Open export…", shows the whole run read-only: one lineage node per candidate,
// the score chart, the proposals with their diffs, the header's figures.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useStudioSuite } from './harness/session.ts';
import { RunPage } from './harness/runPage.ts';
import { ProposalsPage } from './harness/proposalsPage.ts';
import { readExport } from './harness/exportFile.ts';
import { screenshot } from './harness/artifacts.ts';
import { REPO_ROOT } from './harness/studio.ts';

const GROUP = 'cli-import';
const suite = useStudioSuite(GROUP);

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'gepa-cli-import-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'gepa-studio.js'), ...args], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('a CLI result file in the studio', () => {
  it('opens read-only with its lineage tree, score chart and proposals', async () => {
    const out = path.join(work, 'cli-result.json');
    const cli = await runCli([
      'run',
      '--config',
      path.join(REPO_ROOT, 'examples', 'demo-run.json'),
      '--out',
      out,
      '--quiet',
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const exported = readExport(readFileSync(out, 'utf8'));
    const n = exported.result.candidates.length;
    expect(n).toBeGreaterThanOrEqual(3);

    const { page } = suite.session;
    const run = new RunPage(page);
    await run.importFile(out);
    await run.id('run-status').waitFor();
    expect(await run.status()).toMatch(/finished/i);
    await run.openTab('overview');
    await expect.poll(() => run.lineageNodeCount()).toBe(n);
    expect(await run.chartPointCount()).toBeGreaterThan(0);
    expect(await run.progress()).toMatchObject({ used: exported.result.total_metric_calls });
    for (const control of ['pause-run', 'resume-run', 'stop-run'])
      expect(await run.id(control).isVisible(), control).toBe(false);
    await screenshot(page, GROUP, '01-cli-run-overview');

    const proposals = new ProposalsPage(page);
    await run.openTab('proposals');
    await expect.poll(() => proposals.rows().count()).toBeGreaterThan(0);
    const accepted = exported.proposals.find((p) => p.status === 'accepted');
    expect(accepted).toBeDefined();
    await proposals.open(proposals.id(`proposal-row-${accepted?.proposalId}`));
    expect(await proposals.id('proposal-diff').textContent()).not.toBe('');
    await screenshot(page, GROUP, '02-cli-run-proposal');
  });
});
