// The sequential colour scale for scores, shared by the lineage (val scores) and the matrix
// (per-example scores): pale for low, dark blue for high. The palette's palest end is cut off so a
// low score still shows against the white panel.
import { hsl, interpolateYlGnBu, scaleSequential } from 'd3';

const interpolate = (t: number) => interpolateYlGnBu(0.15 + 0.85 * t);

export type ScoreDomain = [number, number];

/** The observed range of scores, at least `minSpan` wide (so one score is not a full-scale gradient), within [0, 1]. */
export function scoreDomain(scores: Iterable<number>, minSpan = 0.1): ScoreDomain {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (!Number.isFinite(s)) continue;
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if (lo > hi) return [0, 1];
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = Math.max(0, Math.min(mid - minSpan / 2, 1 - minSpan));
    hi = lo + minSpan;
  }
  return [lo, hi];
}

/**
 * The domain widened to multiples of `step`: a live run's range then changes a few times, not with
 * every new best score (each change recolours every mark), and its ends read as round numbers.
 */
export function roundDomain([lo, hi]: ScoreDomain, step = 0.05): ScoreDomain {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return [round(Math.floor(round(lo / step)) * step), round(Math.ceil(round(hi / step)) * step)];
}

export function scoreColor(domain: ScoreDomain): (score: number) => string {
  return scaleSequential(interpolate).domain(domain).clamp(true);
}

/** Dark text on light fills, white on dark ones. */
export function labelColorOn(fill: string): string {
  return hsl(fill).l > 0.55 ? '#1d2330' : '#ffffff';
}

/** A CSS linear-gradient for a legend bar. */
export function legendGradient(stops = 8): string {
  const parts = Array.from({ length: stops }, (_, i) => {
    const t = i / (stops - 1);
    return `${interpolate(t)} ${Math.round(t * 100)}%`;
  });
  return `linear-gradient(to right, ${parts.join(', ')})`;
}
