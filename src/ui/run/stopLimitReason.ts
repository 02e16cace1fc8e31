// Which of the run's own stop limits (options.stop) ended it: the run driver finishes such a run with the
// message "Stopped: <reason>" (e.g. "Stopped: time limit of 15 s reached"), which the header shows on a line of
// its own instead of cutting it short beside the title.
import type { RunStatus } from '../../run/runEvent.ts';

/** the driver's prefix for a run its config's limits ended (src/run/runDriver.ts) */
const PREFIX = 'Stopped: ';

/** The reason a stop limit ended the run ("time limit of 15 s reached"), or null when none did. */
export function stopLimitReason(status: RunStatus, message: string): string | null {
  return status === 'finished' && message.startsWith(PREFIX) ? message.slice(PREFIX.length) : null;
}
