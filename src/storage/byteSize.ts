// The space a record takes, approximately: the length of its JSON. IndexedDB stores structured
// clones, whose size follows the JSON closely for the plain data kept here; the history shows the sum
// per run. Computed once per record written, never by re-reading what is stored.
import type { RunRecord } from './types.ts';

export function approxBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/** A run record without its config (which holds the inline dataset: measured only when it changes). */
export function runFieldsBytes(r: RunRecord): number {
  return approxBytes({ ...r, config: null, bytes: 0 });
}

export function runRecordBytes(r: RunRecord): number {
  return approxBytes(r.config) + runFieldsBytes(r);
}
