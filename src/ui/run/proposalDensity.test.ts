import { describe, expect, it } from 'vitest';
import { binProposals, binWidth, describeBin, isDense } from './proposalDensity.ts';
import type { ProposalTick } from './scoreChartData.ts';

const tick = (id: number, x: number, accepted: boolean, before = 0.25, after = 0.5): ProposalTick => ({
  id,
  x,
  before,
  after,
  accepted,
  iteration: id,
  candidateIdx: accepted ? id : -1,
});

describe('proposalDensity', () => {
  it('draws ticks one by one until there is less than 4 px of plot per tick', () => {
    expect(isDense(250, 1000)).toBe(false);
    expect(isDense(251, 1000)).toBe(true);
  });

  it('picks a round bin width that gives at most the bins asked for', () => {
    expect(binWidth(75_000, 193)).toBe(500);
    expect(binWidth(1000, 100)).toBe(10);
    expect(binWidth(700, 100)).toBe(10);
    expect(binWidth(1200, 100)).toBe(20);
    expect(binWidth(2400, 100)).toBe(25);
    expect(binWidth(5, 100)).toBe(1);
  });

  it('counts accepted and rejected proposals per bin, in x order, leaving empty bins out', () => {
    const bins = binProposals(
      [tick(3, 120, false), tick(1, 105, true), tick(2, 110, false), tick(4, 305, false, 0.5, 0.25)],
      100,
    );
    expect(bins).toEqual([
      { x0: 100, x1: 200, accepted: 1, rejected: 2, firstId: 1, meanGain: 0.25 },
      { x0: 300, x1: 400, accepted: 0, rejected: 1, firstId: 4, meanGain: -0.25 },
    ]);
  });

  it('puts a proposal on a bin edge in the bin that starts there', () => {
    expect(binProposals([tick(1, 200, true)], 100).map((b) => b.x0)).toEqual([200]);
  });

  it('describes a hovered bin in words', () => {
    const [bin] = binProposals([tick(1, 12_100, true), tick(2, 12_200, false, 0.5, 0.25)], 500);
    expect(describeBin(bin!)).toEqual([
      '2 proposals at 12,000–12,500 metric calls',
      '1 accepted · 1 rejected',
      'mean minibatch change +0.000 · click to open the first',
    ]);
  });
});
