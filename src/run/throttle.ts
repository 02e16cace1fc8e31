// Calls a function at most once per interval on a monotonic clock: at once when the last call is older
// than the interval, else once at the interval's end, so the last update of a burst is never lost.
// Used for usage snapshots, which the LM meter reports on every call.

export interface Throttled {
  call(): void;
  /** drops a pending trailing call (the caller reports the final value itself) */
  cancel(): void;
}

export function throttle(fn: () => void, intervalMs: number, now: () => number = () => performance.now()): Throttled {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const run = () => {
    timer = null;
    last = now();
    fn();
  };
  return {
    call: () => {
      if (timer !== null) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
