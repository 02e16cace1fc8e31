// pauseUntil: the test server's latency wait never ends before its deadline, and ends when the client leaves.
import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pauseUntil } from './wire.ts';

const response = () => new EventEmitter() as unknown as http.ServerResponse;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('pauseUntil', () => {
  it('waits for a timer that fired before the deadline to be re-armed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // the clock reads 0 when the wait starts, then lags the timer: 99.5 when it fires, 100.2 after the re-arm
    const now = vi.spyOn(performance, 'now').mockReturnValueOnce(0).mockReturnValueOnce(99.5).mockReturnValue(100.2);
    let done = false;
    void pauseUntil(100, response()).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(now).toHaveBeenCalledTimes(3);
  });

  it('resolves at once for a deadline already past', async () => {
    await expect(pauseUntil(performance.now() - 1, response())).resolves.toBeUndefined();
  });

  it('resolves early when the client goes away', async () => {
    const res = response();
    const wait = pauseUntil(performance.now() + 600_000, res);
    (res as unknown as EventEmitter).emit('close');
    await expect(wait).resolves.toBeUndefined();
  });
});
