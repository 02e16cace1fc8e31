// One tracker over several (the seed: "both backends can be enabled simultaneously"), with the key prefix
// applied here, once, to every key a backend is given: scalars, params, summary keys, table names and HTML
// artifact names. A backend that throws on a call does not keep the others from getting it.
import type { DeliveryReport, FinishStatus, Tracker } from './tracker.ts';

const prefixKeys = <T>(prefix: string, record: Record<string, T>): Record<string, T> =>
  prefix ? Object.fromEntries(Object.entries(record).map(([k, v]) => [prefix + k, v])) : record;

export function fanOut(trackers: readonly Tracker[], keyPrefix = ''): Tracker {
  const p = keyPrefix;
  const each = (call: (t: Tracker) => void) => {
    for (const t of trackers) {
      try {
        call(t);
      } catch {
        // a backend's logging calls only queue; one that throws anyway must not stop the others (or the run)
      }
    }
  };
  return {
    backend: trackers.map((t) => t.backend).join('+'),
    start: (run) => each((t) => t.start({ params: prefixKeys(p, run.params) })),
    metrics: (step, values) => each((t) => t.metrics(step, prefixKeys(p, values))),
    table: (name, columns, rows) => each((t) => t.table(p + name, columns, rows)),
    html: (name, render) => each((t) => t.html(p + name, render)),
    summary: (values) => each((t) => t.summary(prefixKeys(p, values))),
    finish: async (status: FinishStatus): Promise<DeliveryReport> => {
      const reports = await Promise.all(trackers.map((t) => t.finish(status)));
      return { backends: reports.flatMap((r) => r.backends) };
    },
  };
}
