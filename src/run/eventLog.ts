// Reading a run's stored event log back. The log is append-only, so an iteration that was interrupted
// (the tab closed mid-iteration) leaves events behind that the resumed run emits again: the markers
// (see RunEvent 'checkpoint' and 'resumed' in runEvent.ts) say which stored events a replay keeps.
// Pure: the store folds the result into the views, the worker sends it to the tab that resumes.
import type { RunEvent } from './runEvent.ts';

/** Where `out` ends right after the last marker of a checkpoint at or before `iteration` (0 when none). */
function cutAfterCheckpoint(out: RunEvent[], iteration: number): number {
  for (let i = out.length - 1; i >= 0; i--) {
    const e = out[i] as RunEvent;
    if (e.type === 'checkpoint' && e.iteration <= iteration) return i + 1;
  }
  return 0;
}

/**
 * The events that describe the run: each 'resumed' marker drops the stored events after the checkpoint
 * it resumed from (and is dropped itself). With `upTo` the replay ends at that checkpoint's marker — the
 * views of a run about to resume from it; `null` means there is no checkpoint, so nothing is kept.
 */
export function replayableEvents(log: readonly RunEvent[], upTo?: number | null): RunEvent[] {
  const out: RunEvent[] = [];
  for (const e of log) {
    if (e.type === 'resumed') out.length = e.fromIteration === null ? 0 : cutAfterCheckpoint(out, e.fromIteration);
    else out.push(e);
  }
  if (upTo === null) return [];
  if (upTo !== undefined) out.length = cutAfterCheckpoint(out, upTo);
  return out;
}

/** The last event of a type in the log (the usage already paid for, the score line to continue). */
export function lastOfType<T extends RunEvent['type']>(
  log: readonly RunEvent[],
  type: T,
): Extract<RunEvent, { type: T }> | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i] as RunEvent;
    if (e.type === type) return e as Extract<RunEvent, { type: T }>;
  }
  return undefined;
}
