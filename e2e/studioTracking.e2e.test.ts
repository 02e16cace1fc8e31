// Experiment tracking from the studio, in real Chromium against the local MLflow-compatible server (started
// here, with CORS allowing the studio's origin only): a demo run set up in "Experiment tracking" with a key
// prefix, tags and a bearer token logs its params, every seed scalar, the seed's tables with their columns,
// the candidate tree and the summary, and its MLflow run ends FINISHED; the run view says everything
// arrived; the token is in no IndexedDB record, local storage or export; the run's HTML report opens from
// disk with the network blocked (the report suite's page object). A server that does not allow the
// studio's origin gets the clear message naming what to start MLflow with.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { ReportPage } from './harness/reportPage.ts';
import { dumpIndexedDb } from './harness/historyPage.ts';
import { artifactPath } from './harness/artifacts.ts';
import { readExport } from './harness/exportFile.ts';
import { startMlflowServer } from './mlflowServer/server.ts';
import type { MlflowServer, StoredRun } from './mlflowServer/server.ts';
import { CANDIDATE_COLUMNS, PROPOSAL_COLUMNS, VALSET_PARETO_FRONT_COLUMNS } from '../src/tracking/trackRun.ts';

const GROUP = 'studio-tracking';
/** where the screenshots are also copied for a person to look at */
const SHOTS = '/tmp/gepa-studio-tracking';
const TOKEN = 'mlflow-e2e-T0ken-4f9c';
const PREFIX = 'gepa/';
const SEED_SCALARS = [
  'val_program_average',
  'best_score_on_valset',
  'valset_pareto_front_agg',
  'subsample/before',
  'subsample/after',
  'total_metric_calls',
];
const SUMMARY_METRICS = ['best_candidate_idx', 'best_valset_score', 'total_iterations', 'total_candidates'];
const suite = useStudioSuite(GROUP);

let server: MlflowServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A screenshot under e2e/artifacts/<group>/, copied to SHOTS. */
async function shot(name: string, take: (file: string) => Promise<unknown>): Promise<void> {
  const file = artifactPath(GROUP, `${name}.png`);
  await take(file);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, path.join(SHOTS, `${name}.png`));
}

