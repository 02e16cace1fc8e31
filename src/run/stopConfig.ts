// The run config's stop conditions (`options.stop`): limits that end a run before its budget is spent, as the
// seeds list them (a time limit, no improvement for N iterations, a target score, at most N candidates or
// proposals), combined with 'any' (the first one reached ends the run; the default) or 'all' (every one).
// The budget stays a hard cap whatever the combination, and a host's own conditions (the CLI's stop file,
// the studio's pause) always end a run on their own. A config without `stop` runs as before.
import type { StopCondition } from '../engine/index.ts';

export interface StopConfig {
  /** 'any' (default): the first limit reached ends the run; 'all': only once every limit is reached */
  combine?: 'any' | 'all';
  /** wall-clock minutes, all sessions of a resumed run counted */
  timeLimitMinutes?: number;
  /** iterations in a row without a better best val score */
  noImprovementIterations?: number;
  /** best val score (the mean over the valset) at which the run ends */
  targetScore?: number;
  /** candidates in the pool, the seed included */
  maxCandidates?: number;
  /** proposals made (reflective and merge), accepted or not */
  maxProposals?: number;
}

export type StopLimit = Exclude<keyof StopConfig, 'combine'>;

export const STOP_LIMITS: readonly StopLimit[] = [
  'timeLimitMinutes',
  'noImprovementIterations',
  'targetScore',
  'maxCandidates',
  'maxProposals',
];

const FIELD = 'options.stop';

/**
 * Checks `options.stop` (undefined: no limits); returns it with only its set limits, or undefined when it sets
 * none. `fail` builds the caller's field-named error.
 */
export function validateStopConfig(
  raw: unknown,
  fail: (field: string, message: string) => Error,
): StopConfig | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw fail(FIELD, `must be an object with any of combine, ${STOP_LIMITS.join(', ')}`);
  const r = raw as Record<string, unknown>;
  for (const k of Object.keys(r))
    if (k !== 'combine' && !(STOP_LIMITS as readonly string[]).includes(k))
      throw fail(`${FIELD}.${k}`, `unknown stop condition (one of combine, ${STOP_LIMITS.join(', ')})`);
  if (r.combine !== undefined && r.combine !== 'any' && r.combine !== 'all')
    throw fail(`${FIELD}.combine`, "must be 'any' or 'all'");
  const out: StopConfig = {};
  const positive = (k: StopLimit, integer: boolean) => {
    const v = r[k];
    if (v === undefined || v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v)))
      throw fail(`${FIELD}.${k}`, integer ? 'must be a positive integer' : 'must be a positive number');
    out[k] = v;
  };
  positive('timeLimitMinutes', false);
  positive('noImprovementIterations', true);
  if (r.targetScore !== undefined && r.targetScore !== null) {
    if (typeof r.targetScore !== 'number' || !Number.isFinite(r.targetScore))
      throw fail(`${FIELD}.targetScore`, 'must be a number');
    out.targetScore = r.targetScore;
  }
  positive('maxCandidates', true);
  positive('maxProposals', true);
  if (out.maxCandidates === 1)
    throw fail(`${FIELD}.maxCandidates`, 'must be at least 2 (the seed is the first candidate)');
  if (!STOP_LIMITS.some((k) => out[k] !== undefined)) return undefined;
  return r.combine === 'all' ? { combine: 'all', ...out } : out;
}

/** The engine's stop condition for the config's limits, or null when it sets none. */
export function stopConditionFor(stop: StopConfig | undefined): StopCondition | null {
  if (!stop) return null;
  const conditions: StopCondition[] = [];
  if (stop.timeLimitMinutes !== undefined) conditions.push({ kind: 'timeout', ms: stop.timeLimitMinutes * 60_000 });
  if (stop.noImprovementIterations !== undefined)
    conditions.push({ kind: 'noImprovement', iterations: stop.noImprovementIterations });
  if (stop.targetScore !== undefined) conditions.push({ kind: 'scoreThreshold', threshold: stop.targetScore });
  if (stop.maxCandidates !== undefined) conditions.push({ kind: 'maxCandidates', count: stop.maxCandidates });
  if (stop.maxProposals !== undefined) conditions.push({ kind: 'maxProposals', count: stop.maxProposals });
  if (conditions.length === 0) return null;
  return { kind: stop.combine === 'all' ? 'all' : 'any', conditions };
}

/** The limits the config sets, in words ("a time limit of 0.25 min", "a target score of 0.9"), in STOP_LIMITS order. */
export function describeStopLimits(stop: StopConfig | undefined): string[] {
  if (!stop) return [];
  const n = (v: number, one: string, many = `${one}s`) => `${v} ${v === 1 ? one : many}`;
  const words: Record<StopLimit, (v: number) => string> = {
    timeLimitMinutes: (v) => `a time limit of ${n(v, 'minute')}`,
    noImprovementIterations: (v) => `${n(v, 'iteration')} in a row without a better best score`,
    targetScore: (v) => `a best val score of ${v}`,
    maxCandidates: (v) => `${n(v, 'candidate')} in the pool (the seed included)`,
    maxProposals: (v) => `${n(v, 'proposal')} made`,
  };
  return STOP_LIMITS.flatMap((k) => (stop[k] === undefined ? [] : [words[k](stop[k])]));
}

/**
 * What `optimize` takes for the config's limits (buildRun spreads it into the options): the stop condition, and
 * a monotonic clock when a time limit needs one (the engine reads no clock of its own).
 */
export function stopOptions(
  stop: StopConfig | undefined,
  clock: () => number = () => performance.now(),
): { stopConditions?: StopCondition[]; clock?: () => number } {
  const condition = stopConditionFor(stop);
  if (!condition) return {};
  return { stopConditions: [condition], ...(stop?.timeLimitMinutes !== undefined ? { clock } : {}) };
}
