// Epoch-shuffled minibatches, as the reference samples them: each epoch shuffles all train ids, pads
// to a multiple of the minibatch size with the least-used ids, and walks the list in order. A grown
// trainset (items added mid-run) starts a fresh shuffle. Unlike the reference, the position is a
// cursor into the current shuffle rather than derived from the iteration number, so after the
// trainset grows every pass is still a new shuffle walked from its start.
import type { Rng } from '../rng.ts';

export interface SamplerState {
  epoch: number;
  /** position of the next minibatch in shuffledIds */
  cursor: number;
  shuffledIds: number[];
  idFreqs: number[];
  lastTrainsetSize: number;
}

export function emptySamplerState(): SamplerState {
  return { epoch: -1, cursor: 0, shuffledIds: [], idFreqs: [], lastTrainsetSize: 0 };
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

/** Ids of the next minibatch. Mutates the sampler state. */
export function nextMinibatch(s: SamplerState, trainsetSize: number, minibatchSize: number, rng: Rng): number[] {
  if (trainsetSize <= 0) throw new Error('cannot sample a minibatch from an empty trainset');
  if (
    s.shuffledIds.length === 0 ||
    trainsetSize !== s.lastTrainsetSize ||
    s.cursor + minibatchSize > s.shuffledIds.length
  ) {
    s.epoch++;
    s.cursor = 0;
    reshuffle(s, trainsetSize, minibatchSize, rng);
  }
  // padding makes the list a whole number of minibatches, so this slice is always full
  const out = s.shuffledIds.slice(s.cursor, s.cursor + minibatchSize);
  s.cursor += minibatchSize;
  return out;
}
