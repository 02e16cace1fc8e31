// The one way parsed rows become a run's examples, for the setup view, the start checks and the run
// itself: map the fields (rejecting rows a run would trip over), check there are enough examples, split
// train / val. Rows keep the line of the file they came from, so every error names the file, the line
// and the field, whether the setup view, the CLI's checks or a run in the worker finds it.
import { DatasetError, type Example, type FieldMapping } from '../types.ts';
import { applyMapping } from './mapping.ts';
import type { DatasetRow } from './rows.ts';
import { splitDataset, type SplitOptions } from './split.ts';
import { errorMessage } from '../../engine/index.ts';

export interface DatasetSpec {
  fileName: string;
  mapping: FieldMapping;
  split: SplitOptions;
  /** keep object answers as JSON text (the JSON field metric) */
  jsonAnswer?: boolean;
}

export interface PreparedDataset {
  /** every mapped example, in file order */
  examples: Example[];
  train: Example[];
  val: Example[];
}

/** GEPA needs a minibatch to learn from and a valset to select on. */
export const MIN_EXAMPLES = 2;

export function prepareDataset(rows: readonly DatasetRow[], spec: DatasetSpec): PreparedDataset {
  const examples = applyMapping([...rows], spec.mapping, spec.fileName, { jsonAnswer: !!spec.jsonAnswer });
  if (examples.length < MIN_EXAMPLES)
    throw new DatasetError(
      `the file has ${examples.length} usable example${examples.length === 1 ? '' : 's'}; ` +
        `GEPA needs at least ${MIN_EXAMPLES}`,
      spec.fileName,
    );
  let split;
  try {
    split = splitDataset(examples, spec.split);
  } catch (err) {
    throw new DatasetError(`the split is invalid: ${errorMessage(err)}`, spec.fileName);
  }
  return { examples, ...split };
}
