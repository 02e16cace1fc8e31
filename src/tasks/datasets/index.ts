// Public surface of dataset loading: parse a file, then prepare it (map its fields to Examples, check, split).
export { parseDataset, detectFormat } from './parseDataset.ts';
export type { ParseDatasetOptions } from './parseDataset.ts';
export { DEFAULT_LIMITS } from './rows.ts';
export type { DatasetFormat, DatasetLimits, DatasetRow, ParsedDataset } from './rows.ts';
export { guessMapping, applyMapping } from './mapping.ts';
export type { ApplyMappingOptions } from './mapping.ts';
export { splitDataset } from './split.ts';
export { MIN_EXAMPLES, prepareDataset } from './prepareDataset.ts';
export type { DatasetSpec, PreparedDataset } from './prepareDataset.ts';
export type { Split, SplitOptions } from './split.ts';
export { ANSWER_FIELD, ID_FIELD, expectedAnswer, exampleInputs } from './example.ts';
