// An inference-time search's result file (run config `mode: "search"`): the best output found per task,
// one JSON object a line (src/run/bestOutputs.ts), written to RUN_DIR/best-outputs.jsonl at the end of the
// run, also after a stop. A file that cannot be written is a warning: the result file holds the same data.
import path from 'node:path';
import { errorMessage } from '../engine/index.ts';
import { bestOutputsJsonl, bestOutputsPerTask } from '../run/bestOutputs.ts';
import type { ExportedRun } from '../run/exportFormat.ts';
import { writeFileAtomic } from './runDir.ts';

export const BEST_OUTPUTS_FILE = 'best-outputs.jsonl';

export interface BestOutputsWritten {
  file: string;
  tasks: number;
  /** the mean of the best scores over the tasks */
  meanScore: number;
}

/** Writes RUN_DIR/best-outputs.jsonl; returns what it wrote, or why it could not (a string). */
export function writeBestOutputs(run: ExportedRun, runDir: string): BestOutputsWritten | string {
  const file = path.join(runDir, BEST_OUTPUTS_FILE);
  try {
    const rows = bestOutputsPerTask(run.valExamples, run.candidates);
    writeFileAtomic(file, bestOutputsJsonl(rows));
    const meanScore = rows.length ? rows.reduce((a, r) => a + r.score, 0) / rows.length : 0;
    return { file, tasks: rows.length, meanScore };
  } catch (err) {
    return `could not write the best outputs to ${file}: ${errorMessage(err)}`;
  }
}
