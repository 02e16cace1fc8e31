// What a budget buys when a round makes several proposals. A round spends every proposal's minibatch
// evaluations (parent and child) before any is accepted, then a valset evaluation for each one it keeps,
// and it starts only while that worst case fits, with fewer proposals once a whole round does not: so
// at a small budget more proposals per round means fewer rounds. Pure.

import { reflectiveRoundCost } from '../../engine/index.ts';

export interface RoundShape {
  /** proposals a round makes */
  proposals: number;
  /** at most this many of them can be kept (each then costs a valset evaluation) */
  kept: number;
}

export interface RoundRange {
  /** every kept proposal accepted (the most expensive case): rounds and proposals guaranteed */
  minRounds: number;
  minProposals: number;
  /** every proposal rejected (the cheapest case) */
  maxRounds: number;
  maxProposals: number;
}

export function roundRange(remaining: number, minibatchSize: number, valSize: number, shape: RoundShape): RoundRange {
  const perProposal = reflectiveRoundCost(minibatchSize, 0, 1, 0);
  const worst = (c: number) => reflectiveRoundCost(minibatchSize, valSize, c, Math.min(shape.kept, c));
  // the largest round the engine can still start with `left` calls (0: none)
  const fit = (left: number) => {
    for (let c = shape.proposals; c > 0; c--) if (worst(c) <= left) return c;
    return 0;
  };
  const tail = (left: number, spend: (c: number) => number, rounds: number, proposals: number) => {
    for (let c = fit(left); c > 0 && spend(c) > 0; c = fit(left)) {
      left -= spend(c);
      rounds++;
      proposals += c;
    }
    return { rounds, proposals };
  };
  const full = worst(shape.proposals);
  const accepted = Math.floor(remaining / full);
  const low = tail(remaining - accepted * full, worst, accepted, accepted * shape.proposals);
  const spent = shape.proposals * perProposal;
  const rejected = remaining >= full && spent > 0 ? Math.floor((remaining - full) / spent) + 1 : 0;
  const high = tail(remaining - rejected * spent, (c) => c * perProposal, rejected, rejected * shape.proposals);
  return {
    minRounds: low.rounds,
    minProposals: low.proposals,
    maxRounds: Math.max(low.rounds, high.rounds),
    maxProposals: Math.max(low.proposals, high.proposals),
  };
}
