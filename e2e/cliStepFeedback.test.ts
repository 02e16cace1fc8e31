// Feedback per step from the CLI: the contact-card demo (extract → format) with a custom metric that gives
// each step its own feedback. Every proposal's records for a step read that step's feedback, never the
// other's; a step score that differs from the program's is warned about once in the run's log; the
// config's feedback options are checked by name.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactCardTask } from '../src/tasks/demos/index.ts';
import { demoRunConfig } from '../src/run/demoRunConfig.ts';
import { parseExport } from '../src/run/exportFormat.ts';
import type { RunEvent } from '../src/run/runEvent.ts';
import { stepFeedbackMetricCode } from './fixtures/stepFeedbackMetric.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'gepa-studio.js');

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'gepa-step-feedback-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function writeConfig(name: string, patch: (c: Record<string, unknown>) => void = () => {}): string {
  const config = demoRunConfig(contactCardTask, {
    metric: { kind: 'custom', code: stepFeedbackMetricCode({ mismatch: true }) },
    budget: { maxMetricCalls: 120 },
  }) as unknown as Record<string, unknown>;
  patch(config);
  const file = path.join(work, name);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

describe('feedback per step (CLI)', () => {
  it("routes each step's feedback to its own records and warns once about a step score", async () => {
    const out = path.join(work, 'steps.json');
    const { code, stdout, stderr } = await runCli([
      'run',
      '--config',
      writeConfig('steps-config.json'),
      '--out',
      out,
      '--json-events',
    ]);
    expect(code, stderr).toBe(0);
    const run = parseExport(readFileSync(out, 'utf8'), out);
    const byStep = (step: string) =>
      run.proposals
        .filter((p) => p.component === step)
        .flatMap((p) => p.feedbackRecords.map((r) => String(r.Feedback)));
    const extract = byStep('extract');
    const format = byStep('format');
    expect(extract.length).toBeGreaterThan(0);
    expect(format.length).toBeGreaterThan(0);
    for (const f of extract) expect(f).toMatch(/EXTRACT ONLY/);
    for (const f of format) expect(f).toMatch(/FORMAT ONLY/);
    expect([...extract, ...format].join('\n')).not.toMatch(/PROGRAM:/);

    const warnings = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as RunEvent)
      .filter((e) => e.type === 'log' && e.level === 'warning' && e.message.includes('score of'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      message: expect.stringContaining('The metric gave step "extract" a score of 1'),
    });
  }, 180_000);

  it('names a bad feedback option', async () => {
    const bad = writeConfig(
      'bad-option.json',
      (c) => ((c.options as Record<string, unknown>).warnOnScoreMismatch = 'yes'),
    );
    const r1 = await runCli(['run', '--config', bad, '--out', path.join(work, 'bad1.json')]);
    expect(r1.code).not.toBe(0);
    expect(r1.stderr).toContain('options.warnOnScoreMismatch: must be true or false, got "yes"');
    const perStep = writeConfig('bad-per-step.json', (c) => ((c.metric as Record<string, unknown>).perStep = true));
    const r2 = await runCli(['run', '--config', perStep, '--out', path.join(work, 'bad2.json')]);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toContain(
      "metric.perStep: only the LLM judge (kind 'llm_judge') is asked per step, not 'custom'",
    );
  }, 120_000);
});
