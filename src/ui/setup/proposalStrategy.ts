// The setup form's view of the sampling and selection strategies: a kind to pick from a list and the
// numbers that go with it. Switching kind keeps the numbers already typed, so trying "different parents"
// after "same parent" does not lose n. Pure.
import type { SamplingStrategy, SelectionStrategy } from '../../engine/index.ts';

export type SamplingKind = 'single' | 'same_parent' | 'independent' | 'pxn';
export type SelectionKind = 'all' | 'best' | 'top_k';

/** Whole numbers the engine accepts for n and p. */
export const MAX_PER_ROUND = 64;

const DEFAULT_N = 4;
/** p × n starts at 2 × 2, the same four proposals a round as the other kinds */
const DEFAULT_PXN = { p: 2, n: 2 };
const DEFAULT_K = 2;

export function samplingKind(s: SamplingStrategy): SamplingKind {
  return s === 'single' ? 'single' : s.kind;
}

export function selectionKind(s: SelectionStrategy): SelectionKind {
  return typeof s === 'string' ? s : 'top_k';
}

export function withSamplingKind(s: SamplingStrategy, kind: SamplingKind): SamplingStrategy {
  if (kind === 'single') return 'single';
  if (kind !== 'pxn') return { kind, n: s === 'single' ? DEFAULT_N : s.n };
  if (s === 'single') return { kind, ...DEFAULT_PXN };
  return { kind, p: s.kind === 'pxn' ? s.p : DEFAULT_PXN.p, n: s.n };
}

export function withSelectionKind(s: SelectionStrategy, kind: SelectionKind): SelectionStrategy {
  if (kind !== 'top_k') return kind;
  return typeof s === 'string' ? { kind, k: DEFAULT_K } : s;
}
