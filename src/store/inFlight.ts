// The proposals in flight the run header shows, from a batch of run events: the latest 'inFlight' count
// while the run is running; any other status (paused, stopping, ended) means nothing is in flight.
import type { RunEvent } from '../run/runEvent.ts';

export interface InFlight {
  iteration: number;
  /** the round's proposals started so far */
  started: number;
  /** of those, still reflecting */
  inFlight: number;
}

/** The count after `events` (the same value when they change nothing). */
export function foldInFlight(current: InFlight | null, events: readonly RunEvent[]): InFlight | null {
  let next = current;
  for (const e of events) {
    if (e.type === 'inFlight')
      next = e.inFlight > 0 ? { iteration: e.iteration, started: e.started, inFlight: e.inFlight } : null;
    else if (e.type === 'status' && e.status !== 'running') next = null;
  }
  return next;
}
