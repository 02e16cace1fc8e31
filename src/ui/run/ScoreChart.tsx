// The score chart panel: React owns the container and the legend, drawScoreChart owns the SVG inside.
// With more proposals than the plot can show one by one, the chart grows a density strip under the plot
// and the legend says so.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRunStore } from '../../store/runStore.ts';
import { createScoreChart } from './drawScoreChart.ts';
import { STRIP } from './drawDensityStrip.ts';
import { isDense } from './proposalDensity.ts';
import type { ScoreChartRenderer } from './drawScoreChart.ts';
import { HoverTooltip } from '../common/HoverTooltip.tsx';
import type { HoverInfo } from '../common/HoverTooltip.tsx';
import {
  candidatePoints,
  describeTarget,
  proposalTicks,
  shapeObjectiveChart,
  shapeScoreChart,
} from './scoreChartData.ts';
import { objectiveNames } from '../common/objectives.ts';
import { useElementSize } from '../common/useElementSize.ts';
import { appendOnly } from '../common/appendOnly.ts';
import { openCandidate, openProposal } from '../common/navigate.ts';
import './run.css';
import { LegendItems } from '../common/LegendItems.tsx';
import type { LegendItem } from '../common/LegendItems.tsx';
import { ObjectivePicker } from '../common/ObjectivePicker.tsx';

const HEIGHT = 180;

const LINE_ITEMS: LegendItem[] = [
  { mark: 'lg-line best', label: 'best val score' },
  { mark: 'lg-line front', label: 'Pareto-front aggregate' },
  { mark: 'lg-dot seed', label: 'seed' },
  { mark: 'lg-dot reflective', label: 'reflective' },
  { mark: 'lg-dot merge', label: 'merge' },
];
const objectiveItems = (name: string): LegendItem[] => [
  { mark: 'lg-line best', label: `best ${name} (valset mean)` },
  { mark: 'lg-dot seed', label: 'seed' },
  { mark: 'lg-dot reflective', label: 'reflective' },
  { mark: 'lg-dot merge', label: 'merge' },
];
const DENSITY_ITEMS: LegendItem[] = [
  { mark: 'lg-bar accepted', label: 'accepted' },
  { mark: 'lg-bar rejected', label: 'rejected proposals per bin' },
];
const TICK_ITEMS: LegendItem[] = [
  { mark: 'lg-tick accepted', label: 'minibatch before → after, accepted' },
  { mark: 'lg-tick rejected', label: 'rejected' },
];

export function ScoreChart() {
  const scores = useRunStore((s) => s.scores);
  const candidates = useRunStore((s) => s.candidates);
  const proposals = useRunStore((s) => s.proposals);
  const used = useRunStore((s) => s.budget.used);
  const cap = useRunStore((s) => s.budget.cap);
  const points = useMemo(() => candidatePoints(candidates), [candidates]);
  // proposals only ever append: a live update shapes only the new ones
  const ticksOf = useMemo(() => appendOnly(proposalTicks), []);
  const ticks = useMemo(() => ticksOf(proposals), [ticksOf, proposals]);
  // a metric with objectives: the chart shows the score or one objective (`shown` is '' for the score)
  const names = useMemo(() => objectiveNames(candidates), [candidates]);
  const [chosen, setChosen] = useState('');
  const shown = names.includes(chosen) ? chosen : '';
  const data = useMemo(
    () =>
      shown
        ? shapeObjectiveChart(candidates, shown, { used, cap })
        : shapeScoreChart(scores, points, ticks, { used, cap }),
    [shown, candidates, scores, points, ticks, used, cap],
  );

  const [wrapRef, { width }] = useElementSize<HTMLDivElement>();
  const svgRef = useRef<SVGSVGElement>(null);
  const chart = useRef<ScoreChartRenderer | null>(null);
  const [hover, setHover] = useState<HoverInfo | null>(null);

  useEffect(() => {
    const renderer = createScoreChart(svgRef.current!, {
      onHover: (t, clientX, clientY) => setHover(t ? { lines: describeTarget(t), clientX, clientY } : null),
      onClick: (t) =>
        t.kind === 'candidate'
          ? openCandidate(t.point.idx)
          : openProposal(t.kind === 'tick' ? t.tick.id : t.bin.firstId),
    });
    chart.current = renderer;
    return () => {
      renderer.destroy();
      chart.current = null;
    };
  }, []);

  const dense = isDense(data.ticks.length, width);
  const height = dense ? HEIGHT + STRIP.height + STRIP.gap : HEIGHT;
  useEffect(() => {
    if (width > 0) chart.current?.update(data, width, height, dense);
  }, [data, width, height, dense]);

  return (
    <section className="panel score-chart" data-testid="score-chart">
      <header className="panel-head">
        <h3>{shown ? `Objective “${shown}” over metric calls` : 'Score over metric calls'}</h3>
        {names.length > 0 && (
          <ObjectivePicker
            label="show"
            ariaLabel="what the chart shows"
            testId="score-chart-view"
            className="chart-view"
            names={names}
            value={shown}
            onPick={setChosen}
          />
        )}
        <ul className="chart-legend" aria-label="legend">
          <LegendItems
            items={shown ? objectiveItems(shown) : [...LINE_ITEMS, ...(dense ? DENSITY_ITEMS : TICK_ITEMS)]}
            as="li"
          />
        </ul>
      </header>
      <div ref={wrapRef} className="score-chart-body" style={{ height }}>
        <svg ref={svgRef} role="img" aria-label="score chart" />
        {data.best.length === 0 && data.candidates.length === 0 && (
          <p className="panel-empty chart-empty muted">Waiting for the seed candidate's val score…</p>
        )}
      </div>
      <HoverTooltip info={hover} />
    </section>
  );
}
