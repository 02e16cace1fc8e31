// What the loaded rows become under the current mapping and split: the example count, the train and
// val sizes, the first mapped example (for the message preview) and, if the mapping cannot produce
// examples, the reason (naming file, line and field). Pure, so every panel reads the same numbers.
import { applyMapping, splitDataset } from '../../tasks/datasets/index.ts';
import type { Example } from '../../tasks/types.ts';
import type { DatasetDraft } from '../../store/setupStore.ts';

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

export function summarizeDataset(draft: DatasetDraft, jsonAnswer: boolean): DatasetSummary {
  if (draft.rows.length === 0) return EMPTY;
  let examples: Example[];
  try {
    examples = applyMapping(draft.rows, draft.mapping, draft.fileName, { jsonAnswer });
  } catch (err) {
    return { ...EMPTY, problem: err instanceof Error ? err.message : String(err) };
  }
  if (examples.length < 2)
    return {
      ...EMPTY,
      examples: examples.length,
      first: examples[0] ?? null,
      problem: `${draft.fileName} has ${examples.length} example; GEPA needs at least 2`,
    };
  try {
    const { train, val } = splitDataset(examples, draft.split);
    return {
      examples: examples.length,
      train: train.length,
      val: val.length,
      first: examples[0] ?? null,
      problem: null,
    };
  } catch (err) {
    return {
      ...EMPTY,
      examples: examples.length,
      first: examples[0] ?? null,
      problem: err instanceof Error ? err.message : String(err),
    };
  }
}
