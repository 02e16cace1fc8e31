import { describe, expect, it } from 'vitest';
import type { CallbackEvents } from '../engine/index.ts';
import type { RunEvent } from './runEvent.ts';
import { translateRunEvents } from './translateRunEvents.ts';

// only the fields the translation reads
const start = (iteration: number) => ({ iteration }) as CallbackEvents['onProposalStart'];
const end = (iteration: number) => ({ iteration }) as CallbackEvents['onProposalEnd'];
const iterationEnd = (iteration: number) => ({ iteration }) as CallbackEvents['onIterationEnd'];

function translation() {
  const events: RunEvent[] = [];
  const t = translateRunEvents({ cap: 100, emit: (e) => events.push(e), log: () => {} });
  const inFlight = () => events.filter((e) => e.type === 'inFlight').map((e) => [e.started, e.inFlight]);
  return { cb: t.callbacks, inFlight, events };
}

describe('proposals in flight', () => {
  it('counts a round of several: all start, then each proposal ends', () => {
    const { cb, inFlight, events } = translation();
    for (let i = 0; i < 3; i++) cb.onProposalStart?.(start(7));
    for (let i = 0; i < 3; i++) cb.onProposalEnd?.(end(7));
    cb.onIterationEnd?.(iterationEnd(7));
    expect(inFlight()).toEqual([
      [2, 2],
      [3, 3],
      [3, 2],
      [3, 1],
      [3, 0],
    ]);
    expect(events.every((e) => e.type !== 'inFlight' || e.iteration === 7)).toBe(true);
  });

  it('says nothing for a round of one proposal, so single-proposal runs report as before', () => {
    const { cb, events } = translation();
    for (const i of [1, 2, 3]) {
      cb.onProposalStart?.(start(i));
      cb.onProposalEnd?.(end(i));
      cb.onIterationEnd?.(iterationEnd(i));
    }
    expect(events).toEqual([]);
  });

  it('starts each iteration from zero, and clears what an iteration left in flight', () => {
    const { cb, inFlight } = translation();
    cb.onProposalStart?.(start(1));
    cb.onProposalStart?.(start(1));
    cb.onProposalEnd?.(end(1));
    // the other proposal never ended (its reflection call failed): the iteration's end clears it
    cb.onIterationEnd?.(iterationEnd(1));
    cb.onProposalStart?.(start(2));
    cb.onProposalStart?.(start(2));
    expect(inFlight()).toEqual([
      [2, 2],
      [2, 1],
      [2, 0],
      [2, 2],
    ]);
  });
});
