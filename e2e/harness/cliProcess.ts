// The CLI as a user runs it (`node bin/gepa-studio.js …` in a child process) for the tracking tests: a
// working folder, the README's demo config with a tracking section written into it, and a run that
// collects stdout and stderr together.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './studio.ts';

const BIN = path.join(REPO_ROOT, 'bin', 'gepa-studio.js');

export interface CliWorkFolder {
  readonly dir: string;
  /** the demo config (examples/demo-run.json) with this budget and tracking section, as `name` in the folder */
  writeConfig(name: string, tracking: Record<string, unknown>, maxMetricCalls: number): string;
  /**
   * Runs the CLI with `env` over this process's environment (minus `drop`, so a developer's own tracking
   * variables cannot leak in); the exit code and everything it printed.
   */
  run(
    args: string[],
    env: Record<string, string>,
    drop?: readonly string[],
  ): Promise<{ code: number | null; out: string }>;
  remove(): void;
}

export function cliWorkFolder(prefix: string): CliWorkFolder {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    writeConfig(name, tracking, maxMetricCalls) {
      const c = JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', 'demo-run.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      (c.dataset as Record<string, unknown>).path = path.join(REPO_ROOT, 'examples', 'demo-sentiment.jsonl');
      c.budget = { maxMetricCalls };
      c.tracking = tracking;
      const file = path.join(dir, name);
      writeFileSync(file, JSON.stringify(c, null, 2));
      return file;
    },
    run(args, env, drop = []) {
      const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !drop.includes(k)));
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: dir,
        env: { ...inherited, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every file below a folder, recursively. */
export const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
