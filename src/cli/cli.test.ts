// The CLI in this process, with fake streams: help, usage errors, and a demo run drawn on a "terminal".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { demoRunConfig } from '../run/demoRunConfig.ts';
import { parseExport } from '../run/exportFormat.ts';
import { runCli } from './cli.ts';
import type { CliIo, StopSignal } from './runCommand.ts';
import { defaultRunDir, firstDifference } from './runSetup.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gepa-cli-unit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo(tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  let handler: ((s: StopSignal) => void) | null = null;
  const io: CliIo = {
    stdout: { write: (t) => out.push(t) > 0 },
    stderr: { isTTY: tty, columns: 120, write: (t) => err.push(t) > 0 },
    env: {},
    cwd: dir,
    onSignal: (h) => {
      handler = h;
      return () => (handler = null);
    },
    exit: (code) => {
      throw new Error(`exit ${code}`);
    },
  };
  return { io, out, err, signal: (s: StopSignal) => handler?.(s) };
}

const config = (budget: number) => demoRunConfig(sentimentTask, { budget: { maxMetricCalls: budget } });

describe('runCli', () => {
  it('prints help on stdout and exits 0', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('')).toMatch(
      /^gepa-studio — .*\n\nUsage:\n {2}gepa-studio run --config run\.json --out result\.json/,
    );
  });

  it('a bad command line: one message, a pointer to --help, exit 2', async () => {
    const { io, err } = fakeIo();
    expect(await runCli(['run', '--config', 'x.json'], io)).toBe(2);
    expect(err.join('')).toBe(
      'gepa-studio: --out FILE is required: the result file to write\nRun "gepa-studio --help" for the options.\n',
    );
  });

  it('a config with a bad proposals-per-round value: one message naming the field, exit 2, nothing run', async () => {
    const bad = demoRunConfig(sentimentTask, { options: { samplingStrategy: { kind: 'independent', n: 0 } } });
    writeFileSync(path.join(dir, 'run.json'), JSON.stringify(bad));
    const { io, err } = fakeIo();
    expect(await runCli(['run', '--config', 'run.json', '--out', 'out.json'], io)).toBe(2);
    expect(err.join('')).toMatch(/options\.samplingStrategy: n must be a whole number from 1 to 64, got 0/);
    expect(() => readFileSync(path.join(dir, 'out.json'))).toThrow();
  });

  it('documents proposals per round in --help, with an example', async () => {
    const { io, out } = fakeIo();
    await runCli(['--help'], io);
    expect(out.join('')).toContain('"samplingStrategy"');
    expect(out.join('')).toContain('"selectionStrategy"');
    expect(out.join('')).toContain('"options": { "samplingStrategy": { "kind": "independent", "n": 4 }');
  });

  it('documents the valset gate and reflection retries in --help', async () => {
    const { io, out } = fakeIo();
    await runCli(['--help'], io);
    expect(out.join('')).toMatch(/"valsetGateSize" .*default 0 = off/);
    expect(out.join('')).toMatch(/"reflectionRetries" .*default 0/);
  });

  it('runs a demo config, redrawing one progress line on a terminal, and writes the export', async () => {
    writeFileSync(path.join(dir, 'run.json'), JSON.stringify(config(120)));
    const { io, err } = fakeIo(true);
    expect(await runCli(['run', '--config', 'run.json', '--out', 'out/result.json'], io)).toBe(0);
    const stderr = err.join('');
    expect(stderr).toContain('\r\x1b[2K[');
    expect(stderr).toMatch(/finished: budget/);
    const run = parseExport(readFileSync(path.join(dir, 'out', 'result.json'), 'utf8'), 'result.json');
    expect(run.status).toBe('finished');
    expect(run.result?.total_metric_calls).toBeLessThanOrEqual(120);
    // the result names where its checkpoints are, as the reference's GEPAResult.run_dir does
    expect(run.result?.run_dir).toBe(path.join(dir, 'out', 'result-run'));
    expect(run.result?.stop_reason).toMatch(/budget/);
  });

  it('a stop signal before the seed is scored leaves nothing to resume and says so', async () => {
    writeFileSync(path.join(dir, 'run.json'), JSON.stringify(config(120)));
    const { io, err, signal } = fakeIo();
    const running = runCli(['run', '--config', 'run.json', '--out', 'r.json', '--demo-latency', '50'], io);
    await new Promise((r) => setTimeout(r, 20));
    signal('SIGINT');
    expect(await running).toBe(130);
    expect(err.join('')).toMatch(
      /interrupted by SIGINT before the seed prompt was scored: there is no checkpoint to resume/,
    );
  });
});

describe('helpers', () => {
  it('firstDifference names the first differing field', () => {
    expect(firstDifference({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 2] } })).toBeNull();
    expect(firstDifference({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] } })).toBe('b.c[1]');
    expect(firstDifference({ budget: { maxMetricCalls: 1 } }, { budget: { auto: 'light' } })).toBe(
      'budget.maxMetricCalls',
    );
  });
  it('the default run directory sits next to the result', () => {
    expect(defaultRunDir('out/result.json')).toBe('out/result-run');
    expect(defaultRunDir('result')).toBe('result-run');
  });
});
