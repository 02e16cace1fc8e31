// What the loaded rows become under the current mapping and split: the example count, the train and
// val sizes, the first mapped example (for the message preview) and, if the rows cannot become a run's
// examples, the reason (naming file, line and field). It prepares the rows the one way a run does
// (tasks/datasets/prepareDataset.ts), so the setup view never accepts what the run would reject.
// Pure, so every panel reads the same numbers.
import { prepareDataset } from '../tasks/datasets/index.ts';
import type { Example } from '../tasks/types.ts';
import type { DatasetDraft } from './setupStore.ts';
import { errorMessage } from '../engine/index.ts';
import { modeSizes } from '../run/runMode.ts';
import type { RunMode } from '../run/runMode.ts';

export interface DatasetSummary {
  examples: number;
  train: number;
  val: number;
  /** the first example as the program sees it */
  first: Example | null;
  /** why the rows cannot become examples; null when they can (or when nothing is loaded) */
  problem: string | null;
}

const EMPTY: DatasetSummary = { examples: 0, train: 0, val: 0, first: null, problem: null };

/** In search mode every example is both train and val, so the sizes count each example twice (as the run does). */
export function summarizeDataset(draft: DatasetDraft, jsonAnswer: boolean, mode: RunMode = 'optimize'): DatasetSummary {
  if (draft.rows.length === 0) return EMPTY;
  try {
    const { examples, train, val } = prepareDataset(draft.rows, { ...draft, jsonAnswer });
    return {
      examples: examples.length,
      ...modeSizes(mode, { examples: examples.length, train: train.length, val: val.length }),
      first: examples[0] ?? null,
      problem: null,
    };
  } catch (err) {
    return { ...EMPTY, problem: errorMessage(err) };
  }
}
