// `gepa-studio run` with tracking.mlflow, as a user runs it (`node bin/gepa-studio.js run --config … --out …`
// in a child process), against the local MLflow-compatible server: a complete run lands in MLflow with its
// token from MLFLOW_TRACKING_TOKEN, which appears in no output or file; with the server down the run still
// finishes, stderr says what failed, and what was not delivered is kept in the run directory.
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mlflowAuthFromEnv, startCliTracking } from '../src/cli/cliTracking.ts';
import { CANDIDATE_COLUMNS, PROPOSAL_COLUMNS } from '../src/tracking/trackRun.ts';
import { demoConfig } from './mlflowServer/trackedRun.ts';
import { startMlflowServer } from './mlflowServer/server.ts';
import { cliWorkFolder, filesUnder, type CliWorkFolder } from './harness/cliProcess.ts';
import type { MlflowServer } from './mlflowServer/server.ts';

const TOKEN = 'mlflow-tok-5e4d3c2b1a09';

let folder: CliWorkFolder;
let work: string;
let server: MlflowServer | null = null;
beforeAll(() => {
  folder = cliWorkFolder('gepa-cli-tracking-');
  work = folder.dir;
});
afterAll(() => folder.remove());
afterEach(async () => {
  await server?.close();
  server = null;
});

const writeConfig = (name: string, tracking: Record<string, unknown>) => folder.writeConfig(name, tracking, 100);

const runCli = (args: string[], env: Record<string, string>) => folder.run(args, env);

