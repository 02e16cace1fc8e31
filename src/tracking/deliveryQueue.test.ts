import { describe, expect, it } from 'vitest';
import { DeliveryError, DeliveryQueue } from './deliveryQueue.ts';
import type { DeliveryBackend } from './deliveryQueue.ts';
import { virtualTime } from './virtualTime.testkit.ts';

const timing = { flushDelayMs: 100, initialBackoffMs: 500, maxBackoffMs: 4000, finishTimeoutMs: 10_000 };

/** A backend that takes up to `batch` items a send and fails the sends the script says. */
function scripted(batch: number, failures: (DeliveryError | null)[] = []) {
  const sent: number[][] = [];
  const backend: DeliveryBackend<number> = {
    send: async (items) => {
      const failure = failures.shift();
      if (failure) throw failure;
      const taken = items.slice(0, batch);
      sent.push([...taken]);
      return taken.length;
    },
  };
  return { backend, sent };
}

describe('DeliveryQueue', () => {
  it('returns from push at once and delivers everything in order, batched by the backend', async () => {
    const time = virtualTime();
    const { backend, sent } = scripted(2);
    const queue = new DeliveryQueue(backend, timing, time);
    queue.push(1, 2, 3);
    queue.push(4, 5);
    expect(sent).toEqual([]);
    const outcome = await time.run(queue.finish());
    expect(sent).toEqual([[1, 2], [3, 4], [5]]);
    expect(outcome).toEqual({ delivered: 3, undelivered: [], problems: [] });
  });

  it('waits the flush delay once so items batch, then sends a backlog without waiting again', async () => {
    const time = virtualTime();
    const { backend, sent } = scripted(2);
    const queue = new DeliveryQueue(backend, timing, time);
    queue.push(1, 2, 3);
    await time.idle();
    expect(sent).toEqual([[1, 2], [3]]);
    expect(time.sleeps).toEqual([100]);
  });

  it('retries a transient failure with exponential backoff and reports the problem once, then recovery', async () => {
    const time = virtualTime();
    const down = new DeliveryError('server down', 'retry');
    const { backend, sent } = scripted(10, [down, down, down]);
    const problems: string[] = [];
    const queue = new DeliveryQueue(backend, timing, time, (m) => problems.push(m));
    queue.push(1, 2);
    await time.idle();
    expect(sent).toEqual([[1, 2]]);
    expect(time.sleeps).toEqual([100, 500, 1000, 2000]);
    expect(problems).toEqual(['server down', 'delivering again']);
    expect((await time.run(queue.finish())).undelivered).toEqual([]);
  });

  it("waits the server's Retry-After instead of its own backoff", async () => {
    const time = virtualTime();
    const { backend, sent } = scripted(10, [new DeliveryError('slow down', 'retry', 7000)]);
    const queue = new DeliveryQueue(backend, { ...timing, flushDelayMs: 0 }, time);
    queue.push(1);
    await time.run(queue.finish());
    expect(time.sleeps).toContain(7000);
    expect(sent).toEqual([[1]]);
  });

  it('sets aside the items a rejected request held and goes on with the rest', async () => {
    const time = virtualTime();
    const { backend, sent } = scripted(1, [new DeliveryError('HTTP 400: bad key', 'item', undefined, 2)]);
    const queue = new DeliveryQueue(backend, timing, time);
    queue.push(1, 2, 3);
    const outcome = await time.run(queue.finish());
    expect(sent).toEqual([[3]]);
    expect(outcome.undelivered).toEqual([
      { item: 1, error: 'HTTP 400: bad key' },
      { item: 2, error: 'HTTP 400: bad key' },
    ]);
  });

  it('gives up at once on a fatal failure and keeps everything, later pushes included', async () => {
    const time = virtualTime();
    const { backend } = scripted(10, [new DeliveryError('HTTP 401: bad token', 'fatal')]);
    const queue = new DeliveryQueue(backend, timing, time);
    queue.push(1, 2);
    await time.idle();
    queue.push(3);
    const outcome = await time.run(queue.finish());
    expect(outcome.undelivered.map((u) => u.item)).toEqual([1, 2, 3]);
    expect(outcome.undelivered.every((u) => u.error === 'HTTP 401: bad token')).toBe(true);
  });

  it('waits at most finishTimeoutMs at the end; what is left is undelivered with the last error', async () => {
    const time = virtualTime();
    const backend: DeliveryBackend<number> = {
      send: async () => {
        throw new DeliveryError('cannot reach the server', 'retry');
      },
    };
    const queue = new DeliveryQueue(backend, timing, time);
    queue.push(1, 2);
    const outcome = await time.run(queue.finish());
    expect(time.clock()).toBeLessThanOrEqual(10_000);
    expect(outcome.undelivered.map((u) => u.item)).toEqual([1, 2]);
    expect(outcome.undelivered[0]?.error).toMatch(/within the 10 s .*last error: cannot reach the server/);
  });

  it('aborts a request that hangs past the finish deadline', async () => {
    const time = virtualTime();
    let aborted = false;
    const backend: DeliveryBackend<number> = {
      send: (_items, signal) =>
        new Promise<number>((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          }),
        ),
    };
    const queue = new DeliveryQueue(backend, timing, time);
    queue.push(1);
    const outcome = await time.run(queue.finish());
    expect(aborted).toBe(true);
    expect(outcome.undelivered.map((u) => u.item)).toEqual([1]);
  });
});
