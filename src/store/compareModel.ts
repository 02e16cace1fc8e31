// The comparison of two runs, as the compare view shows it, from two exported runs (so live, stored and
// imported runs compare the same way): the settings that differ (the report's config: no dataset rows, no
// secrets), each run's best score and its best-score-over-metric-calls line, the two best prompts as word
// diffs per component, and per-example wins and losses of the two best candidates on the val examples
// both runs scored. Pure: no DOM, no storage.
import type { CandidateRow } from '../engine/index.ts';
import type { CandidateExport, ExportedRun } from '../run/exportFormat.ts';
import type { RunStatus } from '../run/runEvent.ts';
import { reportConfig } from '../report/reportConfig.ts';
import { wordDiff } from '../report/textDiff.ts';
import type { DiffPart } from '../report/textDiff.ts';
import { expectedAnswer, exampleInputs } from '../tasks/datasets/example.ts';
import type { Example } from '../tasks/types.ts';

export type Side = 'a' | 'b';

/** A run to compare: the export-shaped run and the name the history shows. */
export interface CompareInput {
  name: string;
  run: ExportedRun;
  /** where the run came from, when not from this studio (e.g. "imported from run.json") */
  origin?: string;
}

export interface CurvePoint {
  x: number;
  y: number;
}

export interface RunSideSummary {
  name: string;
  origin: string | null;
  runId: string | null;
  status: RunStatus;
  /** the best candidate's val score; null before the seed's */
  bestScore: number | null;
  bestIdx: number | null;
  candidates: number;
  metricCalls: number;
  cap: number | null;
  costUsd: number | null;
  /** best val score over metric calls, one point where it changes, run on to the calls spent */
  curve: CurvePoint[];
  /** every candidate at the calls it was found and its val score */
  points: (CurvePoint & { idx: number; origin: CandidateRow['origin'] })[];
}

export interface SettingDiff {
  /** dotted path into the config, e.g. options.reflectionMinibatchSize */
  path: string;
  /** the value as JSON text; undefined when that run's config has no such field */
  a: string | undefined;
  b: string | undefined;
}

export interface PromptDiff {
  component: string;
  a: string | undefined;
  b: string | undefined;
  /** a's text → b's text, word by word */
  parts: DiffPart[];
  same: boolean;
}

export type Outcome = 'a' | 'b' | 'tie';

export interface ExampleOutcome {
  /** the example's id, or its input text when matched by input */
  key: string;
  idA: string;
  idB: string;
  input: string;
  expected: string | undefined;
  scoreA: number;
  scoreB: number;
  outputA: string;
  outputB: string;
  winner: Outcome;
}

export interface ExampleComparison {
  /** 'id': both runs' datasets map an id field; otherwise examples match by their input text */
  matchedBy: 'id' | 'input';
  shared: ExampleOutcome[];
  winsA: number;
  winsB: number;
  ties: number;
  /** val examples only one run scored */
  onlyA: number;
  onlyB: number;
}

export interface Comparison {
  a: RunSideSummary;
  b: RunSideSummary;
  /** only the fields that differ, in path order */
  settings: SettingDiff[];
  /** fields both configs hold with the same value */
  sameSettings: number;
  /** a run without a config (an old export) has no settings to compare */
  settingsKnown: boolean;
  prompts: PromptDiff[];
  examples: ExampleComparison;
  /** the right end of a shared x axis: the most metric calls either run spent */
  maxCalls: number;
}

/** The best candidate: the one flagged best, else the highest val score (the lowest index on a tie). */
export function bestCandidate(run: ExportedRun): CandidateExport | null {
  let best: CandidateExport | null = null;
  for (const c of run.candidates) {
    if (!c) continue;
    if (c.row.isBest) return c;
    if (!best || c.row.valsetScore > best.row.valsetScore) best = c;
  }
  return best;
}

function curveOf(run: ExportedRun): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (const p of run.scores) {
    if (out.length === 0 || out[out.length - 1]!.y !== p.bestScore) out.push({ x: p.metricCalls, y: p.bestScore });
  }
  const last = out[out.length - 1];
  if (last && run.budget.used > last.x) out.push({ x: run.budget.used, y: last.y });
  return out;
}

function sideOf({ name, run, origin }: CompareInput): RunSideSummary {
  const best = bestCandidate(run);
  return {
    name,
    origin: origin ?? null,
    runId: run.runId,
    status: run.status,
    bestScore: best ? best.row.valsetScore : null,
    bestIdx: best ? best.row.candidateIdx : null,
    candidates: run.candidates.filter(Boolean).length,
    metricCalls: run.budget.used,
    cap: run.budget.cap,
    costUsd: run.usage ? run.usage.total.costUsd : null,
    curve: curveOf(run),
    points: run.candidates.filter(Boolean).map((c) => ({
      idx: c.row.candidateIdx,
      x: c.row.metricCallsAtDiscovery,
      y: c.row.valsetScore,
      origin: c.row.origin,
    })),
  };
}

