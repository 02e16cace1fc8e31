// A tracker that records every call, for the tests of what feeds trackers. (Test support only.)
import type { DeliveryReport, FinishStatus, TableCell, Tracker, TrackerStart } from './tracker.ts';

export type TrackerCall =
  | { call: 'start'; run: TrackerStart }
  | { call: 'metrics'; step: number; values: Record<string, number> }
  | { call: 'table'; name: string; columns: string[]; rows: TableCell[][] }
  | { call: 'html'; name: string; html: string }
  | { call: 'summary'; values: Record<string, string | number> }
  | { call: 'finish'; status: FinishStatus };

export function recordingTracker(backend = 'recorder'): Tracker & { calls: TrackerCall[] } {
  const calls: TrackerCall[] = [];
  return {
    backend,
    calls,
    start: (run) => calls.push({ call: 'start', run }),
    metrics: (step, values) => calls.push({ call: 'metrics', step, values }),
    table: (name, columns, rows) =>
      calls.push({ call: 'table', name, columns: [...columns], rows: rows.map((r) => [...r]) }),
    html: (name, render) => calls.push({ call: 'html', name, html: render() }),
    summary: (values) => calls.push({ call: 'summary', values }),
    finish: async (status): Promise<DeliveryReport> => {
      calls.push({ call: 'finish', status });
      return {
        backends: [{ backend, target: 'memory', runId: null, delivered: calls.length, undelivered: [], problems: [] }],
      };
    },
  };
}
