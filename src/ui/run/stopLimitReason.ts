// What the run's own stop limits (options.stop) mean for the run header. Which one ended the run: the run driver
// finishes such a run with the message "Stopped: <reason>" (e.g. "Stopped: time limit of 15 s reached"), which
// the header shows on a line of its own instead of cutting it short beside the title. And the ETA, which a
// time limit caps.
import type { RunStatus } from '../../run/runEvent.ts';
import type { StopConfig } from '../../run/stopConfig.ts';

/** the driver's prefix for a run its config's limits ended (src/run/runDriver.ts) */
const PREFIX = 'Stopped: ';

/** The reason a stop limit ended the run ("time limit of 15 s reached"), or null when none did. */
export function stopLimitReason(status: RunStatus, message: string): string | null {
  return status === 'finished' && message.startsWith(PREFIX) ? message.slice(PREFIX.length) : null;
}

/**
 * The ETA with the run's time limit: a limit that ends the run on its own (combine 'any') caps the budget's ETA
 * at the time left (the limit is checked between iterations, so the end may come a little later).
 */
export function etaWithTimeLimit(
  eta: number | null,
  stop: StopConfig | undefined,
  elapsed: number | null,
): number | null {
  if (stop?.timeLimitMinutes === undefined || stop.combine === 'all' || elapsed === null) return eta;
  const left = Math.max(0, stop.timeLimitMinutes * 60_000 - elapsed);
  return eta === null ? left : Math.min(eta, left);
}
