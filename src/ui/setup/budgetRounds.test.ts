import { describe, expect, it } from 'vitest';
import { proposalRange } from './budgetExplain.ts';
import { roundRange } from './budgetRounds.ts';
import { maxSelected } from '../../engine/index.ts';

describe('rounds a budget buys', () => {
  it('one proposal per round counts as the proposal range does', () => {
    for (const remaining of [0, 20, 21, 50, 285, 1000]) {
      const r = roundRange(remaining, 3, 15, { proposals: 1, kept: 1 });
      const p = proposalRange(remaining, 3, 15);
      expect([r.minProposals, r.maxProposals]).toEqual([p.min, p.max]);
      expect([r.minRounds, r.maxRounds]).toEqual([p.min, p.max]);
    }
  });

  it('several proposals per round: fewer rounds, the last ones smaller when a whole round does not fit', () => {
    // a round of 4 costs 4·6 = 24 on minibatches, then up to 4·15 = 60 on the valset: 84 at worst
    const r = roundRange(285, 3, 15, { proposals: 4, kept: 4 });
    // 3 whole rounds (252), then 33 left: a round of 1 (21)
    expect([r.minRounds, r.minProposals]).toEqual([4, 13]);
    // rejected rounds spend 24 each while 84 remain: 9 rounds (216, 69 left), then rounds of 3 (63), …
    expect(r.maxRounds).toBeGreaterThan(9);
    expect(r.maxProposals).toBeLessThanOrEqual(proposalRange(285, 3, 15).max);
  });

  it('keeping only the best makes a round cheaper to afford, so more proposals are guaranteed', () => {
    const all = roundRange(285, 3, 15, { proposals: 4, kept: 4 });
    const best = roundRange(285, 3, 15, { proposals: 4, kept: maxSelected('best', 4) });
    expect(best.minProposals).toBeGreaterThan(all.minProposals);
  });
});
