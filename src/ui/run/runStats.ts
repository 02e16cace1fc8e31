// What the run header derives from the run data: elapsed time, an ETA from the rate of metric calls,
// the best candidate, the recent problems in the log and the tone of the status badge. Pure, so the
// header stays a layout of numbers.
import type { CandidateView, LogEntry } from '../../store/runStore.ts';
import type { RunStatus } from '../../run/runEvent.ts';

const LIVE_STATUSES: readonly RunStatus[] = ['starting', 'running', 'pausing', 'paused', 'stopping'];

export function isLive(status: RunStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

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

/** The candidate marked best, else the highest val score (an imported run may lack the mark). */
export function bestCandidate(candidates: readonly (CandidateView | undefined)[]): CandidateView | null {
  let best: CandidateView | null = null;
  for (const c of candidates) {
    if (!c) continue;
    if (c.row.isBest) return c;
    if (!best || c.row.valsetScore > best.row.valsetScore) best = c;
  }
  return best;
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

export type Tone = 'good' | 'bad' | 'warn' | 'neutral';

export function statusTone(status: RunStatus): Tone {
  switch (status) {
    case 'running':
    case 'finished':
      return 'good';
    case 'error':
      return 'bad';
    case 'pausing':
    case 'paused':
    case 'stopping':
    case 'stopped':
      return 'warn';
    default:
      return 'neutral';
  }
}
