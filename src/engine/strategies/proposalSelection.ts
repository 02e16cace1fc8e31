// Which of a round's proposals enter the pool: the reference's selection strategies, applied after the
// acceptance criterion. A proposal is judged on its own minibatch (its sum after against its parent's
// sum before); ties between equally improving proposals go to the earlier one, so the choice depends
// only on the proposals, never on which finished first.
import { GepaConfigError } from '../types.ts';
import type { AcceptanceCriterion } from '../types.ts';

/** 'all' improving proposals (the reference's default), only the 'best' one, or the `top_k` by improvement. */
export type SelectionStrategy = 'all' | 'best' | { kind: 'top_k'; k: number };

export interface Judged {
  before: number;
  after: number;
}

export function validateSelectionStrategy(s: unknown): SelectionStrategy {
  if (s === undefined || s === 'all') return 'all';
  if (s === 'best') return 'best';
  const o = s as { kind?: unknown; k?: unknown } | null;
  if (o && typeof o === 'object' && o.kind === 'top_k' && Number.isInteger(o.k) && (o.k as number) >= 1)
    return { kind: 'top_k', k: o.k as number };
  throw new GepaConfigError(
    'selectionStrategy',
    `${JSON.stringify(s)} is not a selection strategy; use 'all', 'best' or { kind: 'top_k', k } with k ≥ 1`,
  );
}

export function passes(p: Judged, criterion: AcceptanceCriterion): boolean {
  return criterion === 'strict_improvement' ? p.after > p.before : p.after >= p.before;
}

/** How many proposals of a round can enter the pool at most (what the round must be able to pay for). */
export function maxSelected(s: SelectionStrategy, proposals: number): number {
  if (s === 'all') return proposals;
  if (s === 'best') return Math.min(1, proposals);
  return Math.min(s.k, proposals);
}

/** Indices of the proposals that enter the pool, in proposal order. */
export function selectProposals(
  proposals: readonly (Judged | null)[],
  s: SelectionStrategy,
  criterion: AcceptanceCriterion,
): number[] {
  const passing = proposals.flatMap((p, i) => (p && passes(p, criterion) ? [i] : []));
  if (s === 'all') return passing;
  const gain = (i: number) => (proposals[i] as Judged).after - (proposals[i] as Judged).before;
  const ranked = [...passing].sort((a, b) => gain(b) - gain(a) || a - b);
  return ranked.slice(0, maxSelected(s, ranked.length)).sort((a, b) => a - b);
}
