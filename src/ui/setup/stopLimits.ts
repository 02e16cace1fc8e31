// The stop limits of the budget panel (the run config's options.stop): which fields there are, how an edit
// changes the config (an empty field removes its limit; no limit left is no `stop` at all, as an old config
// has), and what the limits add to "what this budget buys".
import type { StopConfig, StopLimit } from '../../run/stopConfig.ts';

export interface StopField {
  key: StopLimit;
  label: string;
  /** said after the field */
  unit: string;
  integer: boolean;
  min: number;
  step?: number;
}

export const STOP_FIELDS: readonly StopField[] = [
  {
    key: 'timeLimitMinutes',
    label: 'Time limit',
    unit: 'minutes of running, checked between iterations',
    integer: false,
    min: 0.01,
    step: 0.25,
  },
  {
    key: 'noImprovementIterations',
    label: 'No improvement',
    unit: 'iterations in a row without a better best score',
    integer: true,
    min: 1,
  },
  {
    key: 'targetScore',
    label: 'Target score',
    unit: 'best val score (the mean over the valset)',
    integer: false,
    min: -Infinity,
    step: 0.05,
  },
  { key: 'maxCandidates', label: 'Max candidates', unit: 'in the pool, the seed included', integer: true, min: 2 },
  { key: 'maxProposals', label: 'Max proposals', unit: 'made, accepted or not', integer: true, min: 1 },
];

const limitsOf = (stop: StopConfig | undefined) => STOP_FIELDS.filter((f) => stop?.[f.key] !== undefined);

/** How many limits the config sets. */
export const stopLimitCount = (stop: StopConfig | undefined): number => limitsOf(stop).length;

/** The config after one field's edit: undefined removes the limit; with none left there is no `stop`. */
export function withStopLimit(
  stop: StopConfig | undefined,
  key: StopLimit,
  value: number | undefined,
): StopConfig | undefined {
  const next: StopConfig = { ...stop };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return stopLimitCount(next) === 0 ? undefined : next;
}

/** The config with another combination ('any' is the default, so it is not written). */
export function withCombine(stop: StopConfig | undefined, combine: 'any' | 'all'): StopConfig | undefined {
  if (!stop) return stop;
  const { combine: _old, ...rest } = stop;
  return combine === 'all' ? { combine: 'all', ...rest } : rest;
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 4 });
const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

/** A time limit as the run's end will say it: seconds below a minute. */
export function minutesText(minutes: number): string {
  return minutes < 1 ? `${fmt(Number((minutes * 60).toFixed(2)))} s` : `${fmt(Number(minutes.toFixed(2)))} min`;
}

function limitText(key: StopLimit, v: number): string {
  switch (key) {
    case 'timeLimitMinutes':
      return `a time limit of ${minutesText(v)}`;
    case 'noImprovementIterations':
      return `${plural(v, 'iteration')} without a better best score`;
    case 'targetScore':
      return `a best val score of ${fmt(v)}`;
    case 'maxCandidates':
      return `${plural(v, 'candidate')}`;
    case 'maxProposals':
      return `${plural(v, 'proposal')}`;
  }
}

/**
 * What the limits add to the budget's explanation. `maxProposals` is the most proposals the budget buys
 * (null when unknown): a proposal limit above it is never reached.
 */
export function explainStopLimits(stop: StopConfig | undefined, maxProposals: number | null): string[] {
  const set = limitsOf(stop);
  if (!stop || set.length === 0) return [];
  const texts = set.map((f) => limitText(f.key, stop[f.key]!));
  const lines =
    set.length === 1
      ? [`The run stops sooner if it reaches ${texts[0]} first; the budget's cap still holds.`]
      : stop.combine === 'all'
        ? [`The run stops sooner only once all of these hold: ${texts.join(', ')}; otherwise the budget ends it.`]
        : [`The run stops sooner at whichever comes first: ${texts.join(', ')}; the budget's cap still holds.`];
  if (stop.maxProposals !== undefined && maxProposals !== null && stop.maxProposals > maxProposals)
    lines.push(
      `This budget buys at most ${plural(maxProposals, 'reflective proposal')}, so the limit of ` +
        `${fmt(stop.maxProposals)} proposals will likely not be what ends the run.`,
    );
  return lines;
}
