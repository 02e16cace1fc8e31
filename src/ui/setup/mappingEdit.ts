// Edits to the field mapping that keep it coherent: a field is never both an input and the answer (the
// model would see the answer), and inputs keep the file's column order so templates read naturally.
import type { FieldMapping } from '../../tasks/types.ts';

export function toggleInput(
  mapping: FieldMapping,
  columns: readonly string[],
  field: string,
  on: boolean,
): Partial<FieldMapping> {
  const chosen = new Set(mapping.inputs);
  if (on) chosen.add(field);
  else chosen.delete(field);
  return { inputs: columns.filter((c) => chosen.has(c)), ...(on && mapping.answer === field ? { answer: '' } : {}) };
}

export function chooseAnswer(mapping: FieldMapping, field: string): Partial<FieldMapping> {
  return { answer: field, inputs: mapping.inputs.filter((f) => f !== field) };
}

/** An empty choice means "no id field": examples get row numbers. */
export function chooseId(field: string): Partial<FieldMapping> {
  return { id: field || undefined };
}
