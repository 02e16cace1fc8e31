// Inference-time search's result (runMode.ts): per task (val example), the best output any candidate gave
// so far, the candidate that gave it and its score. A fold of what the run events already carry (each
// candidate's per-example val scores and outputs), so a live run, a stored or imported one and the CLI's
// result read the same. Ties go to the earliest candidate (lowest index), as the engine's
// `best_outputs_valset` lists the earliest first. Exported as JSON lines and CSV (papaparse; cells a
// spreadsheet would run as a formula get a leading apostrophe: LM output is untrusted).
import Papa from 'papaparse';
import type { Example } from '../tasks/types.ts';
import { exampleInputs, expectedAnswer } from '../tasks/datasets/example.ts';
import type { CandidateExport } from './exportFormat.ts';

export interface BestOutput {
  /** the task's position among the run's examples (0-based, file order) */
  task: number;
  exampleId: string;
  /** the task's input fields, as the program sees them */
  inputs: Record<string, unknown>;
  /** the expected answer, when the dataset has one */
  expected: string | undefined;
  output: string;
  candidateIdx: number;
  score: number;
  /** the seed prompt's (candidate 0's) score on this task; null before the seed is scored */
  seedScore: number | null;
  /** how many candidates reached this best score on the task (the earliest one is shown) */
  reachedBy: number;
}

/**
 * The best output per task from the candidates so far (sparse by index; a list may hold holes). A task no
 * candidate has a finite score on yet has no row.
 */
export function bestOutputsPerTask(
  valExamples: readonly Example[],
  candidates: readonly (CandidateExport | undefined)[],
): BestOutput[] {
  // by index, whatever order they were added in, so a tie goes to the lowest index
  const scored = candidates
    .filter((c): c is CandidateExport => c !== undefined && c !== null)
    .sort((a, b) => a.row.candidateIdx - b.row.candidateIdx);
  const seed = scored.find((c) => c.row.candidateIdx === 0);
  const rows: BestOutput[] = [];
  valExamples.forEach((example, task) => {
    let best: { c: CandidateExport; score: number } | null = null;
    let reachedBy = 0;
    for (const c of scored) {
      const score = c.valScores[task];
      if (score === undefined || !Number.isFinite(score)) continue;
      if (best === null || score > best.score) {
        best = { c, score };
        reachedBy = 1;
      } else if (score === best.score) reachedBy++;
    }
    if (!best) return;
    const seedScore = seed?.valScores[task];
    rows.push({
      task,
      exampleId: example.id,
      inputs: exampleInputs(example),
      expected: expectedAnswer(example),
      output: best.c.outputs[task] ?? '',
      candidateIdx: best.c.row.candidateIdx,
      score: best.score,
      seedScore: seedScore !== undefined && Number.isFinite(seedScore) ? seedScore : null,
      reachedBy,
    });
  });
  return rows;
}

/** One row as the exports write it (snake_case, as a Python user reads `best_outputs_valset`). */
function record(r: BestOutput) {
  return {
    task: r.task,
    example_id: r.exampleId,
    inputs: r.inputs,
    expected_answer: r.expected ?? null,
    best_output: r.output,
    candidate_idx: r.candidateIdx,
    score: r.score,
    seed_score: r.seedScore,
  };
}

/** One JSON object a line, a task a line, in task order. */
export function bestOutputsJsonl(rows: readonly BestOutput[]): string {
  return rows.map((r) => JSON.stringify(record(r)) + '\n').join('');
}

const cell = (v: unknown): string | number =>
  v === undefined || v === null ? '' : typeof v === 'string' || typeof v === 'number' ? v : JSON.stringify(v);

/** The same rows as CSV: one `input:<field>` column per input field, then the answer, output, candidate, score. */
export function bestOutputsCsv(rows: readonly BestOutput[]): string {
  const inputFields = [...new Set(rows.flatMap((r) => Object.keys(r.inputs)))];
  const fields = [
    'task',
    'example_id',
    ...inputFields.map((f) => `input:${f}`),
    'expected_answer',
    'best_output',
    'candidate_idx',
    'score',
    'seed_score',
  ];
  const data = rows.map((r) => [
    r.task,
    r.exampleId,
    ...inputFields.map((f) => cell(r.inputs[f])),
    cell(r.expected),
    r.output,
    r.candidateIdx,
    r.score,
    cell(r.seedScore),
  ]);
  return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' });
}
