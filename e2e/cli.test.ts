// The headless CLI as a user runs it: `node bin/gepa-studio.js run …` in a child process, against the
// offline demo model and against the local OpenAI-compatible test server. A run writes a result the
// studio's import accepts; SIGINT stops at a checkpoint and --resume ends with the same result as an
// uninterrupted run; the stop file stops gracefully; every bad config is named and exits non-zero.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GepaResultDict } from '../src/engine/index.ts';
import { sentimentTask } from '../src/tasks/demos/index.ts';
import { parseExport } from '../src/run/exportFormat.ts';
import type { ExportedRun } from '../src/run/exportFormat.ts';
import type { RunEvent } from '../src/run/runEvent.ts';
import { startLmServer } from './lmServer/server.ts';
import type { LmServer } from './lmServer/server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'gepa-studio.js');
const EXAMPLE = path.join(ROOT, 'examples', 'demo-run.json');

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'gepa-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Running {
  done: Promise<Finished>;
  kill(signal: NodeJS.Signals): void;
  /** resolves with the first --json-events event that satisfies the predicate */
  waitForEvent(pred: (e: RunEvent) => boolean): Promise<RunEvent>;
}

function startCli(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: work,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pred: (e: RunEvent) => boolean; resolve: (e: RunEvent) => void }[] = [];
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const e = JSON.parse(line) as RunEvent;
      for (const w of [...waiters]) {
        if (!w.pred(e)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return {
    done,
    kill: (signal) => child.kill(signal),
    waitForEvent: (pred) => new Promise((resolve) => waiters.push({ pred, resolve })),
  };
}

const runCli = (args: string[], env: Record<string, string> = {}) => startCli(args, env).done;

/** The example config with changes, written into the work dir; its dataset path points at the example file. */
function writeConfig(name: string, patch: (c: Record<string, unknown>) => void = () => {}): string {
  const c = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
  (c.dataset as Record<string, unknown>).path = path.join(ROOT, 'examples', 'demo-sentiment.jsonl');
  patch(c);
  const file = path.join(work, name);
  writeFileSync(file, JSON.stringify(c, null, 2));
  return file;
}

function readResult(file: string): ExportedRun {
  return parseExport(readFileSync(file, 'utf8'), file);
}

/** A result as another run of the same config must reproduce it: all but run_dir, which names each run's own. */
function sameRun(result: ExportedRun['result']) {
  return result ? { ...result, run_dir: expect.any(String) } : result;
}

function jsonEvents(stdout: string): RunEvent[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as RunEvent);
}

const REFERENCE_FIELDS: (keyof GepaResultDict)[] = [
  'candidates',
  'parents',
  'val_aggregate_scores',
  'val_subscores',
  'best_outputs_valset',
  'per_val_instance_best_candidates',
  'val_aggregate_subscores',
  'per_objective_best_candidates',
  'objective_pareto_front',
  'discovery_eval_counts',
  'total_metric_calls',
  'num_full_val_evals',
  'run_dir',
  'seed',
  '_str_candidate_key',
  'best_idx',
];

/** Everything the studio shows of a run must agree with its result. */
function expectCoherent(run: ExportedRun, budget: number): GepaResultDict {
  const r = run.result!;
  expect(r).not.toBeNull();
  for (const f of REFERENCE_FIELDS) expect(r, f).toHaveProperty(f);
  expect(r.total_metric_calls).toBeLessThanOrEqual(budget);
  expect(run.candidates.map((c) => c.row.texts)).toEqual(r.candidates);
  expect(run.candidates.map((c) => c.row.valsetScore)).toEqual(r.val_aggregate_scores);
  expect(run.candidates.filter((c) => c.row.isBest).map((c) => c.row.candidateIdx)).toEqual([r.best_idx]);
  for (const c of run.candidates) {
    expect(c.valScores).toHaveLength(run.valExamples.length);
    expect(c.outputs).toHaveLength(run.valExamples.length);
  }
  expect(run.proposals.map((p) => p.proposalId)).toEqual(run.proposals.map((_p, i) => i));
  expect(run.scores.length).toBeGreaterThanOrEqual(run.proposals.length + run.candidates.length);
  expect(run.front).toHaveLength(run.valExamples.length);
  expect(run.budget.used).toBe(r.total_metric_calls);
  expect(run.summary?.totalIterations).toBeGreaterThan(0);
  expect(run.config?.dataset.rows).toHaveLength(sentimentTask.rows.length);
  return r;
}

