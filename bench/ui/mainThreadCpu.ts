// Thread CPU time of a page's main-thread tasks, read from a Chrome trace. Unlike a task's wall-clock
// duration it hardly grows when other processes share the cores, so it shows the headroom a quiet
// machine would have even when the bench runs on a busy one. The in-page script marks the window to
// count with performance.mark('bench:start') and performance.mark('bench:end').
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  /** thread (CPU) time of a complete event, µs */
  tdur?: number;
}

/** The CPU milliseconds of each main-thread task that started between the two marks, in order. */
export function taskCpuBetweenMarks(events: readonly TraceEvent[]): number[] {
  const start = events.find((e) => e.name === 'bench:start');
  const end = events.find((e) => e.name === 'bench:end');
  if (!start || !end) throw new Error('the page set no bench:start / bench:end marks');
  // marks are recorded on the page's main thread: its tasks are the ones on the same thread
  return events
    .filter(
      (e) =>
        e.name === 'RunTask' &&
        e.ph === 'X' &&
        e.pid === start.pid &&
        e.tid === start.tid &&
        e.ts >= start.ts &&
        e.ts < end.ts,
    )
    .map((e) => (e.tdur ?? 0) / 1000);
}

/** Runs `script` in `page` while tracing, and returns its result with the CPU time of each task it marked. */
export async function evaluateWithTaskCpu<T>(
  browser: Browser,
  page: Page,
  script: string,
): Promise<{ result: T; taskCpuMs: number[] }> {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  const outcome = await page.evaluate(script).then(
    (value) => ({ ok: true as const, value: value as T }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const trace = await browser.stopTracing();
  if (!outcome.ok) throw outcome.error;
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  return { result: outcome.value, taskCpuMs: taskCpuBetweenMarks(events) };
}
