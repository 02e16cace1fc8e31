// The CLI's inference-time search (`mode: "search"`): `gepa-studio run` on examples/demo-search.json writes
// RUN_DIR/best-outputs.jsonl, one line per task with the best output, its candidate and score, matching the
// result's best_outputs_valset; a bad mode is refused naming the field.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExport } from '../src/run/exportFormat.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'gepa-studio.js');
const EXAMPLE = path.join(ROOT, 'examples', 'demo-search.json');

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'gepa-cli-search-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', timeout: 240_000 });

describe('CLI: inference-time search', () => {
  it('writes the best output per task to best-outputs.jsonl', () => {
    const run = cli(['run', '--config', EXAMPLE, '--out', 'search.json', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = readFileSync(path.join(work, 'search-run', 'best-outputs.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const dataset = readFileSync(path.join(ROOT, 'examples', 'demo-sentiment.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(rows).toHaveLength(dataset.length);
    const exported = parseExport(readFileSync(path.join(work, 'search.json'), 'utf8'), 'search.json');
    expect(exported.config?.mode).toBe('search');
    // every example is both a training and a validation task
    expect(exported.trainCount).toBe(dataset.length);
    const best = exported.result!.best_outputs_valset!;
    rows.forEach((r, task) => {
      expect(r.task).toBe(task);
      expect(r.example_id).toBe((JSON.parse(dataset[task]!) as { id: string }).id);
      const [candidate, output] = best[String(task)]![0]!;
      expect([r.candidate_idx, r.best_output]).toEqual([candidate, output]);
      expect(r.score).toBe(exported.candidates[candidate]!.valScores[task]);
    });
  });

  it('refuses an unknown mode, naming the field (exit 2)', () => {
    const config = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    const file = path.join(work, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...config,
        mode: 'inference',
        dataset: { ...(config.dataset as object), path: path.join(ROOT, 'examples', 'demo-sentiment.jsonl') },
      }),
    );
    const run = cli(['run', '--config', file, '--out', 'bad-result.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("mode: must be 'optimize' or 'search'");
  });
});
