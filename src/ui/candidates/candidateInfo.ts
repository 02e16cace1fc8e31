// Facts about candidates that the candidates tab needs and the run data holds only implicitly: on how
// many examples each is on the Pareto front, a candidate's children, what to diff it against by default,
// the order of the list and the text "copy prompt" puts on the clipboard.
import type { CandidateView } from '../../store/runStore.ts';

/** On how many val examples each candidate is on the front. */
export function frontCounts(front: readonly (readonly number[])[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const programs of front) for (const p of programs) out.set(p, (out.get(p) ?? 0) + 1);
  return out;
}

/** Indices of the candidates that name `idx` as a parent, in index order. */
export function childrenOf(candidates: readonly (CandidateView | undefined)[], idx: number): number[] {
  const out: number[] = [];
  for (const c of candidates) if (c && c.row.parentIds.includes(idx)) out.push(c.row.candidateIdx);
  return out;
}

/**
 * The candidate to diff against: the user's choice when it exists and is not the candidate itself,
 * else the first parent; null for the seed with no choice.
 */
export function compareTarget(
  candidates: readonly (CandidateView | undefined)[],
  idx: number,
  chosen: number | null,
): number | null {
  if (chosen !== null && chosen !== idx && candidates[chosen]) return chosen;
  return candidates[idx]?.row.parentIds[0] ?? null;
}

/** The component texts as one clipboard text: bare for one component, headed by name for several. */
export function promptText(texts: Record<string, string>): string {
  const entries = Object.entries(texts);
  if (entries.length === 1) return entries[0]![1];
  return entries.map(([name, text]) => `## ${name}\n${text}`).join('\n\n');
}

export type CandidateSort = 'index' | 'score';

/** Candidate indices in index order, or by val score (best first, ties by index). */
export function candidateOrder(candidates: readonly (CandidateView | undefined)[], by: CandidateSort): number[] {
  const present = candidates.filter((c): c is CandidateView => c !== undefined);
  if (by === 'score')
    present.sort((a, b) => b.row.valsetScore - a.row.valsetScore || a.row.candidateIdx - b.row.candidateIdx);
  return present.map((c) => c.row.candidateIdx);
}
