// The lineage legend: the score gradient with its range, and what the marks mean.
import { formatScore } from '../common/format.ts';
import { legendGradient } from '../common/scoreColor.ts';
import type { ScoreDomain } from '../common/scoreColor.ts';
import { LegendItems } from '../common/LegendItems.tsx';
import type { LegendItem } from '../common/LegendItems.tsx';

const GRADIENT = legendGradient();
const MARKS: LegendItem[] = [
  { mark: 'lg-node best', label: 'best' },
  { mark: 'lg-node front', label: 'on the Pareto front' },
  { mark: 'lg-edge merge', label: 'merge parent' },
];
const REJECTED: LegendItem = { mark: 'lg-node rejected', label: 'rejected proposal' };

export function LineageLegend({ domain, showRejected }: { domain: ScoreDomain; showRejected: boolean }) {
  return (
    <div className="lineage-legend" aria-label="legend">
      <span className="lg-scale">
        val score <span>{formatScore(domain[0])}</span>
        <span className="lg-gradient" style={{ background: GRADIENT }} />
        <span>{formatScore(domain[1])}</span>
      </span>
      <LegendItems items={showRejected ? [...MARKS, REJECTED] : MARKS} as="span" />
      <span className="muted">scroll to zoom · drag to pan</span>
    </div>
  );
}
