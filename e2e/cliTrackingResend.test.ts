// `gepa-studio tracking resend` as a user runs it (`node bin/gepa-studio.js …` in a child process), against the
// local MLflow-compatible server: a run logged while the server was down keeps everything in
// RUN_DIR/tracking-undelivered.jsonl; once the server is up, resend delivers it all (the run created, its
// params, scalars, tables, tree and end), removes the file and records the run id in tracking.json; the token
// appears in no output or file. A malformed line and W&B items are named and kept, exit 2.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATE_COLUMNS } from '../src/tracking/trackRun.ts';
import { startMlflowServer } from './mlflowServer/server.ts';
import { cliWorkFolder, type CliWorkFolder } from './harness/cliProcess.ts';
import type { MlflowServer } from './mlflowServer/server.ts';

const TOKEN = 'mlflow-tok-resend-9f8e7d6c';

let folder: CliWorkFolder;
let work: string;
let server: MlflowServer | null = null;
beforeAll(() => {
  folder = cliWorkFolder('gepa-cli-resend-');
  work = folder.dir;
});
afterAll(() => folder.remove());
afterEach(async () => {
  await server?.close();
  server = null;
});

const writeConfig = (name: string, tracking: Record<string, unknown>) => folder.writeConfig(name, tracking, 60);

const cli = (args: string[], env: Record<string, string>) => folder.run(args, env);

const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

/** A run logged while its MLflow server was down: its run directory, with everything undelivered. */
async function runWhileDown(name: string): Promise<{ runDir: string; undelivered: string }> {
  server = await startMlflowServer({ token: TOKEN });
  server.setDown(true);
  const config = writeConfig(`${name}.json`, {
    keyPrefix: 'gepa/',
    mlflow: { trackingUri: server.url, experimentName: 'resend', runName: 'sent later', tags: { task: 'demo' } },
  });
  const { code, out } = await cli(['run', '--config', config, '--out', `${name}-result.json`, '--tracking-wait', '1'], {
    MLFLOW_TRACKING_TOKEN: TOKEN,
  });
  expect(code, out).toBe(0);
  const runDir = path.join(work, `${name}-result-run`);
  const undelivered = path.join(runDir, 'tracking-undelivered.jsonl');
  expect(existsSync(undelivered), out).toBe(true);
  expect(server.runs.size).toBe(0);
  return { runDir, undelivered };
}

describe('gepa-studio tracking resend', () => {
  it('sends what a run could not deliver once the server is up, and removes the file', async () => {
    const { runDir, undelivered } = await runWhileDown('down');
    const total = lines(undelivered).length;
    expect(JSON.parse(lines(undelivered)[0] as string).item.kind).toBe('start');
    server?.setDown(false);

    const { code, out } = await cli(['tracking', 'resend', path.relative(work, runDir)], {
      MLFLOW_TRACKING_TOKEN: TOKEN,
    });
    expect(code, out).toBe(0);
    const [run] = [...(server?.runs.values() ?? [])];
    expect(out).toContain(
      `resent ${total} of ${total} items to MLflow run ${run?.info.run_id}; 0 still undelivered, ` +
        `${path.join('down-result-run', 'tracking-undelivered.jsonl')} removed`,
    );
    expect(existsSync(undelivered)).toBe(false);
    // the run as a live run would have logged it
    expect(server?.runs.size).toBe(1);
    expect(run?.info.run_name).toBe('sent later');
    expect(run?.info.status).toBe('FINISHED');
    expect(run?.tags.get('task')).toBe('demo');
    expect(run?.params.size).toBeGreaterThan(5);
    expect(run?.metrics.some((m) => m.key === 'gepa/best_score_on_valset')).toBe(true);
    expect(run?.metrics.some((m) => m.key === 'gepa/total_candidates')).toBe(true);
    expect(run?.tags.get('mlflow.loggedArtifacts')).toContain('gepa/candidates.json');
    const root = `${run?.info.experiment_id}/${run?.info.run_id}/artifacts/gepa`;
    const candidates = JSON.parse(server?.artifacts.get(`${root}/candidates.json`) ?? '{}');
    expect(candidates.columns).toEqual([...CANDIDATE_COLUMNS, 'text:classify']);
    const result = JSON.parse(readFileSync(path.join(work, 'down-result.json'), 'utf8'));
    expect(candidates.data).toHaveLength(result.result.candidates.length);
    expect(server?.artifacts.get(`${root}/candidate_tree.html`)).toMatch(/^<!doctype html>/i);
    // a later --resume continues this run
    const state = JSON.parse(readFileSync(path.join(runDir, 'tracking.json'), 'utf8'));
    expect(state.mlflow.runId).toBe(run?.info.run_id);
    expect(out).not.toContain(TOKEN);
    expect(readFileSync(path.join(runDir, 'tracking.json'), 'utf8')).not.toContain(TOKEN);

    // nothing left: says so, exit 0
    const again = await cli(['tracking', 'resend', runDir], { MLFLOW_TRACKING_TOKEN: TOKEN });
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/nothing to resend: .*tracking-undelivered\.jsonl does not exist/);
  });

  it('keeps what still fails, a malformed line (named by its number) and W&B items; exit 1, then 2', async () => {
    const { runDir, undelivered } = await runWhileDown('partial');
    const mlflowLines = lines(undelivered);
    // still down: everything stays, with the new reason; exit 1
    const down = await cli(['tracking', 'resend', undelivered, '--tracking-wait', '1'], {
      MLFLOW_TRACKING_TOKEN: TOKEN,
    });
    expect(down.code, down.out).toBe(1);
    expect(down.out).toContain(
      `resent 0 of ${mlflowLines.length} items to MLflow run (none); ${mlflowLines.length} still undelivered, kept in`,
    );
    expect(lines(undelivered)).toHaveLength(mlflowLines.length);
    expect(down.out).not.toContain(TOKEN);

    const wandb = JSON.stringify({ backend: 'wandb', item: { kind: 'history', step: 3, row: { a: 1 } }, error: 'x' });
    appendFileSync(undelivered, `{"backend":"mlflow","item":\n${wandb}\n`);
    const n = mlflowLines.length;
    server?.setDown(false);
    const { code, out } = await cli(['tracking', 'resend', runDir], { MLFLOW_TRACKING_TOKEN: TOKEN });
    expect(code, out).toBe(2);
    expect(out).toContain(`tracking-undelivered.jsonl:${n + 1}: malformed line, kept as it was: not JSON`);
    expect(out).toContain(`wandb: 1 "history" item(s) kept: W&B's JavaScript SDK cannot resume a run`);
    expect(out).toMatch(new RegExp(`resent ${n} of ${n + 2} items to MLflow run \\w+; 2 still undelivered`));
    expect(lines(undelivered)).toEqual(['{"backend":"mlflow","item":', wandb]);
    expect([...(server?.runs.values() ?? [])][0]?.info.status).toBe('FINISHED');
  });

  it('says what is wrong with its command line or input', async () => {
    const missing = await cli(['tracking', 'resend', 'no-such-dir'], {});
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('gepa-studio: no-such-dir: no such file or directory');
    const half = await cli(['tracking', 'resend', work], { MLFLOW_TRACKING_USERNAME: 'u' });
    expect(half.code).toBe(2);
    expect(half.out).toMatch(/MLFLOW_TRACKING_USERNAME is set without MLFLOW_TRACKING_PASSWORD/);
  });
});
