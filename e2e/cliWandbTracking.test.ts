// `gepa-studio run` with tracking.wandb, as a user runs it (`node bin/gepa-studio.js run --config … --out …` in
// a child process), against the local W&B stand-in (e2e/wandbServer/) through WANDB_BASE_URL, with the real
// W&B JavaScript SDK: a complete run lands in W&B (both W&B and MLflow at once, too) with the key from
// WANDB_API_KEY, which appears in no output or file; the closing line says what the SDK cannot log; with the
// server down the run still finishes and what was not delivered is kept in the run directory; without a key
// the run does not start.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { wandbFromEnv } from '../src/cli/cliTracking.ts';
import { startMlflowServer } from './mlflowServer/server.ts';
import { cliWorkFolder, filesUnder, type CliWorkFolder } from './harness/cliProcess.ts';
import type { MlflowServer } from './mlflowServer/server.ts';
import { startWandbServer } from './wandbServer/server.ts';
import type { WandbServer } from './wandbServer/server.ts';

const KEY = 'wandb-cli-key-5e4d3c2b1a09f8e7d6c5b4a3';
const BASIC = Buffer.from(`api:${KEY}`).toString('base64');

let folder: CliWorkFolder;
let work: string;
let server: WandbServer | null = null;
let mlflow: MlflowServer | null = null;
beforeAll(() => {
  folder = cliWorkFolder('gepa-cli-wandb-');
  work = folder.dir;
});
afterAll(() => folder.remove());
afterEach(async () => {
  await server?.close();
  await mlflow?.close();
  server = null;
  mlflow = null;
});

const writeConfig = (name: string, tracking: Record<string, unknown>) => folder.writeConfig(name, tracking, 100);

const runCli = (args: string[], env: Record<string, string>) =>
  folder.run(args, env, ['WANDB_API_KEY', 'WANDB_BASE_URL']);

function expectNoKey(out: string, files: string[]): void {
  for (const secret of [KEY, BASIC]) {
    expect(out).not.toContain(secret);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(secret);
  }
}

describe('gepa-studio run with tracking.wandb', () => {
  it('logs a complete run to W&B (and MLflow alongside), with the key from the environment only', async () => {
    server = await startWandbServer({ apiKey: KEY });
    mlflow = await startMlflowServer();
    const config = writeConfig('tracked.json', {
      keyPrefix: 'gepa/',
      wandb: { project: 'cli-runs', name: 'demo from the CLI', config: { task: 'sentiment' } },
      mlflow: { trackingUri: mlflow.url, experimentName: 'cli-runs' },
    });
    const { code, out } = await runCli(['run', '--config', config, '--out', 'tracked-result.json', '--json-events'], {
      WANDB_API_KEY: KEY,
      WANDB_BASE_URL: server.url,
    });
    expect(code, out).toBe(0);
    const closing =
      /tracking: wandb: logged everything it can to (\S+) \(project "test-entity\/cli-runs"\) run (\w+); (.*)/;
    const [, url, runId, rest] = closing.exec(out) ?? [];
    expect(url, out).toBe(server.url);
    expect(runId).toMatch(/^[a-z0-9]{8}$/);
    expect(rest).toMatch(/^it cannot log table gepa\/candidates, HTML gepa\/candidate_tree, /);
    expect(out).toMatch(/tracking: mlflow: logged everything to/);
    expect(out).not.toMatch(/not implemented/);
    const [run] = [...server.runs.values()];
    expect(server.runs.size).toBe(1);
    expect(run?.displayName).toBe('demo from the CLI');
    expect(run?.complete).toBe(true);
    expect(run?.exitcode).toBe(0);
    expect((run?.config as Record<string, unknown>).task).toBe('sentiment');
    const keys = new Set(run?.history.flatMap((r) => Object.keys(r)));
    for (const k of ['val_program_average', 'best_score_on_valset', 'subsample/before', 'total_metric_calls'])
      expect(keys, k).toContain(`gepa/${k}`);
    const result = JSON.parse(readFileSync(path.join(work, 'tracked-result.json'), 'utf8'));
    expect(run?.summary['gepa/total_candidates']).toBe(result.result.candidates.length);
    expect(run?.summary['gepa/best/classify']).toBeTruthy();
    const state = JSON.parse(readFileSync(path.join(work, 'tracked-result-run', 'tracking.json'), 'utf8'));
    expect(state.wandb.runId).toBe(run?.name);
    expectNoKey(out, [path.join(work, 'tracked-result.json'), ...filesUnder(path.join(work, 'tracked-result-run'))]);
  });

  it('finishes without its server, says what failed, and keeps what it could not deliver in the run dir', async () => {
    server = await startWandbServer({ apiKey: KEY });
    server.setDown(true);
    const config = writeConfig('down.json', { wandb: { project: 'cli-runs' } });
    const { code, out } = await runCli(
      ['run', '--config', config, '--out', 'down-result.json', '--tracking-wait', '1'],
      { WANDB_API_KEY: KEY, WANDB_BASE_URL: server.url },
    );
    expect(code, out).toBe(0);
    expect(out).toMatch(/tracking: wandb: \d+ item\(s\) could not be delivered/);
    expect(out).toContain(path.join('down-result-run', 'tracking-undelivered.jsonl'));
    const kept = readFileSync(path.join(work, 'down-result-run', 'tracking-undelivered.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { backend: string; item: { kind: string }; error: string });
    expect(kept[0]).toMatchObject({ backend: 'wandb', item: { kind: 'init' } });
    expect(kept.some((k) => k.item.kind === 'history')).toBe(true);
    expect(kept.at(-1)?.item.kind).toBe('finish');
    expectNoKey(out, [path.join(work, 'down-result.json'), ...filesUnder(path.join(work, 'down-result-run'))]);
  });

  it('does not start without WANDB_API_KEY', async () => {
    const config = writeConfig('nokey.json', { wandb: { project: 'cli-runs' } });
    const { code, out } = await runCli(['run', '--config', config, '--out', 'nokey-result.json'], {});
    expect(code).not.toBe(0);
    expect(out).toMatch(/tracking\.wandb.*WANDB_API_KEY is not set/);
    expect(() => wandbFromEnv({ WANDB_API_KEY: 'k', WANDB_BASE_URL: 'ftp://x' })).toThrow(/http\(s\) URL/);
    expect(wandbFromEnv({ WANDB_API_KEY: 'k' }).baseUrl).toBe('https://api.wandb.ai');
  });
});
