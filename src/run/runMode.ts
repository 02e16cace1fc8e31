// The run config's `mode`: what a run is for. 'optimize' (the default, and what a config without the field
// means) splits the examples into a train set to learn from and a validation set to select on, and the
// prompt is the result. 'search' is the DSPy seed's inference-time search: the examples are the tasks to
// solve, both trainset and valset (`compile(student, trainset=my_tasks, valset=my_tasks)`), the best output
// of every candidate on every task is tracked (`track_best_outputs=True`), and the result that matters is
// the best output found per task (bestOutputs.ts). In search mode `dataset.split` is not used, so a search
// config may leave it out (withSearchSplit).
import type { Example } from '../tasks/types.ts';
import type { FieldError } from './trackingConfig.ts';

export type RunMode = 'optimize' | 'search';

export const RUN_MODES: readonly RunMode[] = ['optimize', 'search'];

/** Checks a config's `mode` (absent: 'optimize'); returns it. */
export function validateRunMode(raw: unknown, fail: FieldError): RunMode {
  if (raw === undefined) return 'optimize';
  if (typeof raw !== 'string' || !(RUN_MODES as readonly string[]).includes(raw))
    throw fail('mode', `must be 'optimize' or 'search', got ${JSON.stringify(raw)}`);
  return raw as RunMode;
}

/** The split a search config without one is given: never used by the run, only kept so the config has one. */
export const SEARCH_PLACEHOLDER_SPLIT = { valFraction: 0.3, seed: 0 } as const;

/**
 * A config's dataset with `split` filled in when the config is a search without one (a search does not split);
 * anything else is returned as it is, so the split check still refuses an optimize config without a split.
 */
export function withSearchSplit<T>(mode: unknown, dataset: T): T {
  if (mode !== 'search' || typeof dataset !== 'object' || dataset === null || Array.isArray(dataset)) return dataset;
  if ((dataset as { split?: unknown }).split !== undefined) return dataset;
  return { ...dataset, split: { ...SEARCH_PLACEHOLDER_SPLIT } };
}

/** Whether a config is an inference-time search (its examples are the tasks to solve). */
export const isSearchRun = (config: { mode?: RunMode }): boolean => config.mode === 'search';

/**
 * The trainset and valset a run of this config is given: the split (optimize), or every example as both
 * (search), in file order.
 */
export function runExamples(
  config: { mode?: RunMode },
  prepared: { examples: Example[]; train: Example[]; val: Example[] },
): { train: Example[]; val: Example[] } {
  if (!isSearchRun(config)) return { train: prepared.train, val: prepared.val };
  return { train: prepared.examples, val: prepared.examples };
}

/** The examples a setup's summary counts as train and val under a mode. */
export function modeSizes(mode: RunMode, sizes: { examples: number; train: number; val: number }) {
  return mode === 'search' ? { train: sizes.examples, val: sizes.examples } : { train: sizes.train, val: sizes.val };
}
