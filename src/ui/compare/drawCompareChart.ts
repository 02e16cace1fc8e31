// Draws two runs' best val score over metric calls into an SVG React created and never touches again:
// one step line and the candidates' points per run, on one shared x axis (metric calls) and the [0, 1]
// score axis, styled like the run view's score chart. Two runs have few points: every update redraws.
import { axisBottom, axisLeft, curveStepAfter, line, pointer, scaleLinear, select } from 'd3';
import type { Selection } from 'd3';
import type { CurvePoint, RunSideSummary, Side } from '../../store/compareModel.ts';

export interface ComparePoint extends CurvePoint {
  side: Side;
  idx: number;
  origin: string;
}

export interface CompareChartRenderer {
  update(runs: Record<Side, RunSideSummary>, xMax: number, width: number, height: number): void;
  destroy(): void;
}

const MARGIN = { top: 10, right: 28, bottom: 24, left: 40 };
const HOVER_RADIUS = 10;
const SIDES: Side[] = ['a', 'b'];

export function createCompareChart(
  svgEl: SVGSVGElement,
  onHover: (p: ComparePoint | null, clientX: number, clientY: number) => void,
): CompareChartRenderer {
  const svg = select(svgEl).attr('class', 'score-chart-svg compare-chart-svg');
  const root = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const grid = root.append('g').attr('class', 'sc-grid');
  const xAxis = root.append('g').attr('class', 'sc-axis');
  const yAxis = root.append('g').attr('class', 'sc-axis');
  const xLabel = root.append('text').attr('class', 'sc-axis-label').attr('text-anchor', 'end').text('metric calls');
  const paths = Object.fromEntries(
    SIDES.map((s) => [s, root.append('path').attr('class', `sc-line cmp-line cmp-${s}`)]),
  ) as Record<Side, Selection<SVGPathElement, unknown, null, undefined>>;
  const pointsG = root.append('g');
  const hoverRing = root.append('circle').attr('class', 'sc-hover').attr('r', 6).style('display', 'none');
  const overlay = root.append('rect').attr('class', 'sc-overlay');
  const x = scaleLinear();
  const y = scaleLinear().domain([0, 1]);
  let points: ComparePoint[] = [];

  const nearest = (event: PointerEvent): ComparePoint | null => {
    const [mx, my] = pointer(event, root.node());
    let best: ComparePoint | null = null;
    let bestD = HOVER_RADIUS;
    for (const p of points) {
      const d = Math.hypot(x(p.x) - mx, y(p.y) - my);
      if (d <= bestD) [best, bestD] = [p, d];
    }
    return best;
  };
  overlay
    .on('pointermove', (event: PointerEvent) => {
      const p = nearest(event);
      if (p) hoverRing.style('display', null).attr('cx', x(p.x)).attr('cy', y(p.y));
      else hoverRing.style('display', 'none');
      onHover(p, event.clientX, event.clientY);
    })
    .on('pointerleave', () => {
      hoverRing.style('display', 'none');
      onHover(null, 0, 0);
    });

  function update(runs: Record<Side, RunSideSummary>, xMax: number, width: number, height: number) {
    const w = Math.max(10, width - MARGIN.left - MARGIN.right);
    const h = Math.max(10, height - MARGIN.top - MARGIN.bottom);
    svg.attr('width', width).attr('height', height);
    x.domain([0, xMax]).range([0, w]);
    y.range([h, 0]);
    overlay.attr('width', w).attr('height', h);
    xAxis.attr('transform', `translate(0,${h})`).call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(w / 90)))
        .tickSizeOuter(0),
    );
    yAxis.call(axisLeft(y).ticks(5).tickSizeOuter(0));
    grid
      .selectAll('line')
      .data(y.ticks(5))
      .join('line')
      .attr('x1', 0)
      .attr('x2', w)
      .attr('y1', (v) => y(v))
      .attr('y2', (v) => y(v));
    xLabel.attr('x', w).attr('y', h - 4);
    const lineGen = line<CurvePoint>()
      .x((p) => x(p.x))
      .y((p) => y(p.y))
      .curve(curveStepAfter);
    for (const s of SIDES) paths[s].attr('d', lineGen(runs[s].curve) ?? '');
    points = SIDES.flatMap((side) => runs[side].points.map((p) => ({ ...p, side })));
    pointsG
      .selectAll<SVGCircleElement, ComparePoint>('circle')
      .data(points)
      .join('circle')
      .attr('class', (p) => `cmp-point cmp-${p.side}`)
      .attr('r', 3.5)
      .attr('cx', (p) => x(p.x))
      .attr('cy', (p) => y(p.y));
  }

  return { update, destroy: () => svg.selectAll('*').remove() };
}
