// The score chart's density view of minibatch outcomes: once proposals are too many to draw one tick
// each (thousands of ticks are a solid wall), they are counted per x-range of metric calls — accepted and
// rejected per bin, drawn as stacked bars under the score plot — so the rate of adoption over the run
// stays readable. Bins have a round width, so they stay put as the run grows (until the axis rescales).
import type { ProposalTick } from './scoreChartData.ts';
import { formatScore } from '../common/format.ts';

export interface DensityBin {
  /** metric calls from x0 (inclusive) to x1 (exclusive) */
  x0: number;
  x1: number;
  accepted: number;
  rejected: number;
  /** the first proposal in the bin, what a click opens */
  firstId: number;
  /** mean minibatch score change (after − before) over the bin's proposals */
  meanGain: number;
}

/** Pixels of plot width per tick above which ticks are drawn one by one. */
const PX_PER_TICK = 4;

/** Whether `ticks` ticks are too many for a plot `width` pixels wide. */
export function isDense(ticks: number, width: number): boolean {
  return ticks > width / PX_PER_TICK;
}

/** The smallest round width (1, 2, 2.5 or 5 × 10ⁿ, at least 1) that splits [0, xMax] into at most `bins` bins. */
export function binWidth(xMax: number, bins: number): number {
  const want = Math.max(1, xMax / Math.max(1, bins));
  const magnitude = 10 ** Math.floor(Math.log10(want));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((v) => v >= want) ?? 10 * magnitude;
}

/** Counts per bin from 0 to the last tick's bin; bins without proposals are left out. */
export function binProposals(ticks: readonly ProposalTick[], width: number): DensityBin[] {
  const bins = new Map<number, DensityBin & { gain: number }>();
  for (const t of ticks) {
    const i = Math.floor(t.x / width);
    let bin = bins.get(i);
    if (!bin) {
      bin = { x0: i * width, x1: (i + 1) * width, accepted: 0, rejected: 0, firstId: t.id, meanGain: 0, gain: 0 };
      bins.set(i, bin);
    }
    if (t.accepted) bin.accepted++;
    else bin.rejected++;
    bin.gain += t.after - t.before;
    if (t.id < bin.firstId) bin.firstId = t.id;
  }
  return [...bins.values()]
    .sort((a, b) => a.x0 - b.x0)
    .map(({ gain, ...bin }) => ({ ...bin, meanGain: gain / (bin.accepted + bin.rejected) }));
}

/** The tooltip lines for a hovered bin. */
export function describeBin(bin: DensityBin): string[] {
  const n = bin.accepted + bin.rejected;
  const gain = `${bin.meanGain >= 0 ? '+' : '−'}${formatScore(Math.abs(bin.meanGain))}`;
  return [
    `${n} proposal${n === 1 ? '' : 's'} at ${bin.x0.toLocaleString('en')}–${bin.x1.toLocaleString('en')} metric calls`,
    `${bin.accepted} accepted · ${bin.rejected} rejected`,
    `mean minibatch change ${gain} · click to open the first`,
  ];
}
