import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { pauseUntil } from './wire.ts';

const fakeResponse = () => new EventEmitter() as unknown as http.ServerResponse;

function blockFor(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('pauseUntil', () => {
  it('never ends before its deadline, even when the event loop has been busy since it last woke', async () => {
    for (let i = 0; i < 5; i++) {
      // the loop's cached clock now lags the real one by ~30 ms: a plain timer would fire that much early
      blockFor(30);
      const deadline = performance.now() + 20;
      await pauseUntil(deadline, fakeResponse());
      expect(performance.now()).toBeGreaterThanOrEqual(deadline);
    }
  });

  it('ends at once for a deadline already past', async () => {
    const res = fakeResponse();
    await pauseUntil(performance.now() - 1, res);
    expect(res.listenerCount('close')).toBe(0);
  });

  it('ends early when the client goes away, and leaves no listener behind', async () => {
    const res = fakeResponse();
    const deadline = performance.now() + 60_000;
    const waited = pauseUntil(deadline, res);
    res.emit('close');
    await waited;
    expect(performance.now()).toBeLessThan(deadline);
    expect(res.listenerCount('close')).toBe(0);
  });
});
