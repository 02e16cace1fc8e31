// What a budget buys, said before the run: the metric-call cap (resolved exactly as the engine does),
// how many full valset evaluations that is, and how many reflective proposals fit after the seed is
// scored. The engine starts an iteration only if its worst case (parent and child on the minibatch,
// child on the valset) is affordable, so an accepted proposal costs 2·minibatch + valset calls and a
// rejected one 2·minibatch: the proposal count is a range between those two cases. With several
// proposals per round, the rounds are counted too (budgetRounds.ts); the stop limits that may end the run
// sooner are said last (stopLimits.ts).
import {
  AUTO_RUN_SETTINGS,
  errorMessage,
  reflectiveIterationCost,
  resolveMetricCallBudget,
} from '../../engine/index.ts';
import type { BudgetConfig } from '../../run/runConfig.ts';
import type { StopConfig } from '../../run/stopConfig.ts';
import { explainStopLimits } from './stopLimits.ts';
import { roundRange } from './budgetRounds.ts';
import type { RoundRange, RoundShape } from './budgetRounds.ts';

export interface BudgetInputs {
  budget: BudgetConfig;
  trainSize: number;
  valSize: number;
  numComponents: number;
  minibatchSize: number;
  /** proposals per round and how many a round may keep (default: one, kept if it improves) */
  perRound?: RoundShape;
  /** the limits that may end the run before its budget (options.stop) */
  stop?: StopConfig;
}

export interface BudgetExplanation {
  /** the metric-call cap, or null when it cannot be computed (no valset, invalid value) */
  cap: number | null;
  /** plain sentences describing what the budget buys */
  lines: string[];
  /** problems worth fixing before starting */
  warnings: string[];
  /** the seed cannot even be scored: the engine would refuse to start */
  blocking: boolean;
}

/** Proposals wanted at the very least for a run to be worth starting. */
const MIN_USEFUL_PROPOSALS = 3;

const fmt = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

/** Proposals that fit in what is left after the seed: [all accepted, all rejected]. */
export function proposalRange(remaining: number, minibatchSize: number, valSize: number): { min: number; max: number } {
  const worst = reflectiveIterationCost(minibatchSize, valSize);
  if (remaining < worst) return { min: 0, max: 0 };
  // an iteration starts only while its worst case is affordable, whatever the earlier ones cost
  const min = Math.floor(remaining / worst);
  const max = minibatchSize > 0 ? Math.max(min, Math.floor((remaining - valSize) / (2 * minibatchSize))) : min;
  return { min, max };
}

/** The smallest cap that leaves room for `proposals` accepted proposals after the seed. */
export function budgetFor(proposals: number, minibatchSize: number, valSize: number): number {
  return valSize + proposals * reflectiveIterationCost(minibatchSize, valSize);
}

/** How the cap was reached, then what it buys in full valset evaluations. */
function capLines(i: BudgetInputs, cap: number, evalText: string): string[] {
  const b = i.budget;
  if ('maxMetricCalls' in b) return [`${plural(cap, 'metric call')} = ${evalText}.`];
  const how =
    'auto' in b
      ? `Auto (${b.auto}) = ${plural(cap, 'metric call')} (dspy's formula for ` +
        `${plural(i.numComponents, 'component')}, ${AUTO_RUN_SETTINGS[b.auto].n} candidates and this valset).`
      : `${plural(b.maxFullEvals, 'full evaluation')} × (${fmt(i.trainSize)} train + ${fmt(i.valSize)} val ` +
        `examples) = ${plural(cap, 'metric call')}.`;
  return [how, `That is ${evalText}.`];
}

/** The warning when too few proposals are guaranteed for GEPA to improve anything. */
function fewProposals(min: number, minibatchSize: number, V: number): string[] {
  if (min >= MIN_USEFUL_PROPOSALS) return [];
  const neededCalls = plural(budgetFor(MIN_USEFUL_PROPOSALS, minibatchSize, V), 'metric call');
  const needed = `${MIN_USEFUL_PROPOSALS} proposals take at least ${neededCalls}; a smaller valset also helps.`;
  if (min === 0) return [`The run would only score the seed prompt. ${needed}`];
  return [
    `Only ${plural(min, 'proposal')} ${min === 1 ? 'is' : 'are'} guaranteed: ` +
      `GEPA needs several to improve anything. ${needed}`,
  ];
}

