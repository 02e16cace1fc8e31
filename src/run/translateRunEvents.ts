// The engine's callbacks and tracking stream, translated into the studio's RunEvents: a candidate row
// with its per-example val scores and outputs, proposal rows, the Pareto front, score-chart points,
// budget ticks, log lines, and how many of a round's proposals are in flight. Used by the run driver
// (runDriver.ts), so a run reads the same (and exports the same) in the studio and the CLI. Pure: it
// only calls the emit and log functions it is given.
// Invariant: one 'candidate' event per registered candidate (the engine's candidate row carries its val
// scores and outputs).
import { errorMessage, GepaConfigError } from '../engine/index.ts';
import type { CallbackHandlers, RunSummary, TrackingEvent } from '../engine/index.ts';
import type { LogLevel, RunEvent } from './runEvent.ts';
import { RunConfigError } from './runConfig.ts';
import { proposalsInFlight } from './proposalsInFlight.ts';

export function runErrorText(err: unknown): string {
  if (err instanceof RunConfigError || err instanceof GepaConfigError)
    return `The run configuration is invalid: ${err.message}`;
  return errorMessage(err);
}

const asText = (output: unknown): string =>
  typeof output === 'string' ? output : output === undefined ? '' : JSON.stringify(output);

export interface RunEventSinks {
  /** the metric-call cap budget events carry */
  cap: number | null;
  emit(event: RunEvent): void;
  log(level: LogLevel, message: string, iteration?: number): void;
  /** a resumed run's last score point, so its score line continues from there (not from 0) */
  lastScore?: { bestScore: number; paretoAggregate: number } | null;
}

export interface RunEventTranslation {
  /** pass both to optimize */
  callbacks: CallbackHandlers;
  onTrackingEvent(event: TrackingEvent): void;
  /** the engine's closing summary, once optimize has returned */
  summary(): RunSummary | null;
  /** why the run stopped on an error the engine would not continue past, if it did */
  fatal(): string | null;
}

export function translateRunEvents(sinks: RunEventSinks): RunEventTranslation {
  const { emit, log, cap } = sinks;
  let best = sinks.lastScore?.bestScore ?? 0;
  let paretoAggregate = sinks.lastScore?.paretoAggregate ?? 0;
  let summary: RunSummary | null = null;
  let fatal: string | null = null;
  const inFlight = proposalsInFlight(emit);

  const callbacks: CallbackHandlers = {
    onProposalStart: (e) => inFlight.start(e.iteration),
    onProposalEnd: (e) => inFlight.end(e.iteration),
    onIterationEnd: (e) => inFlight.iterationEnded(e.iteration),
    onBudgetUpdated: (e) => emit({ type: 'budget', used: e.metricCallsUsed, cap, iteration: e.iteration }),
    onWarning: (e) => log('warning', e.message, e.iteration),
    onError: (e) => {
      const why = runErrorText(e.exception);
      if (!e.willContinue) fatal = why;
      const what = e.iteration === 0 ? 'Scoring the seed prompt' : `Iteration ${e.iteration}`;
      log('error', `${what} failed: ${why} — ${e.willContinue ? 'the run continues' : 'the run stops'}`, e.iteration);
    },
    onMergeAccepted: (e) =>
      log(
        'info',
        `Merged candidates ${e.parentIds[0]} and ${e.parentIds[1]} into candidate ${e.newCandidateIdx}`,
        e.iteration,
      ),
    onMergeRejected: (e) =>
      log('info', `Merge of candidates ${e.parentIds[0]} and ${e.parentIds[1]} rejected: ${e.reason}`, e.iteration),
  };

  const onTrackingEvent = (e: TrackingEvent): void => {
    switch (e.type) {
      case 'candidate': {
        const { valScores, outputs, valObjectiveScores, objectiveAggregate, ...row } = e.row;
        emit({
          type: 'candidate',
          row,
          valScores,
          outputs: outputs.map(asText),
          ...(valObjectiveScores && objectiveAggregate
            ? { objectives: { perExample: valObjectiveScores, aggregate: objectiveAggregate } }
            : {}),
        });
        break;
      }
      case 'valsetParetoFront':
        emit({ type: 'front', programs: e.row.programs });
        break;
      case 'metrics': {
        const m = e.metrics;
        if (m.best_score_on_valset === undefined || m.valset_pareto_front_agg === undefined) break;
        best = m.best_score_on_valset;
        paretoAggregate = m.valset_pareto_front_agg;
        emit({
          type: 'score',
          point: { metricCalls: m.total_metric_calls ?? 0, iteration: e.iteration, bestScore: best, paretoAggregate },
        });
        break;
      }
      case 'proposal':
        emit({ type: 'proposal', row: e.row });
        emit({
          type: 'score',
          point: { metricCalls: e.row.metricCallsAt, iteration: e.row.iteration, bestScore: best, paretoAggregate },
        });
        break;
      case 'summary':
        summary = e.summary;
        break;
    }
  };

  return { callbacks, onTrackingEvent, summary: () => summary, fatal: () => fatal };
}
