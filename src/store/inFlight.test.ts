import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../run/runEvent.ts';
import { foldInFlight } from './inFlight.ts';
import { emptyRun, reduceEvents } from './runStore.ts';

const inFlight = (started: number, n: number, iteration = 4): RunEvent => ({
  type: 'inFlight',
  iteration,
  started,
  inFlight: n,
});

describe('foldInFlight', () => {
  it("keeps the batch's latest count, and nothing once none is in flight", () => {
    expect(foldInFlight(null, [inFlight(2, 2), inFlight(3, 3)])).toEqual({ iteration: 4, started: 3, inFlight: 3 });
    expect(foldInFlight({ iteration: 4, started: 3, inFlight: 1 }, [inFlight(3, 0)])).toBeNull();
  });

  it('nothing is in flight once the run is not running', () => {
    const now = { iteration: 4, started: 3, inFlight: 3 };
    expect(foldInFlight(now, [{ type: 'status', status: 'stopping' }])).toBeNull();
    expect(foldInFlight(now, [{ type: 'status', status: 'running' }])).toBe(now);
    expect(foldInFlight(now, [{ type: 'budget', used: 10, cap: 100, iteration: 4 }])).toBe(now);
  });
});

describe('the run store', () => {
  it('shows proposals in flight from events, but the folded run (the export) does not hold them', () => {
    const next = reduceEvents(emptyRun(), [{ type: 'status', status: 'running' }, inFlight(4, 3)]);
    expect(next.inFlight).toEqual({ iteration: 4, started: 4, inFlight: 3 });
    expect(next.status).toBe('running');
    const after = reduceEvents({ ...emptyRun(), ...next }, [inFlight(4, 0)]);
    expect(after.inFlight).toBeNull();
    expect(reduceEvents(emptyRun(), [{ type: 'budget', used: 1, cap: 2, iteration: 1 }])).not.toHaveProperty(
      'inFlight',
    );
  });
});
