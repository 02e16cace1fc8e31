import { describe, expect, it } from 'vitest';
import { stopLimitReason } from './stopLimitReason.ts';

describe('stopLimitReason', () => {
  it('reads the limit that ended a finished run', () =>
    expect(stopLimitReason('finished', 'Stopped: time limit of 15 s reached')).toBe('time limit of 15 s reached'));
  it('is null for a run its budget ended, a stopped run and a running one', () => {
    expect(stopLimitReason('finished', 'budget: the next iteration may need 20 metric calls and 3 remain')).toBeNull();
    expect(stopLimitReason('stopped', 'stopped by the user after iteration 3')).toBeNull();
    expect(stopLimitReason('running', '')).toBeNull();
  });
});
