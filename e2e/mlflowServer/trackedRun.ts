// A demo-task run through the run driver, as the studio and the CLI drive one, with the given trackers fed
// by the driver's tracking stream: what the integration tests and the tracking benchmark time and inspect.
import { buildRun } from '../../src/run/buildRun.ts';
import { demoRunConfig } from '../../src/run/demoRunConfig.ts';
import type { DemoRunOverrides } from '../../src/run/demoRunConfig.ts';
import { RunDriver } from '../../src/run/runDriver.ts';
import type { RunOutcome } from '../../src/run/runDriver.ts';
import { sourceRows } from '../../src/run/runDataset.ts';
import type { RunConfig } from '../../src/run/runConfig.ts';
import type { RunEvent } from '../../src/run/runEvent.ts';
import type { RunSecrets } from '../../src/run/buildRun.ts';
import { sentimentTask } from '../../src/tasks/demos/index.ts';
import { startRunTracking } from '../../src/tracking/runTracking.ts';
import type { DeliveryReport, Tracker } from '../../src/tracking/tracker.ts';

export interface TrackedRun {
  outcome: RunOutcome;
  events: RunEvent[];
  /** null when no tracker was given */
  report: DeliveryReport | null;
  /** from the start of the run to the driver's return (the optimisation, not the tracking's finish) */
  runMs: number;
  /** the tracking's finish: the bounded wait for what is left */
  finishMs: number;
}

export function demoConfig(overrides: DemoRunOverrides = {}): RunConfig {
  return demoRunConfig(sentimentTask, { budget: { maxMetricCalls: 120 }, ...overrides });
}

export async function trackedRun(
  config: RunConfig,
  trackers: Tracker[],
  options: { demoLatencyMs?: number; secrets?: RunSecrets } = {},
): Promise<TrackedRun> {
  const events: RunEvent[] = [];
  const tracking = trackers.length ? startRunTracking(config, trackers) : null;
  const driver = new RunDriver(
    { emit: (e) => events.push(e), stopped: () => null, ...(tracking ? { track: tracking.onTrackingEvent } : {}) },
    options.secrets ?? {},
  );
  const started = performance.now();
  const outcome = await driver.run({
    config,
    build: () =>
      buildRun(config, {
        rows: sourceRows(config.dataset),
        ...(options.demoLatencyMs !== undefined ? { demoLatencyMs: options.demoLatencyMs, limitDemoModel: true } : {}),
      }),
  });
  const ended = performance.now();
  const report = tracking ? await tracking.finish(outcome.status) : null;
  return { outcome, events, report, runMs: ended - started, finishMs: performance.now() - ended };
}
