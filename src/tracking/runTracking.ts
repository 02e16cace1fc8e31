// A run's experiment tracking from start to end, for a host (the CLI now, the studio's worker later): the
// configured trackers behind one fan-out with the config's key prefix, started with the config as params,
// fed by the engine's tracking stream, and finished with the status the run ended in. The delivery report
// reads as lines a host prints or logs.
import type { TrackingEvent } from '../engine/index.ts';
import type { RunEnd } from '../run/runDriver.ts';
import type { RunConfig } from '../run/runConfig.ts';
import type { CandidateTreeHtml } from './candidateTree.ts';
import { fanOut } from './fanOut.ts';
import { runParams } from './runParams.ts';
import { trackRun } from './trackRun.ts';
import type { DeliveryReport, FinishStatus, Tracker } from './tracker.ts';

export const FINISH_STATUS: Record<RunEnd, FinishStatus> = {
  finished: 'FINISHED',
  error: 'FAILED',
  stopped: 'KILLED',
};

export interface RunTracking {
  onTrackingEvent(event: TrackingEvent): void;
  /** ends the trackers' runs with the run's end, waits (bounded) and reports what was not delivered */
  finish(end: RunEnd): Promise<DeliveryReport>;
}

export function startRunTracking(config: RunConfig, trackers: Tracker[], treeHtml?: CandidateTreeHtml): RunTracking {
  const tracker = fanOut(trackers, config.tracking?.keyPrefix ?? '');
  tracker.start({ params: runParams(config) });
  const onTrackingEvent = trackRun(tracker, treeHtml ? { treeHtml } : {});
  let finished: Promise<DeliveryReport> | null = null;
  return {
    onTrackingEvent,
    finish: (end) => (finished ??= tracker.finish(FINISH_STATUS[end])),
  };
}

/** The report as lines for a person: one per backend, then what went wrong. */
export interface DeliveryMessage {
  level: 'info' | 'warning';
  text: string;
}

export function deliveryMessages(report: DeliveryReport): DeliveryMessage[] {
  return report.backends.map((b): DeliveryMessage => {
    const run = b.runId ? ` run ${b.runId}` : '';
    if (!b.undelivered.length && b.notLogged?.length)
      return {
        level: 'info',
        text: `${b.backend}: logged everything it can to ${b.target}${run}; it cannot log ${b.notLogged.join(', ')}`,
      };
    if (!b.undelivered.length) return { level: 'info', text: `${b.backend}: logged everything to ${b.target}${run}` };
    const why = b.problems.length ? `: ${b.problems[b.problems.length - 1]}` : '';
    return {
      level: 'warning',
      text: `${b.backend}: ${b.undelivered.length} item(s) could not be delivered to ${b.target}${run}${why}`,
    };
  });
}
