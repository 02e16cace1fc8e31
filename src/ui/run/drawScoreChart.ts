// Draws the score chart into an SVG that React created and never touches again. Updates are
// incremental: points and ticks are joined by key, and existing ones are moved only when the scales
// change (a resize, or a run without a cap whose axis grows), so a long run does not redraw thousands
// of marks every frame. Hover and click find the nearest mark through a Delaunay index rather than
// thousands of tiny hit targets.
import { Delaunay, axisBottom, axisLeft, curveStepAfter, line, pointer, scaleLinear, select } from 'd3';
import type { ScaleLinear, Selection } from 'd3';
import type { CandidatePoint, ChartTarget, LinePoint, ProposalTick, ScoreChartData } from './scoreChartData.ts';

export interface ScoreChartHandlers {
  onHover(target: ChartTarget | null, clientX: number, clientY: number): void;
  onClick(target: ChartTarget): void;
}

export interface ScoreChartRenderer {
  update(data: ScoreChartData, width: number, height: number): void;
  destroy(): void;
}

const MARGIN = { top: 10, right: 28, bottom: 24, left: 40 };
const TICK_CHUNK = 250;
/** above this many proposals, rejected ticks fade to a texture */
const DENSE_TICKS = 400;
/** how close (px) the pointer must be to a mark to hover it */
const HOVER_RADIUS = 14;

type G = Selection<SVGGElement, unknown, null, undefined>;

