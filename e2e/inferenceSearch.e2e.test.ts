// Inference-time search, as a user runs it: a demo task set up as "find the best answer for each of these
// tasks" (the split controls give way to a note), the run view's Best outputs tab filling in live, and its
// JSONL and CSV downloads: one row per task with the best output, the candidate that gave it and its score,
// the same as the engine's best_outputs_valset in the JSON export.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { useStudioSuite } from './harness/session.ts';
import { SetupPage } from './harness/setupPage.ts';
import { RunPage } from './harness/runPage.ts';
import { readExport } from './harness/exportFile.ts';
import { screenshot } from './harness/artifacts.ts';
import type { CandidateExport } from '../src/run/exportFormat.ts';
import type { Example } from '../src/tasks/types.ts';

const GROUP = 'inference-search';
const suite = useStudioSuite(GROUP);

describe('inference-time search', () => {
  it('a search run on a demo task shows and exports its best output per task', async () => {
    const page = suite.session.page;
    const setup = new SetupPage(page);
    await setup.loadDemo('sentiment');
    await setup.setDemoLatency(100);
    await setup.setBudget('maxMetricCalls', 500);

    expect(await setup.id('split-val-fraction').isVisible()).toBe(true);
    await setup.id('run-mode-search').check();
    await setup.id('search-split-note').waitFor();
    expect(await setup.id('split-val-fraction').count(), 'no split in search mode').toBe(0);
    const note = (await setup.id('search-split-note').textContent()) ?? '';
    const tasks = Number(/all (\d+) examples/.exec(note)?.[1]);
    expect(tasks).toBeGreaterThan(10);
    await expect.poll(() => setup.id('start-status').textContent()).toContain(`${tasks} tasks, best answer each`);
    await setup.id('run-mode-search').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 120));
    await screenshot(page, GROUP, '01-setup-search-mode');

    await setup.start();
    const run = new RunPage(page);
    await run.id('tab-best').click();
    // live: rows appear once the seed is scored, while the run still goes
    await expect.poll(() => run.id('best-row').count(), { timeout: 90_000 }).toBeGreaterThan(0);
    await screenshot(page, GROUP, '02-best-outputs-live');
    await run.waitForEnd(180_000);
    await expect.poll(() => run.id('best-summary').textContent()).toContain(`${tasks} of ${tasks} tasks answered`);
    await screenshot(page, GROUP, '03-best-outputs-ended');

    // a row opens to its whole texts; its candidate link opens the candidate
    await run.id('best-row').first().click();
    await screenshot(page, GROUP, '04-best-output-row-open');

    const exported = readExport((await run.download('export-json', GROUP)).text);
    expect(exported.config.mode).toBe('search');
    const valExamples = exported.raw.valExamples as Example[];
    const candidates = exported.raw.candidates as CandidateExport[];
    expect(valExamples).toHaveLength(tasks);
    expect(exported.raw.trainCount).toBe(tasks);
    const engineBest = exported.result.best_outputs_valset!;
    expect(engineBest, 'trackBestOutputs is on in search mode').not.toBeNull();

    const jsonl = await run.download('export-best-jsonl', GROUP);
    expect(jsonl.suggestedName).toMatch(/-best-outputs\.jsonl$/);
    const rows = jsonl.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(tasks);
    rows.forEach((r, task) => {
      expect(r.task).toBe(task);
      expect(r.example_id).toBe(valExamples[task]!.id);
      expect(typeof r.best_output).toBe('string');
      const [idx, output] = engineBest[String(task)]![0]!;
      expect([r.candidate_idx, r.best_output]).toEqual([idx, output]);
      expect(r.score).toBe(candidates[idx]!.valScores[task]);
    });

    const csv = await run.download('export-best-csv', GROUP);
    expect(csv.suggestedName).toMatch(/-best-outputs\.csv$/);
    const parsed = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining(['task', 'example_id', 'best_output', 'candidate_idx', 'score']),
    );
    expect(parsed.data).toHaveLength(tasks);
    parsed.data.forEach((r, task) => {
      expect(r.example_id).toBe(rows[task]!.example_id);
      expect(Number(r.candidate_idx)).toBe(rows[task]!.candidate_idx);
      expect(Number(r.score)).toBe(rows[task]!.score);
      expect(r.best_output).toBe(rows[task]!.best_output);
    });

    // the candidate link opens that candidate in the candidates view
    const first = rows[0]!.candidate_idx as number;
    await run.id('best-candidate').first().click();
    await expect.poll(() => run.id('tab-candidates').getAttribute('aria-selected')).toBe('true');
    await screenshot(page, GROUP, `05-candidate-${first}-from-best-outputs`);
  }, 300_000);
});
