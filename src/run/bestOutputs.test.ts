import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { CandidateRow } from '../engine/index.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import type { Example } from '../tasks/types.ts';
import { bestOutputsCsv, bestOutputsJsonl, bestOutputsPerTask } from './bestOutputs.ts';
import { buildRun } from './buildRun.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import { emptyExportedRun } from './exportFormat.ts';
import type { CandidateExport } from './exportFormat.ts';
import { foldRunEvents } from './foldRunEvents.ts';
import { inlineRows } from './runDataset.ts';
import { RunDriver } from './runDriver.ts';
import type { RunEvent } from './runEvent.ts';

const examples: Example[] = [
  { id: 'a', question: 'q0', answer: 'x' },
  { id: 'b', question: 'q1', answer: 'y' },
  { id: 'c', question: 'q2' },
];

const candidate = (
  candidateIdx: number,
  valScores: number[],
  outputs = valScores.map((_, t) => `c${candidateIdx}t${t}`),
) =>
  ({
    row: {
      iteration: candidateIdx,
      candidateIdx,
      parentIds: candidateIdx ? [0] : [],
      valsetScore: 0,
      isBest: false,
      origin: candidateIdx ? 'reflective' : 'seed',
      texts: { s: `t${candidateIdx}` },
      metricCallsAtDiscovery: 0,
    } as CandidateRow,
    valScores,
    outputs,
  }) satisfies CandidateExport;

describe('best output per task', () => {
  it('takes the highest score per task, with its output and candidate', () => {
    const rows = bestOutputsPerTask(examples, [candidate(0, [0, 1, 0]), candidate(1, [1, 0, 0.5])]);
    expect(rows.map((r) => [r.task, r.exampleId, r.output, r.candidateIdx, r.score, r.seedScore])).toEqual([
      [0, 'a', 'c1t0', 1, 1, 0],
      [1, 'b', 'c0t1', 0, 1, 1],
      [2, 'c', 'c1t2', 1, 0.5, 0],
    ]);
    expect(rows[0]).toMatchObject({ inputs: { question: 'q0' }, expected: 'x' });
    expect(rows[2]!.expected).toBeUndefined();
  });

  it('a tie goes to the earliest candidate, whatever order candidates arrived in', () => {
    const list: CandidateExport[] = [];
    list[3] = candidate(3, [1, 0.5, 0]);
    list[1] = candidate(1, [1, 0.5, 0]);
    list[0] = candidate(0, [0, 0.5, 0]);
    const rows = bestOutputsPerTask(examples, list);
    expect(rows.map((r) => [r.candidateIdx, r.reachedBy])).toEqual([
      [1, 2],
      [0, 3],
      [0, 3],
    ]);
    // holes (a candidate not reported yet) and arrival order do not matter
    const shuffled = [candidate(3, [1, 0.5, 0]), candidate(1, [1, 0.5, 0]), candidate(0, [0, 0.5, 0])];
    expect(bestOutputsPerTask(examples, shuffled)).toEqual(rows);
  });

  it('skips scores that are not numbers; a task without any has no row; no candidates, no rows', () => {
    const rows = bestOutputsPerTask(examples, [candidate(0, [NaN, 0.2]), candidate(1, [0.1, NaN])]);
    expect(rows.map((r) => [r.task, r.candidateIdx, r.score, r.seedScore])).toEqual([
      [0, 1, 0.1, null],
      [1, 0, 0.2, 0.2],
    ]);
    expect(bestOutputsPerTask(examples, [])).toEqual([]);
  });
});

describe('best outputs export', () => {
  const rows = bestOutputsPerTask(examples, [
    candidate(0, [0, 1, 0], ['=cmd()', 'two\nlines, "quoted"', '']),
    candidate(2, [1, 0, 0.5], ['first', 'no', 'third']),
  ]);

  it('JSONL: one object a task, in task order, with output, candidate and score', () => {
    const lines = bestOutputsJsonl(rows).split('\n');
    expect(lines.at(-1)).toBe('');
    const objects = lines.slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects).toEqual([
      {
        task: 0,
        example_id: 'a',
        inputs: { question: 'q0' },
        expected_answer: 'x',
        best_output: 'first',
        candidate_idx: 2,
        score: 1,
        seed_score: 0,
      },
      {
        task: 1,
        example_id: 'b',
        inputs: { question: 'q1' },
        expected_answer: 'y',
        best_output: 'two\nlines, "quoted"',
        candidate_idx: 0,
        score: 1,
        seed_score: 1,
      },
      {
        task: 2,
        example_id: 'c',
        inputs: { question: 'q2' },
        expected_answer: null,
        best_output: 'third',
        candidate_idx: 2,
        score: 0.5,
        seed_score: 0,
      },
    ]);
    expect(bestOutputsJsonl([])).toBe('');
  });

  it('CSV: a header, one row a task, inputs as input:<field> columns, formulas defused, newlines quoted', () => {
    const csv = bestOutputsCsv(rows);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      'task',
      'example_id',
      'input:question',
      'expected_answer',
      'best_output',
      'candidate_idx',
      'score',
      'seed_score',
    ]);
    expect(
      parsed.data.map((r) => [r.task, r.example_id, r['input:question'], r.best_output, r.candidate_idx, r.score]),
    ).toEqual([
      ['0', 'a', 'q0', 'first', '2', '1'],
      ['1', 'b', 'q1', 'two\nlines, "quoted"', '0', '1'],
      ['2', 'c', 'q2', 'third', '2', '0.5'],
    ]);
    expect(parsed.data[2]!.expected_answer).toBe('');
    const withFormula = bestOutputsCsv(bestOutputsPerTask(examples.slice(0, 1), [candidate(0, [1], ['=cmd()'])]));
    expect(withFormula).toContain("'=cmd()");
  });
});

describe('a search run with the demo model', () => {
  it('the fold of its events gives the engine’s best_outputs_valset (earliest candidate first)', async () => {
    const config = demoRunConfig(sentimentTask, { mode: 'search', budget: { maxMetricCalls: 150 } });
    const events: RunEvent[] = [];
    const driver = new RunDriver({ emit: (e) => events.push(e), stopped: () => null });
    const outcome = await driver.run({
      config,
      build: () => buildRun(config, { rows: inlineRows(config.dataset.rows ?? []) }),
    });
    expect(outcome.status).toBe('finished');
    const run = emptyExportedRun(null, config);
    Object.assign(run, foldRunEvents(run, events));
    expect(run.trainCount).toBe(sentimentTask.rows.length);
    expect(run.valExamples).toHaveLength(sentimentTask.rows.length);
    const rows = bestOutputsPerTask(run.valExamples, run.candidates);
    expect(rows).toHaveLength(sentimentTask.rows.length);
    const engine = outcome.result!.toDict().best_outputs_valset!;
    expect(engine).not.toBeNull();
    for (const r of rows) {
      const [idx, output] = engine[r.task]![0]!;
      expect([r.candidateIdx, r.output]).toEqual([idx, output]);
      expect(r.reachedBy).toBe(engine[r.task]!.length);
      expect(r.score).toBe(run.candidates[r.candidateIdx]!.valScores[r.task]);
    }
    // the search found better answers than the seed on some tasks
    expect(rows.some((r) => r.candidateIdx > 0)).toBe(true);
  });
});
