// Where the run is being logged (MLflow) and, once its tracking has finished, what arrived: "logged
// everything" with the MLflow run id, or how many items could not be delivered and why, with a download of
// them (JSON lines, as the CLI keeps them) — they are also kept in the run's stored log.
import { useRunStore } from '../../store/runStore.ts';
import { exportTrackingUndelivered } from '../../store/actions.ts';

export function TrackingOutcome() {
  const target = useRunStore((s) => s.config?.tracking?.mlflow);
  const outcome = useRunStore((s) => s.tracking);
  if (!outcome) {
    if (!target) return null;
    return (
      <p className="tracking-outcome" data-testid="tracking-outcome">
        <span className="badge">MLflow</span> logging to {target.trackingUri} (experiment “{target.experimentName}”)
      </p>
    );
  }
  return (
    <>
      {outcome.map((b) => {
        const run = b.runId ? ` · run ${b.runId}` : '';
        const lost = b.undelivered.length;
        const name = b.backend === 'mlflow' ? 'MLflow' : b.backend;
        return (
          <p
            key={b.backend}
            className={`tracking-outcome${lost ? ' lost' : ''}`}
            data-testid="tracking-outcome"
            title={b.problems.join('\n')}
          >
            <span className={`badge ${lost ? 'warn' : 'good'}`}>{name}</span>{' '}
            {lost ? (
              <>
                {lost} item(s) could not be delivered to {b.target}
                {run}
                {b.problems.length > 0 && <>: {b.problems[b.problems.length - 1]}</>}{' '}
                <button type="button" data-testid="tracking-undelivered" onClick={exportTrackingUndelivered}>
                  Download undelivered
                </button>
              </>
            ) : (
              <>
                logged everything to {b.target}
                {run}
              </>
            )}
          </p>
        );
      })}
    </>
  );
}
