// Both runs' best val score over metric calls on one chart (the run view's score chart, two runs at
// once): React owns the panel and the legend, drawCompareChart the SVG.
import { useEffect, useRef, useState } from 'react';
import type { Comparison } from '../../store/compareModel.ts';
import { useElementSize } from '../common/useElementSize.ts';
import { HoverTooltip } from '../common/HoverTooltip.tsx';
import type { HoverInfo } from '../common/HoverTooltip.tsx';
import { LegendItems } from '../common/LegendItems.tsx';
import { formatScore } from '../common/format.ts';
import { axisEnd } from '../run/scoreChartData.ts';
import { createCompareChart } from './drawCompareChart.ts';
import type { CompareChartRenderer } from './drawCompareChart.ts';
import '../run/run.css';

const HEIGHT = 220;

export function CompareChart({ comparison }: { comparison: Comparison }) {
  const [wrapRef, { width }] = useElementSize<HTMLDivElement>();
  const svgRef = useRef<SVGSVGElement>(null);
  const chart = useRef<CompareChartRenderer | null>(null);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const { a, b } = comparison;

  useEffect(() => {
    const renderer = createCompareChart(svgRef.current!, (p, clientX, clientY) =>
      setHover(
        p
          ? {
              lines: [
                `${p.side.toUpperCase()} · candidate #${p.idx} (${p.origin})`,
                `val score ${formatScore(p.y)}`,
                `found at ${p.x} metric calls`,
              ],
              clientX,
              clientY,
            }
          : null,
      ),
    );
    chart.current = renderer;
    return () => {
      renderer.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (width > 0) chart.current?.update({ a, b }, axisEnd(comparison.maxCalls, null), width, HEIGHT);
  }, [a, b, comparison.maxCalls, width]);

  return (
    <section className="panel compare-chart" data-testid="compare-chart">
      <header className="panel-head">
        <h3>Best val score over metric calls</h3>
        <ul className="chart-legend" aria-label="legend">
          <LegendItems
            as="li"
            items={[
              { mark: 'lg-line cmp-a', label: `A: ${a.name}` },
              { mark: 'lg-line cmp-b', label: `B: ${b.name}` },
              { mark: 'lg-dot cmp-dot', label: 'a candidate' },
            ]}
          />
        </ul>
      </header>
      <div ref={wrapRef} className="compare-chart-body" style={{ height: HEIGHT }}>
        <svg ref={svgRef} role="img" aria-label="best val score of both runs over metric calls" />
        {a.curve.length === 0 && b.curve.length === 0 && (
          <p className="panel-empty muted">Neither run has a val score yet.</p>
        )}
      </div>
      <HoverTooltip info={hover} />
    </section>
  );
}
