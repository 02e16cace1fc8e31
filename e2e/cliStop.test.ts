// The CLI with the run config's stop limits (options.stop), as a user runs it: a run ends on its proposal limit
// or its time limit before its budget, exits 0 and says which limit ended it; a misspelt limit is refused
// before anything is spent, naming the field.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliWorkFolder } from './harness/cliProcess.ts';

const work = cliWorkFolder('gepa-cli-stop-');
afterAll(() => work.remove());

/** The README's demo config with this budget and `options.stop`, written into the work folder. */
function configWith(name: string, stop: unknown, maxMetricCalls: number): string {
  const file = work.writeConfig(name, {}, maxMetricCalls);
  const c = JSON.parse(readFileSync(file, 'utf8')) as { options?: Record<string, unknown>; tracking?: unknown };
  delete c.tracking;
  c.options = { ...c.options, stop };
  writeFileSync(file, JSON.stringify(c, null, 2));
  return file;
}

const result = (file: string) =>
  JSON.parse(readFileSync(path.join(work.dir, file), 'utf8')) as {
    statusMessage?: string;
    result: { stop_reason: string; total_metric_calls: number };
  };

describe('gepa-studio run with options.stop', () => {
  it('ends on its proposal limit before the budget, exit 0, saying so', async () => {
    const config = configWith('proposals.json', { maxProposals: 3 }, 5000);
    const { code, out } = await work.run(['run', '--config', config, '--out', 'proposals-result.json'], {});
    expect(code, out).toBe(0);
    expect(out).toContain('finished: Stopped: proposal limit of 3 reached');
    const r = result('proposals-result.json');
    expect(r.result.stop_reason).toBe('proposal limit of 3 reached');
    expect(r.result.total_metric_calls).toBeLessThan(5000);
  }, 120_000);

  it('ends on its time limit (the first of any) while the budget would last for minutes', async () => {
    const config = configWith('time.json', { combine: 'any', timeLimitMinutes: 0.05, targetScore: 2 }, 100_000);
    const args = ['run', '--config', config, '--out', 'time-result.json', '--demo-latency', '100'];
    const { code, out } = await work.run(args, {});
    expect(code, out).toBe(0);
    expect(out).toContain('finished: Stopped: time limit of 3 s reached');
    expect(result('time-result.json').result.stop_reason).toBe('time limit of 3 s reached');
  }, 180_000);

  it('refuses an unknown limit before the run, naming the field (exit 2)', async () => {
    const config = configWith('bad.json', { timeLimit: 5 }, 300);
    const { code, out } = await work.run(['run', '--config', config, '--out', 'bad-result.json'], {});
    expect(code).toBe(2);
    expect(out).toMatch(/options\.stop\.timeLimit: unknown stop condition/);
  }, 60_000);
});
