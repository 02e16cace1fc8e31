// The CLI's HTML report: written by default into the run directory, or where --report says, at the end
// of a run; the stderr summary names it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { demoRunConfig } from '../run/demoRunConfig.ts';
import { runCli } from './cli.ts';
import type { CliIo } from './runCommand.ts';
import { parseCommand } from './args.ts';
import { reportPath } from './reportFile.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gepa-cli-report-'));
  writeFileSync(
    path.join(dir, 'run.json'),
    JSON.stringify(demoRunConfig(sentimentTask, { budget: { maxMetricCalls: 80 } })),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(): { io: CliIo; err: string[] } {
  const err: string[] = [];
  return {
    err,
    io: {
      stdout: { write: () => true },
      stderr: { isTTY: false, columns: 120, write: (t) => err.push(t) > 0 },
      env: {},
      cwd: dir,
      onSignal: () => () => undefined,
      exit: (code) => {
        throw new Error(`exit ${code}`);
      },
    },
  };
}

describe('the CLI report', () => {
  it('--report FILE is read, relative to the working directory', () => {
    const c = parseCommand(['run', '--config', 'c.json', '--out', 'o.json', '--report', 'r.html']);
    expect(c.kind === 'run' && c.args.report).toBe('r.html');
    expect(reportPath('/w', '/w/o-run', 'r.html')).toBe('/w/r.html');
    expect(reportPath('/w', '/w/o-run', undefined)).toBe('/w/o-run/report.html');
  });

  it('goes into the run directory by default, and where --report says otherwise', async () => {
    const first = io();
    expect(await runCli(['run', '--config', 'run.json', '--out', 'result.json'], first.io)).toBe(0);
    const html = readFileSync(path.join(dir, 'result-run', 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('"sections":["tree","chart","texts","proposals","matrix","config"]');
    expect(first.err.join('')).toContain(`report: ${path.join('result-run', 'report.html')}`);

    const second = io();
    const args = ['run', '--config', 'run.json', '--out', 'b.json', '--report', 'shared/b-report.html'];
    expect(await runCli(args, second.io)).toBe(0);
    expect(existsSync(path.join(dir, 'shared', 'b-report.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'b-run', 'report.html'))).toBe(false);
  });
});
