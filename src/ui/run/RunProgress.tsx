// Budget progress (metric calls used / cap) and the run's headline numbers: iterations, candidates,
// best val score, elapsed time and ETA; a round's proposals in flight.
import { useRunStore } from '../../store/runStore.ts';
import { formatDuration, formatScore } from '../common/format.ts';
import { bestCandidate, isLive } from '../common/runFacts.ts';
import { elapsedMs, etaMs, progressFraction } from './runStats.ts';
import { etaWithTimeLimit } from './stopLimitReason.ts';
import { useNow } from '../common/useNow.ts';
import { ProposalsInFlight } from './ProposalsInFlight.tsx';

export function RunProgress() {
  const budget = useRunStore((s) => s.budget);
  const candidates = useRunStore((s) => s.candidates);
  const status = useRunStore((s) => s.status);
  const startedAt = useRunStore((s) => s.startedAt);
  const endedAt = useRunStore((s) => s.endedAt);
  const readOnly = useRunStore((s) => s.readOnly);
  const live = isLive(status) && !readOnly;
  const now = useNow(live && status !== 'paused');
  const elapsed = elapsedMs(startedAt, endedAt, now);
  const stop = useRunStore((s) => s.config?.options.stop);
  const eta = live ? etaWithTimeLimit(etaMs(budget.used, budget.cap, elapsed), stop, elapsed) : null;
  const best = bestCandidate(candidates);
  const count = candidates.reduce((n, c) => (c ? n + 1 : n), 0);
  const fraction = progressFraction(budget.used, budget.cap);

  return (
    <div className="run-progress-row">
      <div className="run-progress" title="metric calls used / budget">
        <div
          className="progress-track"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={budget.cap ?? undefined}
          aria-valuenow={budget.used}
        >
          <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
        </div>
        <span className="progress-text">
          <span data-testid="run-progress">
            {budget.used} / {budget.cap ?? '∞'}
          </span>{' '}
          <span className="muted">metric calls</span>
        </span>
        <ProposalsInFlight />
      </div>
      <dl className="run-stats">
        <div>
          <dt>iterations</dt>
          <dd data-testid="run-iterations">{budget.iteration}</dd>
        </div>
        <div>
          <dt>candidates</dt>
          <dd data-testid="run-candidates">{count}</dd>
        </div>
        <div>
          <dt>best val</dt>
          <dd data-testid="run-best-score">
            {formatScore(best?.row.valsetScore)}
            {best && <span className="muted"> #{best.row.candidateIdx}</span>}
          </dd>
        </div>
        <div>
          <dt>elapsed</dt>
          <dd>{formatDuration(elapsed)}</dd>
        </div>
        <div>
          <dt>ETA</dt>
          <dd>{live ? formatDuration(eta) : '—'}</dd>
        </div>
      </dl>
    </div>
  );
}