describe('gepa-studio run with the offline demo model', () => {
  it('the README example runs to the end, writing a result the studio imports (GEPAResult, budget)', async () => {
    const out = path.join(work, 'example-result.json');
    const { code, stdout, stderr } = await runCli(['run', '--config', EXAMPLE, '--out', out]);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/seed prompt: 0\.\d{3} on the 20-example valset/);
    expect(stderr).toMatch(/finished: budget/);
    const run = readResult(out);
    expect(run.status).toBe('finished');
    const r = expectCoherent(run, 300);
    expect(r.val_aggregate_scores[r.best_idx]).toBeGreaterThan((r.val_aggregate_scores[0] as number) + 0.3);
    // accepted and not accepted (with the defaults' minibatches of one, mostly skipped: the parent passed)
    expect(run.proposals.some((p) => p.status === 'accepted')).toBe(true);
    expect(run.proposals.some((p) => p.status !== 'accepted')).toBe(true);
    expect(run.usage?.total.calls).toBeGreaterThan(0);
    // the default run directory sits next to the result
    for (const f of ['state.json', 'events.jsonl', 'config.json'])
      expect(existsSync(path.join(work, 'example-result-run', f))).toBe(true);
  }, 60_000);

  it("the example dataset is the demo task's data", () => {
    expect(readFileSync(path.join(ROOT, 'examples', 'demo-sentiment.jsonl'), 'utf8')).toBe(sentimentTask.jsonl);
  });

  it('--json-events streams the run; an exported run works as a config; --quiet keeps stderr empty', async () => {
    const config = writeConfig('events.json', (c) => (c.budget = { maxMetricCalls: 120 }));
    const out = path.join(work, 'events-result.json');
    const first = await runCli([
      'run',
      '--config',
      config,
      '--out',
      out,
      '--json-events',
      '--quiet',
      '--run-dir',
      path.join(work, 'events-run'),
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    const events = jsonEvents(first.stdout);
    expect(events[0]).toEqual({ type: 'status', status: 'starting' });
    expect(events.at(-1)).toMatchObject({ type: 'status', status: 'finished' });
    const types = new Set(events.map((e) => e.type));
    for (const t of [
      'examples',
      'budget',
      'candidate',
      'proposal',
      'front',
      'score',
      'usage',
      'summary',
      'result',
      'checkpoint',
    ])
      expect(types, t).toContain(t);
    const result = events.find((e): e is Extract<RunEvent, { type: 'result' }> => e.type === 'result')!.result;
    expect(readResult(out).result).toEqual(result);

    // the studio's export (here: the CLI's own result) is a valid config: the same run again
    const again = path.join(work, 'events-again.json');
    const second = await runCli(['run', '--config', out, '--out', again, '--quiet']);
    expect(second.code, second.stderr).toBe(0);
    expect(readResult(again).result).toEqual(sameRun(result));
  }, 60_000);
});

describe('gepa-studio run against the local OpenAI-compatible server', () => {
  let server: LmServer;
  const KEY = 'sk-test-cli-4f9d2c7b1e';
  beforeAll(async () => {
    server = await startLmServer({ port: 0, host: '127.0.0.1', apiKey: KEY });
  });
  afterAll(() => server.close());

  const endpoint = () => ({
    provider: 'custom',
    baseUrl: server.url,
    model: 'demo-simulated',
    apiKeyEnv: 'GEPA_CLI_TEST_KEY',
    timeoutMs: 5000,
  });

  it('takes the key from the environment; the key is in no result, run directory, stdout or stderr', async () => {
    const config = writeConfig('server.json', (c) => {
      c.taskLm = endpoint();
      c.reflectionLm = endpoint();
      c.budget = { maxMetricCalls: 150 };
    });
    const out = path.join(work, 'server-result.json');
    const runDir = path.join(work, 'server-run');
    const { code, stdout, stderr } = await runCli(
      ['run', '--config', config, '--out', out, '--run-dir', runDir, '--json-events'],
      { GEPA_CLI_TEST_KEY: KEY },
    );
    expect(code, stderr).toBe(0);
    const run = readResult(out);
    expect(run.status).toBe('finished');
    expectCoherent(run, 150);
    expect(run.config?.taskLm).toMatchObject({ baseUrl: server.url, apiKeyEnv: 'GEPA_CLI_TEST_KEY' });
    expect(server.stats().completions).toBeGreaterThan(50);

    const texts = [
      readFileSync(out, 'utf8'),
      stdout,
      stderr,
      ...readdirSync(runDir).map((f) => readFileSync(path.join(runDir, f), 'utf8')),
    ];
    expect(readdirSync(runDir).sort()).toEqual([
      'cache.jsonl',
      'config.json',
      'events.jsonl',
      'report.html',
      'run.json',
      'state.json',
      'usage.json',
    ]);
    for (const t of texts) expect(t).not.toContain(KEY);
  }, 60_000);

  it('a wrong key fails before the run, naming the variable, without echoing the key', async () => {
    const config = writeConfig('server-badkey.json', (c) => {
      c.taskLm = endpoint();
      c.reflectionLm = endpoint();
    });
    const wrong = 'sk-wrong-key-0a1b2c3d4e';
    const { code, stderr } = await runCli(['run', '--config', config, '--out', path.join(work, 'badkey.json')], {
      GEPA_CLI_TEST_KEY: wrong,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('taskLm.apiKeyEnv');
    expect(stderr).toContain('GEPA_CLI_TEST_KEY');
    expect(stderr).toContain('401');
    expect(stderr).not.toContain(wrong);
    expect(existsSync(path.join(work, 'badkey.json'))).toBe(false);
  }, 30_000);
});

describe('stopping and resuming', () => {
  const budget = 200;
  let reference: ExportedRun;
  let config: string;
  beforeAll(async () => {
    config = writeConfig('resume.json', (c) => (c.budget = { maxMetricCalls: budget }));
    const out = path.join(work, 'reference.json');
    const { code, stderr } = await runCli(['run', '--config', config, '--out', out, '--quiet']);
    expect(code, stderr).toBe(0);
    reference = readResult(out);
    expect(reference.summary!.totalIterations).toBeGreaterThan(8);
  }, 60_000);

  const iterationAtLeast = (n: number) => (e: RunEvent) => e.type === 'budget' && e.iteration >= n;
  // ms per demo-model call in the runs these tests stop: an iteration then takes about a second, so the
  // run is far from its end when the signal or the stop file arrives, even if this process lags behind
  const STOPPABLE_LATENCY_MS = '300';

  it("SIGINT exits 130 at a checkpoint; --resume ends with the uninterrupted run's result and history", async () => {
    const out = path.join(work, 'interrupted.json');
    const runDir = path.join(work, 'interrupted-run');
    const cli = startCli([
      'run',
      '--config',
      config,
      '--out',
      out,
      '--run-dir',
      runDir,
      '--json-events',
      '--demo-latency',
      STOPPABLE_LATENCY_MS,
    ]);
    await cli.waitForEvent(iterationAtLeast(3));
    cli.kill('SIGINT');
    const first = await cli.done;
    expect(first.code, first.stderr).toBe(130);
    expect(first.stderr).toMatch(/interrupted by SIGINT after iteration \d+; continue with --resume/);

    const state = JSON.parse(readFileSync(path.join(runDir, 'state.json'), 'utf8')) as {
      iteration: number;
      totalMetricCalls: number;
    };
    expect(state.iteration).toBeGreaterThanOrEqual(2);
    expect(state.iteration).toBeLessThan(reference.summary!.totalIterations);
    const log = readFileSync(path.join(runDir, 'events.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(log.at(-1)!)).toEqual({ type: 'checkpoint', iteration: state.iteration });
    const partial = readResult(out);
    expect(partial.status).toBe('stopped');
    expect(partial.result!.total_metric_calls).toBe(state.totalMetricCalls);

    const resumed = await runCli(['run', '--resume', runDir, '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`resuming`);
    const run = readResult(out);
    expect(run.status).toBe('finished');
    expect(run.result).toEqual(sameRun(reference.result));
    expect(run.candidates).toEqual(reference.candidates);
    expect(run.proposals).toEqual(reference.proposals);
    expect(run.scores).toEqual(reference.scores);
    expect(run.summary).toEqual(reference.summary);
    expect(run.runId).toBe(partial.runId);
  }, 90_000);

  it('SIGTERM stops the same way (exit 143)', async () => {
    const runDir = path.join(work, 'term-run');
    const cli = startCli([
      'run',
      '--config',
      config,
      '--out',
      path.join(work, 'term.json'),
      '--run-dir',
      runDir,
      '--json-events',
      '--demo-latency',
      STOPPABLE_LATENCY_MS,
    ]);
    await cli.waitForEvent(iterationAtLeast(2));
    cli.kill('SIGTERM');
    const { code, stderr } = await cli.done;
    expect(code, stderr).toBe(143);
    expect(existsSync(path.join(runDir, 'state.json'))).toBe(true);
  }, 60_000);

  it('DIR/stop ends the run gracefully at the next iteration with its result; --resume finishes it', async () => {
    const out = path.join(work, 'stopfile.json');
    const runDir = path.join(work, 'stopfile-run');
    const cli = startCli([
      'run',
      '--config',
      config,
      '--out',
      out,
      '--run-dir',
      runDir,
      '--json-events',
      '--demo-latency',
      STOPPABLE_LATENCY_MS,
    ]);
    await cli.waitForEvent(iterationAtLeast(3));
    writeFileSync(path.join(runDir, 'stop'), '');
    const first = await cli.done;
    expect(first.code, first.stderr).toBe(0);
    const stopped = readResult(out);
    expect(stopped.status).toBe('stopped');
    expect(stopped.summary!.stopReason).toMatch(/stop was found/);
    expect(stopped.summary!.totalIterations).toBeLessThan(reference.summary!.totalIterations);
    expect(existsSync(path.join(runDir, 'stop'))).toBe(false);

    const resumed = await runCli(['run', '--resume', runDir, '--config', config, '--out', out, '--quiet']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readResult(out).result).toEqual(sameRun(reference.result));
  }, 90_000);
});

/** A port nothing listens on: opened, then closed. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

describe.concurrent('bad configs: a message that names the field, a non-zero exit, no files', () => {
  const expectRejected = async (
    name: string,
    args: string[],
    mustContain: string[],
    env: Record<string, string> = {},
  ) => {
    const out = path.join(work, `${name}-out.json`);
    const { code, stdout, stderr } = await runCli(['run', ...args, '--out', out], env);
    expect(code, stderr).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    for (const s of mustContain) expect(stderr).toContain(s);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(work, `${name}-out-run`))).toBe(false);
    return stderr;
  };
  const rejects = (
    name: string,
    patch: (c: Record<string, unknown>) => void,
    mustContain: string[],
    env: Record<string, string> = {},
  ) => expectRejected(name, ['--config', writeConfig(`${name}.json`, patch)], mustContain, env);

  it(
    'unknown metric',
    () => rejects('metric', (c) => (c.metric = { kind: 'bleu' }), ['metric.kind', 'unknown metric "bleu"']),
    30_000,
  );

  it(
    'missing dataset file (the path is named)',
    () =>
      rejects('nofile', (c) => ((c.dataset as Record<string, unknown>).path = 'data/missing.jsonl'), [
        'dataset.path',
        path.join(work, 'data', 'missing.jsonl'),
      ]),
    30_000,
  );

  it("malformed dataset (the parser's line number)", () => {
    writeFileSync(
      path.join(work, 'broken.jsonl'),
      '{"id":"a","review":"fine","label":"positive"}\n{"id":"b", "review": oops}\n',
    );
    return rejects('broken', (c) => ((c.dataset as Record<string, unknown>).path = 'broken.jsonl'), [
      'dataset.path',
      'broken.jsonl, line 2',
    ]);
  }, 30_000);

  it(
    'custom metric code that does not compile',
    () =>
      rejects('custom', (c) => (c.metric = { kind: 'custom', code: '(example, output) => {{ score' }), [
        'metric.code',
        'does not compile',
      ]),
    30_000,
  );

  it(
    'a mapped field the data lacks',
    () =>
      rejects(
        'mapping',
        (c) => (((c.dataset as Record<string, unknown>).mapping as Record<string, unknown>).answer = 'sentiment'),
        ['dataset.mapping', 'field "sentiment"'],
      ),
    30_000,
  );

  it(
    'budget too small for one full evaluation (says what one valset evaluation needs)',
    () =>
      rejects('budget', (c) => (c.budget = { maxMetricCalls: 12 }), [
        'budget.maxMetricCalls',
        'too small for one full evaluation',
        'takes 20 metric calls',
      ]),
    30_000,
  );

  it('endpoint unreachable (names the endpoint and the reason)', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    return rejects('unreachable', (c) => (c.taskLm = { provider: 'custom', baseUrl: url, model: 'm' }), [
      'taskLm.baseUrl',
      url,
      'connection was refused',
    ]);
  }, 30_000);

  it(
    'missing API key variable (names the variable)',
    () =>
      rejects(
        'nokey',
        (c) =>
          (c.reflectionLm = {
            provider: 'openai',
            baseUrl: 'https://api.openai.com/v1',
            model: 'gpt-4.1-mini',
            apiKeyEnv: 'GEPA_CLI_MISSING_KEY',
          }),
        ['reflectionLm.apiKeyEnv', 'GEPA_CLI_MISSING_KEY'],
      ),
    30_000,
  );

  it(
    'an API key in the config file',
    () =>
      rejects(
        'inline-key',
        (c) =>
          (c.taskLm = { provider: 'custom', baseUrl: 'http://127.0.0.1:1/v1', model: 'm', apiKey: 'sk-inline-123456' }),
        ['taskLm.apiKey', 'apiKeyEnv'],
      ),
    30_000,
  );

  it('a config that is not JSON', () => {
    writeFileSync(path.join(work, 'notjson.json'), '{ "version": 1, ');
    return expectRejected('notjson', ['--config', path.join(work, 'notjson.json')], ['config', 'not valid JSON']);
  }, 30_000);

  it(
    '--resume of a directory without a run',
    () => expectRejected('noresume', ['--resume', path.join(work, 'nowhere')], ['--resume', 'not found']),
    30_000,
  );

  it('a command line without --out', async () => {
    const { code, stderr } = await runCli(['run', '--config', EXAMPLE]);
    expect(code).toBe(2);
    expect(stderr).toContain('--out');
  }, 30_000);
});

describe('guards around the run directory', () => {
  it('a fresh run refuses a directory holding a run; --resume refuses another config, naming the field', async () => {
    const config = writeConfig('guard.json', (c) => (c.budget = { maxMetricCalls: 60 }));
    const runDir = path.join(work, 'guard-run');
    const first = await runCli([
      'run',
      '--config',
      config,
      '--out',
      path.join(work, 'guard.json'),
      '--run-dir',
      runDir,
      '--quiet',
    ]);
    expect(first.code, first.stderr).toBe(0);

    const again = await runCli([
      'run',
      '--config',
      config,
      '--out',
      path.join(work, 'guard2.json'),
      '--run-dir',
      runDir,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--run-dir');
    expect(again.stderr).toContain('--resume');

    const other = writeConfig('guard-other.json', (c) => (c.budget = { maxMetricCalls: 80 }));
    const mismatch = await runCli([
      'run',
      '--resume',
      runDir,
      '--config',
      other,
      '--out',
      path.join(work, 'guard3.json'),
    ]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('budget.maxMetricCalls');
    expect(existsSync(path.join(work, 'guard3.json'))).toBe(false);
  }, 60_000);
});