export function explainBudget(i: BudgetInputs): BudgetExplanation {
  if (i.valSize < 1)
    return { cap: null, lines: ['Load a dataset to see what this budget buys.'], warnings: [], blocking: false };
  let cap: number;
  try {
    const cappedBy = resolveMetricCallBudget({
      ...i.budget,
      hasStopConditions: false,
      numComponents: i.numComponents,
      trainsetSize: i.trainSize,
      valsetSize: i.valSize,
      valsetProvided: true,
    });
    if (cappedBy === null) return { cap: null, lines: [], warnings: [], blocking: true };
    cap = cappedBy;
  } catch (err) {
    return { cap: null, lines: [], warnings: [errorMessage(err)], blocking: true };
  }
  const V = i.valSize;
  const evals = cap / V;
  const evalCount = Number.isInteger(evals) ? fmt(evals) : `about ${evals.toFixed(1)}`;
  const evalText = `${evalCount} full evaluations of the ${fmt(V)}-example valset`;
  const lines = capLines(i, cap, evalText);
  if (cap < V) {
    return {
      cap,
      lines,
      warnings: [
        `This budget cannot even score the seed prompt: that alone takes ${plural(V, 'metric call')}. ` +
          `Raise it to at least ${fmt(budgetFor(MIN_USEFUL_PROPOSALS, i.minibatchSize, V))} or shrink the valset.`,
      ],
      blocking: true,
    };
  }
  const perRound = i.perRound ?? { proposals: 1, kept: 1 };
  const rounds = roundRange(cap - V, i.minibatchSize, V, perRound);
  const { min, max } =
    perRound.proposals > 1
      ? { min: rounds.minProposals, max: rounds.maxProposals }
      : proposalRange(cap - V, i.minibatchSize, V);
  const perAccepted = reflectiveIterationCost(i.minibatchSize, V);
  lines.push(
    max === 0
      ? `Scoring the seed takes ${fmt(V)}; nothing is left for a proposal (one needs up to ${fmt(perAccepted)}).`
      : `Scoring the seed takes ${fmt(V)}; the rest buys ` +
          `${min === max ? plural(min, 'proposal') : `${fmt(min)}–${fmt(max)} proposals`} ` +
          `(${fmt(perAccepted)} calls for an accepted one: 2 × ${fmt(i.minibatchSize)} minibatch + ${fmt(V)} ` +
          `valset; ${fmt(2 * i.minibatchSize)} for a rejected one).`,
  );
  if (perRound.proposals > 1 && max > 0) lines.push(roundsLine(perRound, rounds, i.minibatchSize, V));
  lines.push(...explainStopLimits(i.stop, max));
  const warnings = fewProposals(min, i.minibatchSize, V);
  if (!warnings.length && perRound.proposals > 1 && rounds.minRounds < MIN_USEFUL_PROPOSALS)
    warnings.push(
      `Only ${plural(rounds.minRounds, 'round')} ${rounds.minRounds === 1 ? 'is' : 'are'} guaranteed at ` +
        `${fmt(perRound.proposals)} proposals per round, and each round builds on the accepted proposals of the ` +
        `last: fewer proposals per round or a larger budget buy more rounds.`,
    );
  return { cap, lines, warnings, blocking: false };
}

/** How the proposals group into rounds, and what a round spends before any proposal is accepted. */
function roundsLine(shape: RoundShape, r: RoundRange, minibatchSize: number, V: number): string {
  const count =
    r.minRounds === r.maxRounds ? plural(r.minRounds, 'round') : `${fmt(r.minRounds)}–${fmt(r.maxRounds)} rounds`;
  return (
    `At ${fmt(shape.proposals)} proposals per round that is ${count}: a round spends ` +
    `${fmt(shape.proposals * 2 * minibatchSize)} calls on minibatches before any proposal is accepted, then ` +
    `${fmt(V)} for each one it keeps (up to ${fmt(shape.kept)}).`
  );
}

export type BudgetMode = 'auto' | 'maxMetricCalls' | 'maxFullEvals';

export function budgetMode(b: BudgetConfig): BudgetMode {
  return 'auto' in b ? 'auto' : 'maxMetricCalls' in b ? 'maxMetricCalls' : 'maxFullEvals';
}

/** The budget in another mode, worth about the same number of metric calls when that is known. */
export function switchBudgetMode(mode: BudgetMode, cap: number | null, examples: number): BudgetConfig {
  if (mode === 'auto') return { auto: 'light' };
  if (mode === 'maxMetricCalls') return { maxMetricCalls: cap ?? 300 };
  return { maxFullEvals: cap !== null && examples > 0 ? Math.max(1, Math.round(cap / examples)) : 5 };
}
