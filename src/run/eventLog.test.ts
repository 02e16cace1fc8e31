import { describe, expect, it } from 'vitest';
import { lastOfType, replayableEvents } from './eventLog.ts';
import type { RunEvent } from './runEvent.ts';

const log = (message: string): RunEvent => ({ type: 'log', level: 'info', message });
const cp = (iteration: number): RunEvent => ({ type: 'checkpoint', iteration });
const messages = (events: RunEvent[]) =>
  events.map((e) => (e.type === 'log' ? e.message : e.type === 'checkpoint' ? `#${e.iteration}` : e.type));

describe('replayableEvents', () => {
  const interrupted = [log('seed'), cp(0), log('it1'), cp(1), log('it2 partial')];

  it('keeps a log without resume markers as it is', () =>
    expect(messages(replayableEvents(interrupted))).toEqual(['seed', '#0', 'it1', '#1', 'it2 partial']));

  it('cuts at the checkpoint a resume continues from', () =>
    expect(messages(replayableEvents(interrupted, 1))).toEqual(['seed', '#0', 'it1', '#1']));

  it('keeps nothing when there is no checkpoint to resume from', () =>
    expect(replayableEvents(interrupted, null)).toEqual([]));

  it('drops the interrupted iteration’s events at a resume marker, then goes on', () => {
    const resumed = [...interrupted, { type: 'resumed', fromIteration: 1 } as RunEvent, log('it2'), cp(2), log('done')];
    expect(messages(replayableEvents(resumed))).toEqual(['seed', '#0', 'it1', '#1', 'it2', '#2', 'done']);
  });

  it('a resume with no checkpoint starts the replay over', () => {
    const restarted = [log('starting'), { type: 'resumed', fromIteration: null } as RunEvent, log('again'), cp(0)];
    expect(messages(replayableEvents(restarted))).toEqual(['again', '#0']);
  });

  it('a checkpoint whose marker is missing falls back to the last earlier marker', () =>
    expect(messages(replayableEvents(interrupted, 5))).toEqual(['seed', '#0', 'it1', '#1']));

  it('finds the last event of a type', () => expect(lastOfType(interrupted, 'checkpoint')).toEqual(cp(1)));
});
