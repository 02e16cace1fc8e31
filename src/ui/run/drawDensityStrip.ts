// The score chart's density strip, drawn under the plot once proposals are too many for one tick each:
// per bin of metric calls, a bar of accepted proposals with the rejected ones stacked on it (two paths,
// however many bins), a scale that names the tallest bar's count, and the hovered bin outlined.
import { axisLeft, scaleLinear } from 'd3';
import type { ScaleLinear, Selection } from 'd3';
import { binProposals, binWidth } from './proposalDensity.ts';
import type { DensityBin } from './proposalDensity.ts';
import type { ProposalTick } from './scoreChartData.ts';

/** the strip's height and its gap to the plot above */
export const STRIP = { height: 36, gap: 12 };
/** plot pixels per bin */
const BIN_PX = 6;

export interface DensityStrip {
  /** Shows the strip `top` px down the chart, or hides it. */
  place(top: number | null): void;
  draw(ticks: readonly ProposalTick[], xMax: number, x: ScaleLinear<number, number>): void;
  /** the bin holding `calls` metric calls, if it has proposals */
  binAt(calls: number): DensityBin | undefined;
  highlight(bin: DensityBin | null, x: ScaleLinear<number, number>): void;
}

/** Stacked bars (rejected on top of accepted) as two path strings. */
function barPaths(bins: readonly DensityBin[], bx: (x: number) => number, by: (n: number) => number) {
  let accepted = '';
  let rejected = '';
  for (const b of bins) {
    const x0 = bx(b.x0) + 0.5;
    const w = Math.max(1, bx(b.x1) - bx(b.x0) - 1);
    const ya = by(b.accepted);
    const yr = by(b.accepted + b.rejected);
    if (b.accepted) accepted += `M${x0},${by(0)}V${ya}h${w}V${by(0)}Z`;
    if (b.rejected) rejected += `M${x0},${ya}V${yr}h${w}V${ya}Z`;
  }
  return { accepted, rejected };
}

export function createDensityStrip(parent: Selection<SVGGElement, unknown, null, undefined>): DensityStrip {
  const strip = parent.append('g').attr('class', 'sc-density').style('display', 'none');
  const axis = strip.append('g').attr('class', 'sc-axis');
  const rejected = strip.append('path').attr('class', 'sc-bar rejected');
  const accepted = strip.append('path').attr('class', 'sc-bar accepted');
  const hoverBar = strip
    .append('rect')
    .attr('class', 'sc-bar-hover')
    .attr('y', 0)
    .attr('height', STRIP.height)
    .style('display', 'none');
  let bins: DensityBin[] = [];
  let tallest = 0;

  return {
    place(top) {
      if (top === null) strip.style('display', 'none');
      else strip.style('display', 'inline').attr('transform', `translate(0,${top})`);
    },
    draw(ticks, xMax, x) {
      const [x0, x1] = x.range() as [number, number];
      bins = binProposals(ticks, binWidth(xMax, Math.floor((x1 - x0) / BIN_PX)));
      const most = Math.max(1, ...bins.map((b) => b.accepted + b.rejected));
      const by = scaleLinear().domain([0, most]).range([STRIP.height, 0]);
      const paths = barPaths(bins, x, by);
      accepted.attr('d', paths.accepted);
      rejected.attr('d', paths.rejected);
      // the tallest bar's count gives the scale (a bin's range is in its tooltip); redrawn only when it changes
      if (most !== tallest) axis.call(axisLeft(by).tickValues([most]).tickFormat(String).tickSizeOuter(0));
      tallest = most;
    },
    binAt: (calls) => bins.find((b) => b.x0 <= calls && calls < b.x1),
    highlight(bin, x) {
      if (!bin) hoverBar.style('display', 'none');
      else
        hoverBar
          .style('display', null)
          .attr('x', x(bin.x0))
          .attr('width', Math.max(2, x(bin.x1) - x(bin.x0)));
    },
  };
}