/** Scrolls so the element sits above the setup's sticky Start bar, as a person would to read it. */
async function showAboveStartBar(element: Locator): Promise<void> {
  await element.scrollIntoViewIfNeeded();
  await element.evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

const artifact = (s: MlflowServer, run: StoredRun, name: string): string | undefined =>
  s.artifacts.get(`${run.info.experiment_id}/${run.info.run_id}/artifacts/${PREFIX}${name}`);
const table = (s: MlflowServer, run: StoredRun, name: string) =>
  JSON.parse(artifact(s, run, `${name}.json`) ?? 'null') as { columns: string[]; data: unknown[][] } | null;

describe('experiment tracking from the studio', () => {
  it('logs a demo run to MLflow (params, scalars, tables, tree, summary), ends FINISHED, keeps the token', async () => {
    const { page } = suite.session;
    const origin = new URL(suite.studio.url).origin;
    server = await startMlflowServer({ token: TOKEN, corsAllowedOrigins: [origin] });
    const setup = new SetupPage(page);
    await setup.loadDemo('sentiment');
    await setup.setBudget('maxMetricCalls', 200);
    await setup.setDemoLatency(10);
    await setup.setUpTracking({
      trackingUri: server.url,
      experimentName: 'studio-e2e',
      runName: 'sentiment from the studio',
      tags: 'team=prompts\nsource=e2e',
      keyPrefix: PREFIX,
      token: TOKEN,
    });
    expect(await setup.testTracking()).toMatch(/Connected.*experiment "studio-e2e" does not exist yet/);
    await showAboveStartBar(setup.id('tracking-test-result'));
    await shot('01-setup-tracking-section', (file) => page.screenshot({ path: file }));

    await setup.start();
    const run = new RunPage(page);
    expect(await run.waitForEnd()).toMatch(/finished/i);
    await expect.poll(() => run.id('tracking-outcome').textContent()).toMatch(/logged everything to http/);
    await shot('02-run-view-tracked', (file) => page.screenshot({ path: file }));

    const json = readExport((await run.download('export-json', GROUP)).text);
    const n = json.result.candidates.length;
    expect(server.runs.size).toBe(1);
    const mlflowRun = [...server.runs.values()][0] as StoredRun;
    expect(mlflowRun.info.status).toBe('FINISHED');
    expect(mlflowRun.info.run_name).toBe('sentiment from the studio');
    expect(mlflowRun.tags.get('team')).toBe('prompts');
    expect(mlflowRun.tags.get('source')).toBe('e2e');
    // params: the config, flattened and prefixed, without dataset rows or tracking
    expect(mlflowRun.params.get(`${PREFIX}budget.maxMetricCalls`)).toBe('200');
    expect(mlflowRun.params.get(`${PREFIX}program.steps.0.name`)).toBe('classify');
    expect([...mlflowRun.params.keys()].some((k) => k.includes('dataset.rows') || k.includes('tracking'))).toBe(false);
    // every seed scalar and summary number
    const keys = new Set(mlflowRun.metrics.map((m) => m.key));
    for (const k of [...SEED_SCALARS, ...SUMMARY_METRICS]) expect(keys, k).toContain(PREFIX + k);
    expect(mlflowRun.tags.get(`${PREFIX}best/classify`)).toBe(json.result.candidates[json.result.best_idx]?.classify);
    expect(mlflowRun.tags.get(`${PREFIX}seed/classify`)).toBe(json.result.candidates[0]?.classify);
    // the seed's tables with their columns, and the candidate tree (the report's lineage page)
    const candidates = table(server, mlflowRun, 'candidates');
    expect(candidates?.columns).toEqual([...CANDIDATE_COLUMNS, 'text:classify']);
    expect(candidates?.data.length).toBe(n);
    const proposals = table(server, mlflowRun, 'proposals');
    expect(proposals?.columns).toEqual([...PROPOSAL_COLUMNS]);
    expect(proposals?.data.length).toBeGreaterThan(0);
    expect(table(server, mlflowRun, 'valset_scores')?.columns.slice(0, 2)).toEqual(['candidate_idx', 'parent_ids']);
    expect(table(server, mlflowRun, 'valset_pareto_front')?.columns).toEqual([...VALSET_PARETO_FRONT_COLUMNS]);
    expect(artifact(server, mlflowRun, 'candidate_tree.html')).toMatch(/^<!doctype html>/i);
    const logged = JSON.parse(mlflowRun.tags.get('mlflow.loggedArtifacts') ?? '[]') as { path: string }[];
    expect(logged.map((l) => l.path)).toContain(`${PREFIX}proposals.json`);

    // the token: in no stored record, no local storage (not remembered), no export, no page text
    expect(await dumpIndexedDb(page)).not.toContain(TOKEN);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(TOKEN);
    expect(JSON.stringify(json)).not.toContain(TOKEN);
    expect(JSON.stringify(json.config)).toContain(server.url);
    expect(await page.locator('body').innerText()).not.toContain(TOKEN);

    // the run's report, from disk with every request aborted: the tree, proposals and texts are there
    const download = await run.download('export-report', GROUP);
    expect(download.text).not.toContain(TOKEN);
    const report = await ReportPage.open(suite.context.browser()!, download.path);
    try {
      expect(await report.nodes().count()).toBe(n);
      expect(await report.text('best-text-classify')).toBe(json.result.candidates[json.result.best_idx]?.classify);
      expect(await report.text('section-proposals')).toContain(`${json.proposals.length} proposals`);
      await shot('03-report-offline', (file) => report.page.screenshot({ path: file }));
      expect(report.pageErrors).toEqual([]);
      expect(report.requests, 'requests beyond the file').toEqual([]);
    } finally {
      await report.close();
    }
  });

  it('says at the end what could not be delivered (a refused token) and offers it as a download', async () => {
    const { page } = suite.session;
    server = await startMlflowServer({ token: TOKEN, corsAllowedOrigins: [new URL(suite.studio.url).origin] });
    const setup = new SetupPage(page);
    await setup.loadDemo('sentiment');
    await setup.setBudget('maxMetricCalls', 120);
    await setup.setDemoLatency(10);
    await setup.setUpTracking({ trackingUri: server.url, experimentName: 'studio-e2e', token: 'not-the-token-77' });
    await setup.start();
    const run = new RunPage(page);
    expect(await run.waitForEnd()).toMatch(/finished/i);
    const outcome = run.id('tracking-outcome');
    await expect.poll(() => outcome.textContent()).toMatch(/item\(s\) could not be delivered to http.*HTTP 401/);
    await shot('05-run-view-undelivered', (file) => page.screenshot({ path: file }));
    const kept = await run.download('tracking-undelivered', GROUP);
    expect(kept.suggestedName).toMatch(/-tracking-undelivered\.jsonl$/);
    const items = kept.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { backend: string; item: { kind: string } });
    expect(items[0]).toMatchObject({ backend: 'mlflow', item: { kind: 'start' } });
    expect(items.some((i) => i.item.kind === 'artifact')).toBe(true);
    expect(kept.text).not.toContain('not-the-token-77');
    expect(await dumpIndexedDb(page)).not.toContain('not-the-token-77');
    expect(server.runs.size).toBe(0);
  });

  it('says clearly when the MLflow server does not allow the studio’s origin, and what to start it with', async () => {
    const { page } = suite.session;
    const origin = new URL(suite.studio.url).origin;
    server = await startMlflowServer({ corsAllowedOrigins: ['https://notebook.internal'] });
    const setup = new SetupPage(page);
    await setup.setUpTracking({ trackingUri: server.url, experimentName: 'studio-e2e' });
    const message = await setup.testTracking();
    expect(message).toMatch(/^Blocked by CORS/);
    expect(message).toContain(`does not allow this page's origin (${origin})`);
    expect(message).toContain(`"mlflow server --cors-allowed-origins ${origin}"`);
    expect(await setup.id('tracking-cors-command').textContent()).toBe(
      `mlflow server --cors-allowed-origins ${origin}`,
    );
    await showAboveStartBar(setup.id('tracking-test-result'));
    await shot('04-setup-tracking-cors', (file) => page.screenshot({ path: file }));
    // the server was reached (the opaque check), but no MLflow request got through
    expect(server.runs.size).toBe(0);
  });
});
