import { describe, expect, it } from 'vitest';
import { etaWithTimeLimit, stopLimitReason } from './stopLimitReason.ts';

describe('stopLimitReason', () => {
  it('reads the limit that ended a finished run', () =>
    expect(stopLimitReason('finished', 'Stopped: time limit of 15 s reached')).toBe('time limit of 15 s reached'));
  it('is null for a run its budget ended, a stopped run and a running one', () => {
    expect(stopLimitReason('finished', 'budget: the next iteration may need 20 metric calls and 3 remain')).toBeNull();
    expect(stopLimitReason('stopped', 'stopped by the user after iteration 3')).toBeNull();
    expect(stopLimitReason('running', '')).toBeNull();
  });
});

describe('etaWithTimeLimit', () => {
  it("caps the budget's ETA at the time left", () => {
    expect(etaWithTimeLimit(3_600_000, { timeLimitMinutes: 0.25 }, 5_000)).toBe(10_000);
    expect(etaWithTimeLimit(2_000, { timeLimitMinutes: 0.25 }, 5_000)).toBe(2_000);
    expect(etaWithTimeLimit(null, { timeLimitMinutes: 1 }, 20_000)).toBe(40_000);
    expect(etaWithTimeLimit(9_000, { timeLimitMinutes: 0.1 }, 20_000)).toBe(0);
  });
  it('leaves it alone without a time limit, or when the limit needs the others too (all)', () => {
    expect(etaWithTimeLimit(3_600_000, undefined, 5_000)).toBe(3_600_000);
    expect(etaWithTimeLimit(3_600_000, { maxProposals: 3 }, 5_000)).toBe(3_600_000);
    expect(etaWithTimeLimit(3_600_000, { combine: 'all', timeLimitMinutes: 1, maxProposals: 3 }, 5_000)).toBe(
      3_600_000,
    );
  });
});