export function createScoreChart(svgEl: SVGSVGElement, handlers: ScoreChartHandlers): ScoreChartRenderer {
  const svg = select(svgEl).attr('class', 'score-chart-svg');
  const root = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const grid = root.append('g').attr('class', 'sc-grid');
  const xAxis = root.append('g').attr('class', 'sc-axis');
  const yAxis = root.append('g').attr('class', 'sc-axis');
  const xLabel = root.append('text').attr('class', 'sc-axis-label').attr('text-anchor', 'end').text('metric calls');
  // rejected ticks under accepted ones: the few that were adopted must not drown in the many that were not
  // ticks are drawn as a few paths of TICK_CHUNK ticks each, not one element per proposal: thousands of
  // proposals stay a handful of DOM elements, an axis rescale rewrites a few attributes, and a live
  // append redraws only the last, unfilled chunk
  const rejectedG: G = root.append('g').attr('class', 'sc-ticks');
  const acceptedG: G = root.append('g').attr('class', 'sc-ticks');
  let drawnChunks: Record<'rejected' | 'accepted', string[]> = { rejected: [], accepted: [] };
  const frontPath = root.append('path').attr('class', 'sc-line sc-line-front');
  const bestPath = root.append('path').attr('class', 'sc-line sc-line-best');
  const pointsG: G = root.append('g').attr('class', 'sc-points');
  const hoverRing = root.append('circle').attr('class', 'sc-hover').attr('r', 6).style('display', 'none');
  const overlay = root.append('rect').attr('class', 'sc-overlay');

  const x = scaleLinear();
  const y = scaleLinear().domain([0, 1]);
  let signature = '';
  let data: ScoreChartData | null = null;
  let drawn: { ticks: ProposalTick[] | null; candidates: CandidatePoint[] | null } = { ticks: null, candidates: null };
  let index: { delaunay: Delaunay<number>; targets: ChartTarget[] } | null = null;

  const tickPath = (t: ProposalTick) => {
    const px = x(t.x);
    const ya = y(t.after);
    // a vertical stroke from before to after, capped at the after end so the direction reads
    return `M${px},${y(t.before)}V${ya}M${px - 2.5},${ya}h5`;
  };
  const lineGen = (sx: ScaleLinear<number, number>) =>
    line<LinePoint>()
      .x((p) => sx(p.x))
      .y((p) => y(p.y))
      .curve(curveStepAfter);

  function indexFor(d: ScoreChartData) {
    if (index) return index;
    const targets: ChartTarget[] = [
      ...d.ticks.map((tick): ChartTarget => ({ kind: 'tick', tick })),
      ...d.candidates.map((point): ChartTarget => ({ kind: 'candidate', point })),
    ];
    const delaunay = Delaunay.from(
      targets,
      (t) => x(t.kind === 'tick' ? t.tick.x : t.point.x),
      (t) => y(t.kind === 'tick' ? t.tick.after : t.point.y),
    );
    index = { delaunay, targets };
    return index;
  }

  function nearest(event: PointerEvent): ChartTarget | null {
    if (!data) return null;
    const [mx, my] = pointer(event, root.node());
    const { delaunay, targets } = indexFor(data);
    if (targets.length === 0) return null;
    // candidates win over ticks at the same spot: they are what a click opens
    const pointHit = data.candidates.find((p) => Math.hypot(x(p.x) - mx, y(p.y) - my) <= 6);
    if (pointHit) return { kind: 'candidate', point: pointHit };
    const i = delaunay.find(mx, my);
    const t = targets[i];
    if (!t) return null;
    const [tx, ty] = t.kind === 'tick' ? [x(t.tick.x), y(t.tick.after)] : [x(t.point.x), y(t.point.y)];
    return Math.hypot(tx - mx, ty - my) <= HOVER_RADIUS ? t : null;
  }

  overlay
    .on('pointermove', (event: PointerEvent) => {
      const t = nearest(event);
      if (t) {
        const [tx, ty] = t.kind === 'tick' ? [x(t.tick.x), y(t.tick.after)] : [x(t.point.x), y(t.point.y)];
        hoverRing.style('display', null).attr('cx', tx).attr('cy', ty);
      } else hoverRing.style('display', 'none');
      handlers.onHover(t, event.clientX, event.clientY);
    })
    .on('pointerleave', () => {
      hoverRing.style('display', 'none');
      handlers.onHover(null, 0, 0);
    })
    .on('click', (event: PointerEvent) => {
      const t = nearest(event);
      if (t) handlers.onClick(t);
    });

  function update(next: ScoreChartData, width: number, height: number) {
    data = next;
    index = null;
    const w = Math.max(10, width - MARGIN.left - MARGIN.right);
    const h = Math.max(10, height - MARGIN.top - MARGIN.bottom);
    svg.attr('width', width).attr('height', height);
    const sig = `${w}|${h}|${next.xMax}`;
    const rescaled = sig !== signature;
    signature = sig;
    x.domain([0, next.xMax]).range([0, w]);
    y.range([h, 0]);

    if (rescaled) {
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
    }

    bestPath.attr('d', lineGen(x)(next.best) ?? '');
    frontPath.attr('d', lineGen(x)(next.front) ?? '');

    // a budget tick changes only the lines: skip the joins when the marks are the same arrays as last time
    const marksChanged = rescaled || next.ticks !== drawn.ticks || next.candidates !== drawn.candidates;
    drawn = { ticks: next.ticks, candidates: next.candidates };
    if (!marksChanged) return;

    svg.classed('dense', next.ticks.length > DENSE_TICKS);
    const drawTicks = (g: G, ticks: ProposalTick[], cls: 'rejected' | 'accepted') => {
      const prev = drawnChunks[cls];
      const chunks: string[] = [];
      for (let i = 0; i < ticks.length; i += TICK_CHUNK) {
        const k = i / TICK_CHUNK;
        const full = i + TICK_CHUNK <= ticks.length;
        // a chunk that was already full at this scale holds the same ticks: keep its string
        const kept = !rescaled && full && prev[k] !== undefined && k < prev.length - 1;
        chunks.push(
          kept
            ? (prev[k] as string)
            : ticks
                .slice(i, i + TICK_CHUNK)
                .map(tickPath)
                .join(''),
        );
      }
      g.selectAll<SVGPathElement, string>('path')
        .data(chunks)
        .join((enter) => enter.append('path').attr('class', `sc-tick ${cls}`))
        .each(function (d, i) {
          if (prev[i] !== d) this.setAttribute('d', d);
        });
      drawnChunks = { ...drawnChunks, [cls]: chunks };
    };
    drawTicks(
      rejectedG,
      next.ticks.filter((t) => !t.accepted),
      'rejected',
    );
    drawTicks(
      acceptedG,
      next.ticks.filter((t) => t.accepted),
      'accepted',
    );

    const points = pointsG
      .selectAll<SVGCircleElement, CandidatePoint>('circle')
      .data(next.candidates, (p) => p.idx)
      .join((enter) =>
        enter
          .append('circle')
          .attr('class', (p) => `sc-point ${p.origin}`)
          .attr('r', 3.5)
          .attr('cx', (p) => x(p.x))
          .attr('cy', (p) => y(p.y)),
      );
    if (rescaled) points.attr('cx', (p) => x(p.x)).attr('cy', (p) => y(p.y));
  }

  return {
    update,
    destroy: () => svg.selectAll('*').remove(),
  };
}
