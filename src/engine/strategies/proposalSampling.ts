// How many proposals a round makes, and from which parents: the reference's sampling strategies. Every
// parent and minibatch of a round is drawn here, in order and before anything is awaited, so the round's
// random draws never depend on which LM call returns first.
import type { Rng } from '../rng.ts';
import type { GepaState } from '../state.ts';
import type { CandidateSelector } from './candidateSelectors.ts';
import { nextMinibatch } from './batchSampler.ts';
import { GepaConfigError } from '../types.ts';

/**
 * 'single': one parent, one proposal (the reference's default). `same_parent`: n proposals from one
 * parent on n minibatches. `independent`: n parents, each with its own minibatch. `pxn`: p parents × n
 * proposals each.
 */
export type SamplingStrategy =
  | 'single'
  | { kind: 'same_parent'; n: number }
  | { kind: 'independent'; n: number }
  | { kind: 'pxn'; p: number; n: number };

export interface ProposalTask {
  parentIdx: number;
  minibatchIds: number[];
}

/** Proposals per round. */
export function tasksPerRound(s: SamplingStrategy): number {
  if (s === 'single') return 1;
  return s.kind === 'pxn' ? s.p * s.n : s.n;
}

export function validateSamplingStrategy(s: unknown): SamplingStrategy {
  if (s === undefined || s === 'single') return 'single';
  const bad = (why: string) =>
    new GepaConfigError(
      'samplingStrategy',
      `${why}; use 'single', { kind: 'same_parent' | 'independent', n } or { kind: 'pxn', p, n }`,
    );
  if (typeof s !== 'object' || s === null) throw bad(`${JSON.stringify(s)} is not a sampling strategy`);
  const o = s as Record<string, unknown>;
  const count = (k: string) => {
    const v = o[k];
    if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 64)
      throw bad(`${k} must be a whole number from 1 to 64, got ${JSON.stringify(v)}`);
    return v as number;
  };
  if (o.kind === 'same_parent' || o.kind === 'independent') return { kind: o.kind, n: count('n') };
  if (o.kind === 'pxn') return { kind: 'pxn', p: count('p'), n: count('n') };
  throw bad(`unknown kind ${JSON.stringify(o.kind)}`);
}

/** A strategy asking for at most `limit` proposals (the budget's share of this round), never fewer than one. */
export function capped(s: SamplingStrategy, limit: number): SamplingStrategy {
  const want = tasksPerRound(s);
  if (s === 'single' || want <= limit) return s;
  const n = Math.max(1, limit);
  if (s.kind !== 'pxn') return { kind: s.kind, n };
  // keep n proposals per parent while fewer parents fit, then fewer proposals from one parent
  return n >= s.n ? { kind: 'pxn', p: Math.floor(n / s.n), n: s.n } : { kind: 'pxn', p: 1, n };
}

/** Draws the round's parents and minibatches; mutates the sampler state and the RNG. */
export function sampleTasks(
  s: SamplingStrategy,
  state: GepaState,
  selector: CandidateSelector,
  rng: Rng,
  trainsetSize: number,
  minibatchSize: number,
): ProposalTask[] {
  const minibatch = () => nextMinibatch(state.sampler, trainsetSize, minibatchSize, rng);
  const parents = s === 'single' ? 1 : s.kind === 'independent' ? s.n : s.kind === 'pxn' ? s.p : 1;
  const perParent = s === 'single' || s.kind === 'independent' ? 1 : s.n;
  const tasks: ProposalTask[] = [];
  for (let p = 0; p < parents; p++) {
    const parentIdx = selector.select(state, rng);
    for (let k = 0; k < perParent; k++) tasks.push({ parentIdx, minibatchIds: minibatch() });
  }
  return tasks;
}
