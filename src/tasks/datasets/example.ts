// How a mapped example is laid out: `id`, the input fields under their own names (all text), and the
// expected answer under one fixed key, so metrics find it whatever the dataset called that column.
import type { Example } from '../types.ts';

export const ANSWER_FIELD = 'answer';
export const ID_FIELD = 'id';

/** The expected answer as text, or undefined when the example has none. */
export function expectedAnswer(example: Example): string | undefined {
  const v = example[ANSWER_FIELD];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The fields a program (and a judge) may see: everything but the id and the expected answer. */
export function exampleInputs(example: Example): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(example)) if (k !== ID_FIELD && k !== ANSWER_FIELD) inputs[k] = v;
  return inputs;
}
