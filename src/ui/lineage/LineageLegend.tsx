// The lineage legend: the score gradient with its range, and what the marks mean.
import { formatScore } from '../common/format.ts';
import { legendGradient } from '../common/scoreColor.ts';
import type { ScoreDomain } from '../common/scoreColor.ts';

const GRADIENT = legendGradient();

export function LineageLegend({ domain, showRejected }: { domain: ScoreDomain; showRejected: boolean }) {
  return (
    <div className="lineage-legend" aria-label="legend">
      <span className="lg-scale">
        val score <span>{formatScore(domain[0])}</span>
        <span className="lg-gradient" style={{ background: GRADIENT }} />
        <span>{formatScore(domain[1])}</span>
      </span>
      <span>
        <span className="lg-node best" />
        best
      </span>
      <span>
        <span className="lg-node front" />
        on the Pareto front
      </span>
      <span>
        <span className="lg-edge merge" />
        merge parent
      </span>
      {showRejected && (
        <span>
          <span className="lg-node rejected" />
          rejected proposal
        </span>
      )}
      <span className="muted">scroll to zoom · drag to pan</span>
    </div>
  );
}
