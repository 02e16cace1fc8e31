// What several views read off the run data: whether a run is live (its controls, the history's
// actions), which candidate is best (the header, the lineage, the candidates tab) and who is on the
// Pareto front. Pure.
import type { CandidateView } from '../../store/runStore.ts';
import type { RunStatus } from '../../run/runEvent.ts';

const LIVE_STATUSES: readonly RunStatus[] = ['starting', 'running', 'pausing', 'paused', 'stopping'];

export function isLive(status: RunStatus): boolean {
  return LIVE_STATUSES.includes(status);
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

/** Every candidate on the front of at least one val example. */
export function frontMembers(front: readonly (readonly number[])[]): Set<number> {
  const out = new Set<number>();
  for (const programs of front) for (const p of programs) out.add(p);
  return out;
}
