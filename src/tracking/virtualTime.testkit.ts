// Virtual time for the delivery queue's tests: sleeps resolve in time order only when the test lets time
// run, so backoffs, flush delays and the finish deadline are exercised without waiting and without timing
// flakes. (Test support only: nothing in the app imports it.)
import type { QueueDeps } from './deliveryQueue.ts';

export interface VirtualTime extends QueueDeps {
  /** runs timers in order until the promise settles; throws when nothing is left to run first */
  run<T>(until: Promise<T>): Promise<T>;
  /** runs timers in order until none is left */
  idle(): Promise<void>;
  readonly sleeps: number[];
}

export function virtualTime(): VirtualTime {
  let now = 0;
  let seq = 0;
  const timers: { at: number; seq: number; resolve: () => void }[] = [];
  const sleeps: number[] = [];
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  };
  return {
    clock: () => now,
    random: () => 0.5,
    sleeps,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        const timer = { at: now + Math.max(0, ms), seq: seq++, resolve };
        timers.push(timer);
        signal?.addEventListener('abort', () => {
          const at = timers.indexOf(timer);
          if (at >= 0) timers.splice(at, 1);
          resolve();
        });
      }),
    async idle(): Promise<void> {
      for (;;) {
        await settle();
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) return;
        now = next.at;
        next.resolve();
      }
    },
    async run<T>(until: Promise<T>): Promise<T> {
      let done = false;
      until.then(
        () => (done = true),
        () => (done = true),
      );
      for (;;) {
        await settle();
        if (done) return until;
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) throw new Error('virtual time: the promise waits on nothing scheduled');
        now = next.at;
        next.resolve();
      }
    },
  };
}
