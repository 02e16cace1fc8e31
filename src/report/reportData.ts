// What the report page draws, prepared from an exported run (the fold of a live, stored or imported
// run's events, or a CLI result file): the lineage layout, the proposals with their word diffs, the
// per-example scores, the config without secrets and the usage. Everything heavy (layout, diffs) is
// done here, once, so the page only draws. Long LM texts (reflection prompts and replies, per-example
// outputs) are cut at a limit, saying so, to keep a 1,000-candidate report small enough to open fast;
// candidate texts are never cut, since they are what the report is for.
import type { ExportedRun } from '../run/exportFormat.ts';
import type { UsageSnapshot } from '../run/runEvent.ts';
import type { RunSummary } from '../engine/index.ts';
import { layoutTree } from './treeLayout.ts';
import { wordDiff } from './textDiff.ts';
import type { DiffPart } from './textDiff.ts';
import { reportConfig } from './reportConfig.ts';

export type ReportSection = 'tree' | 'chart' | 'texts' | 'proposals' | 'matrix' | 'config';

export const ALL_SECTIONS: readonly ReportSection[] = ['tree', 'chart', 'texts', 'proposals', 'matrix', 'config'];

export interface ReportLimits {
  /** a reflection prompt's or reply's characters kept */
  lmText: number;
  /** a per-example output's or example's characters kept */
  exampleText: number;
}

export const DEFAULT_LIMITS: ReportLimits = { lmText: 20_000, exampleText: 2_000 };

export interface ReportCandidate {
  idx: number;
  parents: number[];
  score: number;
  origin: string;
  iteration: number;
  calls: number;
  texts: Record<string, string>;
  /** per val example, in `examples` order */
  scores: number[];
  /** per val example; empty in a tree-only report */
  outputs: string[];
}

export interface ReportProposal {
  id: number;
  iteration: number;
  kind: string;
  component: string;
  status: string;
  reason: string;
  /** the accepted child's index, -1 otherwise */
  candidate: number;
  parents: number[];
  before: number | null;
  after: number | null;
  calls: number;
  diff: DiffPart[];
  prompt: string;
  raw: string;
}

export interface ReportData {
  title: string;
  generatedAt: string;
  sections: ReportSection[];
  run: {
    runId: string | null;
    status: string;
    statusMessage: string;
    iterations: number;
    metricCalls: number;
    cap: number | null;
    trainCount: number;
    bestIdx: number;
  };
  candidates: ReportCandidate[];
  tree: { positions: [number, number][]; depths: number[]; width: number; height: number };
  /** [metric calls, best score, Pareto aggregate] per score point */
  scores: [number, number, number][];
  proposals: ReportProposal[];
  examples: { id: string; text: string }[];
  /** candidates on the Pareto front per val example */
  front: number[][];
  /** per component: the seed's text against the best's */
  bestDiff: Record<string, DiffPart[]>;
  config: Record<string, unknown> | null;
  usage: UsageSnapshot | null;
  summary: RunSummary | null;
  /** how many texts were cut at the limits */
  cut: number;
}

function bestIndex(run: ExportedRun): number {
  const flagged = run.candidates.findIndex((c) => c?.row.isBest);
  if (run.summary) return run.summary.bestCandidateIdx;
  if (run.result) return run.result.best_idx;
  if (flagged >= 0) return flagged;
  let best = 0;
  run.candidates.forEach(
    (c, i) => c && c.row.valsetScore > (run.candidates[best]?.row.valsetScore ?? -1) && (best = i),
  );
  return best;
}

export function buildReportData(
  run: ExportedRun,
  options: { sections?: readonly ReportSection[]; limits?: ReportLimits; now?: Date; title?: string | undefined } = {},
): ReportData {
  const sections = [...(options.sections ?? ALL_SECTIONS)];
  const limits = options.limits ?? DEFAULT_LIMITS;
  const wants = (s: ReportSection) => sections.includes(s);
  let cut = 0;
  const clip = (text: string, max: number): string => {
    if (text.length <= max) return text;
    cut++;
    return `${text.slice(0, max)}\n… [${text.length - max} more characters: see the run's JSON export]`;
  };

  const present = run.candidates.filter((c) => c !== undefined);
  const candidates = present.map((c): ReportCandidate => ({
    idx: c.row.candidateIdx,
    parents: c.row.parentIds,
    score: c.row.valsetScore,
    origin: c.row.origin,
    iteration: c.row.iteration,
    calls: c.row.metricCallsAtDiscovery,
    texts: c.row.texts,
    scores: c.valScores,
    outputs: wants('matrix') ? c.outputs.map((o) => clip(String(o), limits.exampleText)) : [],
  }));
  const best = bestIndex(run);
  const seedTexts = candidates[0]?.texts ?? {};
  const bestTexts = candidates.find((c) => c.idx === best)?.texts ?? seedTexts;
  const bestDiff = Object.fromEntries(
    Object.keys(bestTexts).map((k) => [k, wordDiff(seedTexts[k] ?? '', bestTexts[k] ?? '')]),
  );

  return {
    title: options.title || run.config?.name || 'GEPA run',
    generatedAt: (options.now ?? new Date()).toISOString(),
    sections,
    run: {
      runId: run.runId,
      status: run.status,
      statusMessage: run.statusMessage,
      iterations: run.summary?.totalIterations ?? run.budget.iteration,
      metricCalls: run.summary?.totalMetricCalls ?? run.budget.used,
      cap: run.budget.cap,
      trainCount: run.trainCount,
      bestIdx: best,
    },
    candidates,
    tree: layoutTree(candidates.map((c) => ({ idx: c.idx, parentIds: c.parents }))),
    scores: wants('chart') ? run.scores.map((p) => [p.metricCalls, p.bestScore, p.paretoAggregate]) : [],
    proposals: wants('proposals')
      ? run.proposals.map((p) => ({
          id: p.proposalId,
          iteration: p.iteration,
          kind: p.kind,
          component: p.component,
          status: p.status,
          reason: p.reason,
          candidate: p.candidateIdx,
          parents: p.parentIds,
          before: p.subsampleScoreBefore,
          after: p.subsampleScoreAfter,
          calls: p.metricCallsAt,
          diff: wordDiff(p.parentText, p.proposedText),
          prompt: clip(p.prompt, limits.lmText),
          raw: clip(p.rawLmOutput, limits.lmText),
        }))
      : [],
    examples: run.valExamples.map((e) => {
      const { id, ...fields } = e as unknown as Record<string, unknown>;
      return { id: String(id), text: wants('matrix') ? clip(JSON.stringify(fields, null, 1), limits.exampleText) : '' };
    }),
    front: wants('matrix') ? run.front : [],
    bestDiff: wants('texts') ? bestDiff : {},
    config: wants('config') && run.config ? reportConfig(run.config) : null,
    usage: run.usage,
    summary: run.summary,
    cut,
  };
}
