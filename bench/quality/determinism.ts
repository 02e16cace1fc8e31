// The bench's figures are only comparable if a run is a function of its seed: the engine draws from a
// seeded RNG and the demo model answers from a hash of its prompt, with latency only delaying answers.
// This compares two runs of the same seed on everything the bench reports except wall time.
import type { RunRecord } from './runOnce.ts';

/** Null when the runs agree, else what differs. */
export function determinismMismatch(a: RunRecord, b: RunRecord): string | null {
  if (a.finalBest !== b.finalBest) return `final best ${a.finalBest} vs ${b.finalBest}`;
  if (a.metricCalls !== b.metricCalls) return `metric calls ${a.metricCalls} vs ${b.metricCalls}`;
  const steps = (r: RunRecord) => r.curve.map((p) => `${p.calls}:${p.best}`).join(' ');
  if (steps(a) !== steps(b)) return `curves ${steps(a)} vs ${steps(b)}`;
  return null;
}
