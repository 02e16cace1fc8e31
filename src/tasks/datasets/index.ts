// Public surface of dataset loading: parse a file, map its fields to Examples, split train/val.
export { parseDataset, detectFormat } from './parseDataset.ts';
export type { ParseDatasetOptions } from './parseDataset.ts';
export { DEFAULT_LIMITS } from './rows.ts';
export type { DatasetFormat, DatasetLimits, DatasetRow, ParsedDataset } from './rows.ts';
export { guessMapping, applyMapping } from './mapping.ts';
export type { ApplyMappingOptions } from './mapping.ts';
export { splitDataset } from './split.ts';
export type { Split, SplitOptions } from './split.ts';
export { ANSWER_FIELD, ID_FIELD, expectedAnswer, exampleInputs } from './example.ts';