/** Leaves of a JSON value as dotted paths (array items as [i]) with their values as JSON text. */
export function flattenConfig(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '[]');
    value.forEach((v, i) => flattenConfig(v, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0 && path) out.set(path, '{}');
    for (const [k, v] of entries) flattenConfig(v, path ? `${path}.${k}` : k, out);
  } else if (value !== undefined) out.set(path, JSON.stringify(value));
  return out;
}

function settingsOf(a: ExportedRun, b: ExportedRun): Pick<Comparison, 'settings' | 'sameSettings' | 'settingsKnown'> {
  if (!a.config || !b.config) return { settings: [], sameSettings: 0, settingsKnown: false };
  const fa = flattenConfig(reportConfig(a.config));
  const fb = flattenConfig(reportConfig(b.config));
  const paths = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  const settings: SettingDiff[] = [];
  let same = 0;
  for (const path of paths) {
    const va = fa.get(path);
    const vb = fb.get(path);
    if (va === vb) same++;
    else settings.push({ path, a: va, b: vb });
  }
  return { settings, sameSettings: same, settingsKnown: true };
}

function promptsOf(a: ExportedRun, b: ExportedRun): PromptDiff[] {
  const ta = bestCandidate(a)?.row.texts ?? {};
  const tb = bestCandidate(b)?.row.texts ?? {};
  const components = [...new Set([...Object.keys(ta), ...Object.keys(tb)])];
  return components.map((component) => {
    const va = ta[component];
    const vb = tb[component];
    return { component, a: va, b: vb, parts: wordDiff(va ?? '', vb ?? ''), same: va === vb };
  });
}

/** An example's input fields as one text (field order does not matter), the key when ids cannot be trusted. */
export function inputText(example: Example): string {
  const inputs = exampleInputs(example);
  return Object.keys(inputs)
    .sort()
    .map((k) => {
      const v = inputs[k];
      return typeof v === 'string' ? v : JSON.stringify(v);
    })
    .join('\n');
}

function examplesOf(a: ExportedRun, b: ExportedRun): ExampleComparison {
  // without a mapped id field, ids are row numbers (row-<n>): the same id may be another example
  const byId = !!a.config?.dataset.mapping.id && !!b.config?.dataset.mapping.id;
  const keyOf = (e: Example) => (byId ? e.id : inputText(e));
  const bestA = bestCandidate(a);
  const bestB = bestCandidate(b);
  const indexB = new Map<string, number>();
  b.valExamples.forEach((e, i) => {
    const k = keyOf(e);
    if (!indexB.has(k)) indexB.set(k, i);
  });
  const shared: ExampleOutcome[] = [];
  const seen = new Set<string>();
  let winsA = 0;
  let winsB = 0;
  let ties = 0;
  a.valExamples.forEach((ea, i) => {
    const key = keyOf(ea);
    const j = indexB.get(key);
    if (j === undefined || seen.has(key)) return;
    seen.add(key);
    const scoreA = bestA?.valScores[i];
    const scoreB = bestB?.valScores[j];
    // a run that has not scored its val examples yet has nothing to win or lose
    if (scoreA === undefined || scoreB === undefined) return;
    const winner: Outcome = scoreA > scoreB ? 'a' : scoreB > scoreA ? 'b' : 'tie';
    if (winner === 'a') winsA++;
    else if (winner === 'b') winsB++;
    else ties++;
    shared.push({
      key,
      idA: ea.id,
      idB: b.valExamples[j]!.id,
      input: inputText(ea),
      expected: expectedAnswer(ea),
      scoreA,
      scoreB,
      outputA: bestA?.outputs[i] ?? '',
      outputB: bestB?.outputs[j] ?? '',
      winner,
    });
  });
  return {
    matchedBy: byId ? 'id' : 'input',
    shared,
    winsA,
    winsB,
    ties,
    onlyA: a.valExamples.length - seen.size,
    onlyB: b.valExamples.length - seen.size,
  };
}

export function compareRuns(a: CompareInput, b: CompareInput): Comparison {
  return {
    a: sideOf(a),
    b: sideOf(b),
    ...settingsOf(a.run, b.run),
    prompts: promptsOf(a.run, b.run),
    examples: examplesOf(a.run, b.run),
    maxCalls: Math.max(a.run.budget.used, b.run.budget.used, 0),
  };
}
