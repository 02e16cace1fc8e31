// Seeded train/val split: the same examples and seed always give the same split, and with two or more
// examples neither side is empty (GEPA needs a minibatch to learn from and a set to select on).
import { Rng } from '../../engine/rng.ts';

export interface SplitOptions {
  /** share of examples for validation, in [0, 1] */
  valFraction: number;
  seed: number;
  /** cap on the validation set (most of a run's budget goes to validation evaluations) */
  maxVal?: number;
}

export interface Split<T> {
  train: T[];
  val: T[];
}

export function splitDataset<T>(examples: readonly T[], options: SplitOptions): Split<T> {
  const { valFraction, seed, maxVal } = options;
  if (!(valFraction >= 0 && valFraction <= 1))
    throw new RangeError(`valFraction must be in [0, 1], got ${valFraction}`);
  if (maxVal !== undefined && !(maxVal >= 1)) throw new RangeError(`maxVal must be at least 1, got ${maxVal}`);
  const n = examples.length;
  // one example cannot be split: like the reference gepa with no valset, it serves as both
  if (n < 2) return { train: [...examples], val: [...examples] };
  let valSize = Math.min(n - 1, Math.max(1, Math.round(n * valFraction)));
  if (maxVal !== undefined) valSize = Math.max(1, Math.min(valSize, Math.floor(maxVal)));
  const order = new Rng(seed).shuffle(examples.map((_, i) => i));
  // each side keeps file order, which reads better in tables than shuffled order
  const valIdx = order.slice(0, valSize).sort((a, b) => a - b);
  const trainIdx = order.slice(valSize).sort((a, b) => a - b);
  return { train: trainIdx.map((i) => examples[i] as T), val: valIdx.map((i) => examples[i] as T) };
}