describe('gepa-studio run with tracking.mlflow', () => {
  it('logs a complete run to the MLflow server, with the token from the environment and nowhere else', async () => {
    server = await startMlflowServer({ token: TOKEN });
    const config = writeConfig('tracked.json', {
      keyPrefix: 'gepa/',
      mlflow: { trackingUri: server.url, experimentName: 'cli-runs', runName: 'demo from the CLI' },
    });
    const { code, out } = await runCli(['run', '--config', config, '--out', 'tracked-result.json', '--json-events'], {
      MLFLOW_TRACKING_TOKEN: TOKEN,
    });
    expect(code, out).toBe(0);
    expect(out).toMatch(
      /tracking: mlflow: logged everything to http:\/\/127\.0\.0\.1:\d+ \(experiment "cli-runs"\) run /,
    );
    const [run] = [...server.runs.values()];
    expect(run?.info.run_name).toBe('demo from the CLI');
    expect(run?.info.status).toBe('FINISHED');
    const artifact = (name: string) =>
      JSON.parse(
        server?.artifacts.get(`${run?.info.experiment_id}/${run?.info.run_id}/artifacts/gepa/${name}`) ?? '{}',
      );
    expect(artifact('candidates.json').columns).toEqual([...CANDIDATE_COLUMNS, 'text:classify']);
    expect(artifact('proposals.json').columns).toEqual([...PROPOSAL_COLUMNS]);
    expect(run?.metrics.some((m) => m.key === 'gepa/best_score_on_valset')).toBe(true);
    const tree = server.artifacts.get(
      `${run?.info.experiment_id}/${run?.info.run_id}/artifacts/gepa/candidate_tree.html`,
    );
    expect(tree).toMatch(/^<!doctype html>/i);
    expect(tree).not.toMatch(/<script[^>]+src=/i);
    expect(run?.tags.get('gepa/best/classify')).toBeTruthy();
    const result = JSON.parse(readFileSync(path.join(work, 'tracked-result.json'), 'utf8'));
    expect(run?.metrics.find((m) => m.key === 'gepa/total_candidates')?.value).toBe(result.result.candidates.length);
    // the token: in no output, no file the run wrote (config, events, state, result, tracking.json)
    expect(out).not.toContain(TOKEN);
    const written = [path.join(work, 'tracked-result.json'), ...filesUnder(path.join(work, 'tracked-result-run'))];
    expect(written.map((f) => path.basename(f))).toContain('tracking.json');
    for (const file of written) expect(readFileSync(file, 'utf8'), file).not.toContain(TOKEN);
  });

  it('finishes without its server, says what failed, and keeps what it could not deliver in the run dir', async () => {
    server = await startMlflowServer();
    server.setDown(true);
    const config = writeConfig('down.json', { mlflow: { trackingUri: server.url, experimentName: 'cli-runs' } });
    const { code, out } = await runCli(
      ['run', '--config', config, '--out', 'down-result.json', '--tracking-wait', '1'],
      {
        MLFLOW_TRACKING_TOKEN: TOKEN,
      },
    );
    expect(code, out).toBe(0);
    expect(out).toMatch(/tracking: mlflow: \d+ item\(s\) could not be delivered .*cannot reach the MLflow server/);
    expect(out).toContain(path.join('down-result-run', 'tracking-undelivered.jsonl'));
    const kept = readFileSync(path.join(work, 'down-result-run', 'tracking-undelivered.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { backend: string; item: { kind: string }; error: string });
    expect(kept[0]?.item.kind).toBe('start');
    expect(kept.some((k) => k.item.kind === 'end')).toBe(true);
    expect(out + JSON.stringify(kept)).not.toContain(TOKEN);
    // the run's own log has the warning too (its result file is the export)
    const result = readFileSync(path.join(work, 'down-result.json'), 'utf8');
    expect(result).not.toContain(TOKEN);
  });
});

describe('the CLI’s tracking session', () => {
  it('continues the same MLflow run with whole tables after a resume (RUN_DIR/tracking.json)', async () => {
    server = await startMlflowServer();
    const runDir = mkdtempSync(path.join(work, 'resume-'));
    const config = demoConfig({ tracking: { mlflow: { trackingUri: server.url, experimentName: 'cli-runs' } } });
    const session = () =>
      startCliTracking({ config, env: {}, runDir, shownDir: runDir, redact: (t) => t, onProblem: () => {} });
    const candidate = (idx: number) => ({
      type: 'candidate' as const,
      row: {
        iteration: idx,
        candidateIdx: idx,
        parentIds: idx ? [idx - 1] : [],
        valsetScore: idx / 10,
        isBest: true,
        origin: idx ? ('reflective' as const) : ('seed' as const),
        texts: { classify: `text ${idx}` },
        metricCallsAtDiscovery: 0,
        valScores: [],
        outputs: [],
      },
    });
    const first = session();
    first?.onTrackingEvent(candidate(0));
    first?.onTrackingEvent(candidate(1));
    first?.checkpoint();
    await first?.finish('stopped');
    const second = session();
    second?.onTrackingEvent(candidate(2));
    await second?.finish('finished');
    expect(server.runs.size).toBe(1);
    const [run] = [...server.runs.values()];
    expect(run?.info.status).toBe('FINISHED');
    const candidates = JSON.parse(
      server.artifacts.get(`${run?.info.experiment_id}/${run?.info.run_id}/artifacts/candidates.json`) ?? '{}',
    );
    expect(candidates.data.map((r: unknown[]) => r[1])).toEqual([0, 1, 2]);
  });

  it('reads MLflow credentials as MLflow does, and refuses half of basic auth', () => {
    expect(mlflowAuthFromEnv({ MLFLOW_TRACKING_TOKEN: 't' }).auth).toEqual({ kind: 'bearer', token: 't' });
    expect(mlflowAuthFromEnv({ MLFLOW_TRACKING_USERNAME: 'u', MLFLOW_TRACKING_PASSWORD: 'p' }).auth).toEqual({
      kind: 'basic',
      username: 'u',
      password: 'p',
    });
    expect(mlflowAuthFromEnv({}).auth).toEqual({ kind: 'none' });
    expect(() => mlflowAuthFromEnv({ MLFLOW_TRACKING_USERNAME: 'u' })).toThrow(
      /MLFLOW_TRACKING_USERNAME is set without MLFLOW_TRACKING_PASSWORD/,
    );
  });
});
