// Draws the score chart into an SVG that React created and never touches again. Updates are
// incremental: new candidate points are appended, tick chunks already full are kept, and existing marks
// are moved only when the scales change (a resize, or a run without a cap whose axis grows), so a long
// run does not redraw thousands of marks every frame. Past a tick every few pixels (isDense) the
// minibatch outcomes are drawn as a density strip under the plot instead (drawDensityStrip.ts): counts
// per bin of metric calls, since thousands of ticks only make a solid wall. Hover and click find the
// nearest mark through a Delaunay index rather than thousands of tiny hit targets.
import { Delaunay, axisBottom, axisLeft, curveStepAfter, line, pointer, scaleLinear, select } from 'd3';
import type { ScaleLinear, Selection } from 'd3';
import { STRIP, createDensityStrip } from './drawDensityStrip.ts';
import type { CandidatePoint, ChartTarget, LinePoint, ProposalTick, ScoreChartData } from './scoreChartData.ts';

export interface ScoreChartHandlers {
  onHover(target: ChartTarget | null, clientX: number, clientY: number): void;
  onClick(target: ChartTarget): void;
}

export interface ScoreChartRenderer {
  /** `dense`: draw the minibatch outcomes as a density strip (the caller made the chart taller for it) */
  update(data: ScoreChartData, width: number, height: number, dense: boolean): void;
  destroy(): void;
}

