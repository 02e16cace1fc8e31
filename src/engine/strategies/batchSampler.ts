// Epoch-shuffled minibatches, as the reference samples them: each epoch shuffles all train ids, pads
// to a multiple of the minibatch size with the least-used ids, and walks the list in order. A grown
// trainset (items added mid-run) starts a fresh shuffle.
import type { Rng } from '../rng.ts';

export interface SamplerState {
  epoch: number;
  shuffledIds: number[];
  idFreqs: number[];
  lastTrainsetSize: number;
}

export function emptySamplerState(): SamplerState {
  return { epoch: -1, shuffledIds: [], idFreqs: [], lastTrainsetSize: 0 };
}

function reshuffle(s: SamplerState, trainsetSize: number, minibatchSize: number, rng: Rng): void {
  while (s.idFreqs.length < trainsetSize) s.idFreqs.push(0);
  const ids = rng.shuffle(Array.from({ length: trainsetSize }, (_, i) => i));
  for (const id of ids) s.idFreqs[id] = (s.idFreqs[id] as number) + 1;
  const pad = (minibatchSize - (trainsetSize % minibatchSize)) % minibatchSize;
  for (let k = 0; k < pad; k++) {
    // least frequently used id; the lowest id wins ties so the choice is reproducible
    let pick = 0;
    for (let id = 1; id < trainsetSize; id++) if ((s.idFreqs[id] as number) < (s.idFreqs[pick] as number)) pick = id;
    ids.push(pick);
    s.idFreqs[pick] = (s.idFreqs[pick] as number) + 1;
  }
  s.shuffledIds = ids;
  s.lastTrainsetSize = trainsetSize;
}

/** Ids of the minibatch for `iteration` (0-based count of sampled batches). Mutates the sampler state. */
export function nextMinibatch(s: SamplerState, iteration: number, trainsetSize: number, minibatchSize: number, rng: Rng): number[] {
  if (trainsetSize <= 0) throw new Error('cannot sample a minibatch from an empty trainset');
  const base = iteration * minibatchSize;
  const epoch = s.epoch === -1 ? 0 : Math.floor(base / Math.max(s.shuffledIds.length, 1));
  if (s.shuffledIds.length === 0 || trainsetSize !== s.lastTrainsetSize || epoch > s.epoch) {
    s.epoch = epoch;
    reshuffle(s, trainsetSize, minibatchSize, rng);
  }
  const start = base % s.shuffledIds.length;
  const out = s.shuffledIds.slice(start, start + minibatchSize);
  // A minibatch larger than the trainset wraps around the shuffled list.
  for (let k = 0; out.length < minibatchSize; k++) out.push(s.shuffledIds[k % s.shuffledIds.length] as number);
  return out;
}
