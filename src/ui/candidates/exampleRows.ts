// The per-example table of a candidate: each val example's input, expected answer, the candidate's
// output and score, and the score of the candidate it is compared with. Inputs are flattened to text
// (one field bare, several as "field: value" lines).
import type { CandidateView } from '../../store/runStore.ts';
import type { Example } from '../../tasks/types.ts';
import { exampleInputs, expectedAnswer } from '../../tasks/datasets/example.ts';

export interface ExampleRow {
  index: number;
  id: string;
  input: string;
  expected: string;
  output: string;
  score: number | null;
  compareScore: number | null;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function inputText(example: Example): string {
  const entries = Object.entries(exampleInputs(example));
  if (entries.length === 1) return asText(entries[0]![1]);
  return entries.map(([k, v]) => `${k}: ${asText(v)}`).join('\n');
}

export function exampleRows(
  valExamples: readonly Example[],
  candidate: CandidateView,
  compare: CandidateView | null,
): ExampleRow[] {
  const n = Math.max(valExamples.length, candidate.valScores.length);
  return Array.from({ length: n }, (_, i) => {
    const ex = valExamples[i];
    return {
      index: i,
      id: ex?.id ?? String(i),
      input: ex ? inputText(ex) : '',
      expected: ex ? (expectedAnswer(ex) ?? '') : '',
      output: candidate.outputs[i] ?? '',
      score: candidate.valScores[i] ?? null,
      compareScore: compare?.valScores[i] ?? null,
    };
  });
}

export type ExampleFilter = 'all' | 'imperfect' | 'differs';

/** All rows, those below a perfect score, or those where the compared candidate scores differently. */
export function filterRows(rows: readonly ExampleRow[], filter: ExampleFilter): ExampleRow[] {
  if (filter === 'imperfect') return rows.filter((r) => r.score === null || r.score < 1);
  if (filter === 'differs') return rows.filter((r) => r.compareScore !== null && r.score !== r.compareScore);
  return [...rows];
}