const MARGIN = { top: 10, right: 28, bottom: 24, left: 40 };
const TICK_CHUNK = 250;
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
  // ticks are drawn as a few paths of TICK_CHUNK ticks each, not one element per proposal: an axis
  // rescale rewrites a few attributes, and a live append redraws only the last, unfilled chunk
  const rejectedG: G = root.append('g').attr('class', 'sc-ticks');
  const acceptedG: G = root.append('g').attr('class', 'sc-ticks');
  let drawnChunks: Record<'rejected' | 'accepted', string[]> = { rejected: [], accepted: [] };
  const strip = createDensityStrip(root);
  const frontPath = root.append('path').attr('class', 'sc-line sc-line-front');
  const bestPath = root.append('path').attr('class', 'sc-line sc-line-best');
  const pointsG: G = root.append('g').attr('class', 'sc-points');
  const hoverRing = root.append('circle').attr('class', 'sc-hover').attr('r', 6).style('display', 'none');
  const overlay = root.append('rect').attr('class', 'sc-overlay');

  const x = scaleLinear();
  const y = scaleLinear();
  let signature = '';
  /** the view and y domain the marks were placed for */
  let shownY = '';
  let data: ScoreChartData | null = null;
  let dense = false;
  let plotH = 0;
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
  const spot = (t: ChartTarget): [number, number] =>
    t.kind === 'tick' ? [x(t.tick.x), y(t.tick.after)] : t.kind === 'candidate' ? [x(t.point.x), y(t.point.y)] : [0, 0];

  function indexFor(d: ScoreChartData) {
    if (index) return index;
    const targets: ChartTarget[] = [
      ...(dense ? [] : d.ticks.map((tick): ChartTarget => ({ kind: 'tick', tick }))),
      ...d.candidates.map((point): ChartTarget => ({ kind: 'candidate', point })),
    ];
    const delaunay = Delaunay.from(
      targets,
      (t) => spot(t)[0],
      (t) => spot(t)[1],
    );
    index = { delaunay, targets };
    return index;
  }

  function nearest(event: PointerEvent): ChartTarget | null {
    if (!data) return null;
    const [mx, my] = pointer(event, root.node());
    if (dense && my > plotH + STRIP.gap / 2) {
      const bin = strip.binAt(x.invert(mx));
      return bin ? { kind: 'bin', bin } : null;
    }
    const { delaunay, targets } = indexFor(data);
    if (targets.length === 0) return null;
    // candidates win over ticks at the same spot: they are what a click opens
    const pointHit = data.candidates.find((p) => Math.hypot(x(p.x) - mx, y(p.y) - my) <= 6);
    if (pointHit) return { kind: 'candidate', point: pointHit };
    const t = targets[delaunay.find(mx, my)];
    if (!t) return null;
    const [tx, ty] = spot(t);
    return Math.hypot(tx - mx, ty - my) <= HOVER_RADIUS ? t : null;
  }

  function showHover(t: ChartTarget | null) {
    strip.highlight(t?.kind === 'bin' ? t.bin : null, x);
    if (t && t.kind !== 'bin') {
      const [tx, ty] = spot(t);
      hoverRing.style('display', null).attr('cx', tx).attr('cy', ty);
    } else hoverRing.style('display', 'none');
  }

  overlay
    .on('pointermove', (event: PointerEvent) => {
      const t = nearest(event);
      showHover(t);
      handlers.onHover(t, event.clientX, event.clientY);
    })
    .on('pointerleave', () => {
      showHover(null);
      handlers.onHover(null, 0, 0);
    })
    .on('click', (event: PointerEvent) => {
      const t = nearest(event);
      if (t) handlers.onClick(t);
    });

  function drawAxes(w: number, h: number, bottom: number) {
    overlay.attr('width', w).attr('height', bottom);
    xAxis.attr('transform', `translate(0,${bottom})`).call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(w / 90)))
        .tickSizeOuter(0),
    );
    yAxis.call(
      axisLeft(y)
        .ticks(Math.max(2, Math.min(5, Math.floor(h / 25))))
        .tickSizeOuter(0),
    );
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

  function drawTicks(g: G, ticks: ProposalTick[], cls: 'rejected' | 'accepted', rescaled: boolean) {
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
  }

  function drawPoints(next: ScoreChartData, rescaled: boolean, yChanged: boolean) {
    const before = drawn.candidates ?? [];
    const appendOnly =
      !rescaled &&
      next.candidates.length >= before.length &&
      (before.length === 0 || next.candidates[before.length - 1]?.idx === before[before.length - 1]?.idx);
    const enter = (s: Selection<SVGCircleElement, CandidatePoint, SVGGElement, unknown>) =>
      s
        .attr('class', (p) => `sc-point ${p.origin}`)
        .attr('r', 3.5)
        .attr('cx', (p) => x(p.x))
        .attr('cy', (p) => y(p.y));
    if (appendOnly) {
      // a live update adds points at the end: append those, without a keyed join over every point
      pointsG
        .selectAll<SVGCircleElement, CandidatePoint>('circle.new')
        .data(next.candidates.slice(before.length))
        .enter()
        .append('circle')
        .call(enter);
      return;
    }
    const points = pointsG
      .selectAll<SVGCircleElement, CandidatePoint>('circle')
      .data(next.candidates, (p) => p.idx)
      .join((e) => e.append('circle').call(enter));
    if (rescaled) points.attr('cx', (p) => x(p.x));
    if (yChanged) points.attr('cy', (p) => y(p.y));
  }

  function update(next: ScoreChartData, width: number, height: number, isDense: boolean) {
    data = next;
    index = null;
    const w = Math.max(10, width - MARGIN.left - MARGIN.right);
    const bottom = Math.max(10, height - MARGIN.top - MARGIN.bottom);
    const h = isDense ? Math.max(10, bottom - STRIP.height - STRIP.gap) : bottom;
    const yKey = `${next.view}|${next.yDomain.join(',')}`;
    const sig = `${width}|${height}|${next.xMax}|${isDense}|${yKey}`;
    const rescaled = sig !== signature;
    // a longer run rescales only x: the points keep their cy (unless another objective is shown)
    const yChanged = h !== plotH || yKey !== shownY;
    shownY = yKey;
    signature = sig;
    dense = isDense;
    plotH = h;
    x.domain([0, next.xMax]).range([0, w]);
    y.domain(next.yDomain).range([h, 0]);
    if (rescaled) {
      svg.attr('width', width).attr('height', height);
      drawAxes(w, h, bottom);
      strip.place(dense ? h + STRIP.gap : null);
    }

    bestPath.attr('d', lineGen(x)(next.best) ?? '');
    frontPath.attr('d', lineGen(x)(next.front) ?? '');

    // a budget tick changes only the lines: skip the marks when they are the same arrays as last time
    const ticksChanged = rescaled || next.ticks !== drawn.ticks;
    const pointsChanged = rescaled || next.candidates !== drawn.candidates;
    if (ticksChanged) {
      if (dense) strip.draw(next.ticks, next.xMax, x);
      drawTicks(rejectedG, dense ? [] : next.ticks.filter((t) => !t.accepted), 'rejected', rescaled);
      drawTicks(acceptedG, dense ? [] : next.ticks.filter((t) => t.accepted), 'accepted', rescaled);
    }
    if (pointsChanged) drawPoints(next, rescaled, yChanged);
    drawn = { ticks: next.ticks, candidates: next.candidates };
  }

  return {
    update,
    destroy: () => svg.selectAll('*').remove(),
  };
}
