// Which candidate to mutate next. Each selector reads the state and draws only from the shared Rng.
import type { GepaState } from '../state.ts';
import type { CandidateSelectionStrategy, FrontierType } from '../types.ts';
import type { Rng } from '../rng.ts';
import { frontierLists } from '../paretoFront.ts';
import { nonDominatedFrequencies } from '../dominance.ts';

export interface CandidateSelector {
  select(state: Readonly<GepaState>, rng: Rng): number;
}

export function argmax(scores: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if ((scores[i] as number) > (scores[best] as number)) best = i;
  return best;
}

/** Sample proportionally to the number of fronts each non-dominated program is on. */
function sampleFromFronts(lists: number[][], scores: readonly number[], rng: Rng): number {
  return drawByFrequency(nonDominatedFrequencies(lists, scores), scores, rng);
}

function drawByFrequency(freqs: [number, number][], scores: readonly number[], rng: Rng): number {
  if (freqs.length === 0) return argmax(scores);
  const total = freqs.reduce((s, [, f]) => s + f, 0);
  let r = rng.int(total);
  for (const [prog, f] of freqs) {
    if (r < f) return prog;
    r -= f;
  }
  return (freqs[freqs.length - 1] as [number, number])[0];
}

/**
 * Fronts only change when a candidate is added, so the dominance filtering is cached per
 * (fronts object, candidate count) and each iteration pays only for the draw.
 */
export function paretoSelector(frontierType: FrontierType): CandidateSelector {
  let cacheKey: { fronts: object; n: number } | null = null;
  let freqs: [number, number][] = [];
  return {
    select: (state, rng) => {
      if (!cacheKey || cacheKey.fronts !== state.fronts || cacheKey.n !== state.candidates.length) {
        freqs = nonDominatedFrequencies(frontierLists(state.fronts, frontierType), state.valAggregate);
        cacheKey = { fronts: state.fronts, n: state.candidates.length };
      }
      return drawByFrequency(freqs, state.valAggregate, rng);
    },
  };
}

export const currentBestSelector: CandidateSelector = { select: (state) => argmax(state.valAggregate) };

export function epsilonGreedySelector(epsilon: number): CandidateSelector {
  return {
    select: (state, rng) => (rng.next() < epsilon ? rng.int(state.candidates.length) : argmax(state.valAggregate)),
  };
}

/** Pareto sampling restricted to the k best programs by valset average. */
export function topKParetoSelector(k: number, frontierType: FrontierType): CandidateSelector {
  return {
    select: (state, rng) => {
      const ranked = state.valAggregate.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      const keep = new Set(ranked.slice(0, Math.max(1, k)).map(([, i]) => i));
      const lists: number[][] = [];
      for (const progs of frontierLists(state.fronts, frontierType)) {
        const kept = progs.filter((p) => keep.has(p));
        if (kept.length > 0) lists.push(kept);
      }
      return lists.length > 0 ? sampleFromFronts(lists, state.valAggregate, rng) : argmax(state.valAggregate);
    },
  };
}

export function makeCandidateSelector(
  strategy: CandidateSelectionStrategy,
  frontierType: FrontierType,
  opts: { epsilon: number; topK: number },
): CandidateSelector {
  switch (strategy) {
    case 'pareto':
      return paretoSelector(frontierType);
    case 'current_best':
      return currentBestSelector;
    case 'epsilon_greedy':
      return epsilonGreedySelector(opts.epsilon);
    case 'top_k_pareto':
      return topKParetoSelector(opts.topK, frontierType);
  }
}
