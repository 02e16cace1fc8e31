// Field mapping: which columns are inputs, which holds the expected answer, which (optionally) the id.
// guessMapping proposes one from column names; applyMapping turns rows into Examples and rejects
// anything a run would trip over later (missing values, objects where text is expected, duplicate ids).
import { DatasetError, type Example, type FieldMapping } from '../types.ts';
import { ANSWER_FIELD, ID_FIELD } from './example.ts';
import { nearMissNote, showInvisible } from './invisibleChars.ts';
import { describeValue, type DatasetRow } from './rows.ts';

const ID_NAMES = ['id', 'uid', '_id', 'uuid', 'guid', 'example_id', 'exampleid', 'qid', 'question_id', 'idx', 'key'];
const ANSWER_NAMES = [
  'answer',
  'answers',
  'expected',
  'expected_output',
  'expected_answer',
  'output',
  'label',
  'target',
  'gold',
  'ground_truth',
  'reference',
  'solution',
  'final_answer',
  'completion',
  'response',
  'ideal',
  'y',
  'class',
];
const INPUT_NAMES = [
  'question',
  'input',
  'inputs',
  'prompt',
  'text',
  'query',
  'instruction',
  'context',
  'passage',
  'document',
  'problem',
  'sentence',
  'review',
  'message',
  'content',
  'claim',
  'premise',
  'hypothesis',
  'x',
];

const canonical = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The first column whose name is in `names` (earlier names win), else (fuzzy) one that contains a name. */
function pick(columns: string[], names: string[], taken: Set<string>, fuzzy: boolean): string | undefined {
  const free = columns.filter((c) => !taken.has(c));
  for (const name of names) {
    const hit = free.find((c) => canonical(c) === name);
    if (hit) return hit;
  }
  if (!fuzzy) return undefined;
  for (const name of names.filter((n) => n.length > 2)) {
    const hit = free.find((c) => canonical(c).includes(name));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A sensible first mapping: known id and answer names, inputs by known names (else every other
 * column). With no known answer name the last other column is the answer (CSV labels usually come
 * last); `answer` is '' only when there is no column left for it.
 */
export function guessMapping(columns: string[]): FieldMapping {
  const taken = new Set<string>();
  // ids by exact name only: "keywords" or "user_id" are data, not example ids
  const id = pick(columns, ID_NAMES, taken, false);
  if (id) taken.add(id);
  let answer = pick(columns, ANSWER_NAMES, taken, true);
  const rest = () => columns.filter((c) => !taken.has(c));
  if (!answer && rest().length >= 2) answer = rest()[rest().length - 1];
  if (answer) taken.add(answer);
  const named = rest().filter((c) =>
    INPUT_NAMES.some((n) => canonical(c) === n || (n.length > 2 && canonical(c).includes(n))),
  );
  const inputs = named.length > 0 ? named : rest();
  return { inputs, answer: answer ?? '', ...(id ? { id } : {}) };
}

export interface ApplyMappingOptions {
  /**
   * Keep an object or array answer as its JSON text instead of rejecting it (for the JSON field
   * metric, whose expected answers are naturally objects in a JSONL file).
   */
  jsonAnswer?: boolean;
}

function checkMapping(mapping: FieldMapping, fileName: string): void {
  if (mapping.inputs.length === 0)
    throw new DatasetError('the mapping has no input fields: choose at least one field the model reads', fileName);
  if (!mapping.answer)
    throw new DatasetError(
      'the mapping has no answer field: choose the field that holds the expected answer',
      fileName,
    );
  if (mapping.inputs.includes(mapping.answer)) {
    throw new DatasetError(
      'this field is both an input and the expected answer: the model would see the answer',
      fileName,
      undefined,
      mapping.answer,
    );
  }
  for (const input of mapping.inputs) {
    if (input === ANSWER_FIELD || (input === ID_FIELD && mapping.id !== ID_FIELD)) {
      throw new DatasetError(
        `an input may not be named "${input}": examples keep the ` +
          `${input === ID_FIELD ? 'id' : 'expected answer'} under that name; rename the column`,
        fileName,
        undefined,
        input,
      );
    }
  }
}

interface TextRules {
  allowBlank: boolean;
  /** objects and arrays become JSON text */
  json: boolean;
  /** add a pointer to the JSON answer option when an object is found */
  answer: boolean;
}

function textOf(row: DatasetRow, field: string, fileName: string, opts: TextRules): string {
  const v = row.values[field];
  if (v === undefined || v === null || (!opts.allowBlank && typeof v === 'string' && v.trim() === '')) {
    const fields = Object.keys(row.values);
    const known = fields.map(showInvisible).join(', ') || 'none';
    throw new DatasetError(
      `the row has no value for this mapped field${v === null ? ' (it is null)' : ''} (its fields: ${known})` +
        (v === undefined ? nearMissNote(field, fields) : ''),
      fileName,
      row.line,
      field,
    );
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && opts.json) return JSON.stringify(v);
  const excerpt = JSON.stringify(v) ?? String(v);
  throw new DatasetError(
    `expected text (a string, number or boolean) but found ${describeValue(v)}: ` +
      (excerpt.length > 60 ? `${excerpt.slice(0, 60)}…` : excerpt) +
      (opts.answer ? '; if the expected answers are JSON objects, use the JSON field metric' : ''),
    fileName,
    row.line,
    field,
  );
}

/** Rows → Examples `{ id, ...inputs, answer }`; ids from the id field or `row-<n>` (1-based). */
export function applyMapping(
  rows: DatasetRow[],
  mapping: FieldMapping,
  fileName: string,
  options: ApplyMappingOptions = {},
): Example[] {
  checkMapping(mapping, fileName);
  const firstLineOfId = new Map<string, number>();
  return rows.map((row, index) => {
    const id = mapping.id
      ? textOf(row, mapping.id, fileName, { allowBlank: false, json: false, answer: false })
      : `row-${index + 1}`;
    const seenOn = firstLineOfId.get(id);
    if (seenOn !== undefined) {
      throw new DatasetError(
        `duplicate id "${id}": first on line ${seenOn}, again on line ${row.line}; ids must be unique`,
        fileName,
        row.line,
        mapping.id,
      );
    }
    firstLineOfId.set(id, row.line);
    const example: Example = { id };
    // inputs may legitimately be empty (an optional context); an empty answer or id is a data error
    for (const field of mapping.inputs)
      example[field] = textOf(row, field, fileName, { allowBlank: true, json: false, answer: false });
    example[ANSWER_FIELD] = textOf(row, mapping.answer, fileName, {
      allowBlank: false,
      json: !!options.jsonAnswer,
      answer: true,
    });
    return example;
  });
}
