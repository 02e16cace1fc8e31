// What the run header derives from the run data: elapsed time, an ETA from the rate of metric calls,
// progress against the budget and the recent problems in the log. Pure, so the header stays a layout of
// numbers.
import type { LogEntry } from '../../store/runStore.ts';

export function elapsedMs(startedAt: number | null, endedAt: number | null, now: number): number | null {
  if (startedAt === null) return null;
  return Math.max(0, (endedAt ?? now) - startedAt);
}

/**
 * Time left at the average rate so far; null while there is nothing to extrapolate from (no cap, no
 * call yet) or nothing left to wait for.
 */
export function etaMs(used: number, cap: number | null, elapsed: number | null): number | null {
  if (cap === null || elapsed === null || used <= 0 || elapsed <= 0) return null;
  const left = Math.max(0, cap - used);
  return (left / used) * elapsed;
}

/** used / cap in [0, 1]; 0 without a cap. */
export function progressFraction(used: number, cap: number | null): number {
  if (cap === null || cap <= 0) return 0;
  return Math.min(1, Math.max(0, used / cap));
}

/** The last `n` warnings and errors, newest last. */
export function recentProblems(logs: readonly LogEntry[], n = 3): LogEntry[] {
  const out: LogEntry[] = [];
  for (let i = logs.length - 1; i >= 0 && out.length < n; i--) {
    const l = logs[i]!;
    if (l.level !== 'info') out.unshift(l);
  }
  return out;
}
