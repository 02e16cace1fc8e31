// Collects run events and hands them over in one batch about once per frame, so a burst of engine
// callbacks costs the UI thread one message and one store update. Snapshots (budget, usage) coalesce:
// a batch carries only the latest of each, placed where it arrived. Order is otherwise preserved.
import type { RunEvent } from '../run/runEvent.ts';

export interface EventBatcher {
  push(event: RunEvent): void;
  /** Sends what is pending now (the end of a run must not wait for a timer). */
  flush(): void;
  /** Cancels the pending timer; pending events are dropped. */
  dispose(): void;
}

export interface BatcherOptions {
  intervalMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const COALESCED: ReadonlySet<RunEvent['type']> = new Set(['budget', 'usage']);

export function createEventBatcher(send: (events: RunEvent[]) => void, options: BatcherOptions = {}): EventBatcher {
  const intervalMs = options.intervalMs ?? 16;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let pending: (RunEvent | null)[] = [];
  const latestAt = new Map<RunEvent['type'], number>();
  let timer: unknown = null;

  const flush = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    const events = pending.filter((e): e is RunEvent => e !== null);
    pending = [];
    latestAt.clear();
    if (events.length) send(events);
  };

  return {
    push(event) {
      if (COALESCED.has(event.type)) {
        const at = latestAt.get(event.type);
        if (at !== undefined) pending[at] = null;
        latestAt.set(event.type, pending.length);
      }
      pending.push(event);
      timer ??= setTimer(flush, intervalMs);
    },
    flush,
    dispose() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      pending = [];
      latestAt.clear();
    },
  };
}
