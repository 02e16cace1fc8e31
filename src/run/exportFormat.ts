// The exported run: one JSON document the studio downloads and imports (read-only) and the CLI writes.
// `result` uses the reference GEPAResult.to_dict() field names, so Python users load it as they would a
// GEPAResult dict; the rest (config, candidates with their per-example scores and outputs, proposals,
// score history, usage) lets the studio show an imported run with the same views as a live one.
// Invariants: an export never holds an API key, even if one was put in the config by mistake; parsing
// a bad file fails with a message naming the file and the field that is wrong.
import type { CandidateRow, GepaResultDict, ProposalRow, RunSummary } from '../engine/index.ts';
import type { CandidateObjectives, RunStatus, ScorePoint, UsageSnapshot } from './runEvent.ts';
import type { Example } from '../tasks/types.ts';
import type { ModelConfig, RunConfig } from './runConfig.ts';
import { RunConfigError, validateRunConfig } from './runConfig.ts';
import { errorMessage } from '../engine/index.ts';

export const EXPORT_FORMAT = 'gepa-studio-run';
export const EXPORT_VERSION = 1;

export interface CandidateExport {
  row: CandidateRow;
  /** per val example, in valExamples order */
  valScores: number[];
  outputs: string[];
  /** only when the metric returned objective scores (exports made before objectives were kept lack it) */
  objectives?: CandidateObjectives;
}

/** The run as the views need it; the run store's data fits this shape. */
export interface ExportedRun {
  runId: string | null;
  status: RunStatus;
  statusMessage: string;
  config: RunConfig | null;
  result: GepaResultDict | null;
  candidates: CandidateExport[];
  proposals: ProposalRow[];
  /** programs on the Pareto front, per val example */
  front: number[][];
  scores: ScorePoint[];
  budget: { used: number; cap: number | null; iteration: number };
  valExamples: Example[];
  trainCount: number;
  usage: UsageSnapshot | null;
  summary: RunSummary | null;
}

export interface RunExport extends ExportedRun {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 */
  exportedAt: string;
}

/** A run before its first event: what a CLI result file starts from and folds the run's events into. */
export function emptyExportedRun(runId: string | null, config: RunConfig | null): ExportedRun {
  return {
    runId,
    status: 'starting',
    statusMessage: '',
    config,
    result: null,
    candidates: [],
    proposals: [],
    front: [],
    scores: [],
    budget: { used: 0, cap: null, iteration: 0 },
    valExamples: [],
    trainCount: 0,
    usage: null,
    summary: null,
  };
}

export class ExportFormatError extends Error {
  constructor(
    readonly fileName: string,
    readonly field: string | null,
    message: string,
  ) {
    super(`${fileName}: ${field ? `field "${field}" ` : ''}${message}`);
    this.name = 'ExportFormatError';
  }
}

const MODEL_FIELDS = ['taskLm', 'reflectionLm', 'judgeLm'] as const;
const KEY_FIELD = /^api[_-]?key$/i;
const SECRET_HEADER = /^(authorization|x-api-key|api-key|proxy-authorization)$/i;

/** A model config without anything that could be a credential (a key field or an auth header). */
function modelWithoutSecrets(model: ModelConfig): ModelConfig {
  const clean = Object.fromEntries(Object.entries(model).filter(([k]) => !KEY_FIELD.test(k))) as ModelConfig;
  if (clean.headers)
    clean.headers = Object.fromEntries(Object.entries(clean.headers).filter(([k]) => !SECRET_HEADER.test(k)));
  return clean;
}

export function configWithoutSecrets(config: RunConfig): RunConfig {
  const copy = structuredClone(config);
  for (const f of MODEL_FIELDS) if (copy[f]) copy[f] = modelWithoutSecrets(copy[f]);
  return copy;
}

export function buildExport(run: ExportedRun, now: Date = new Date()): RunExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    runId: run.runId,
    status: run.status,
    statusMessage: run.statusMessage,
    config: run.config ? configWithoutSecrets(run.config) : null,
    result: run.result,
    // the live list is indexed by candidate id; a hole would be a candidate whose event never came
    candidates: run.candidates.filter((c) => c !== undefined),
    proposals: run.proposals,
    front: run.front,
    scores: run.scores,
    budget: run.budget,
    valExamples: run.valExamples,
    trainCount: run.trainCount,
    usage: run.usage,
    summary: run.summary,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');
const ENDED: RunStatus[] = ['finished', 'stopped', 'error'];
const isNamedNumbers = (v: unknown): boolean =>
  isObject(v) && Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x));

/** A candidate's objective scores: named numbers per val example, and their means. */
function checkObjectives(o: unknown, at: string, fail: (field: string, message: string) => never): void {
  if (!isObject(o)) fail(at, 'must be an object with perExample and aggregate');
  const { perExample, aggregate } = o as Record<string, unknown>;
  if (!Array.isArray(perExample) || !perExample.every(isNamedNumbers))
    fail(`${at}.perExample`, 'must be an array of objective scores (objects of named numbers), one per val example');
  if (!isNamedNumbers(aggregate)) fail(`${at}.aggregate`, 'must map objective names to numbers');
}
const PROPOSAL_STATUSES = ['accepted', 'rejected', 'skipped'];

/** Reads an exported run, checking every part the views rely on. A run exported mid-way reads as stopped. */
export function parseExport(text: string, fileName: string): ExportedRun {
  const fail = (field: string | null, message: string): never => {
    throw new ExportFormatError(fileName, field, message);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail(null, `is not valid JSON (${errorMessage(err)})`);
  }
  if (!isObject(raw)) return fail(null, 'is not a GEPA Studio run export: expected a JSON object');
  if (raw.format === undefined)
    fail('format', `is missing: this is not a GEPA Studio run export (expected "${EXPORT_FORMAT}")`);
  if (raw.format !== EXPORT_FORMAT) fail('format', `is ${JSON.stringify(raw.format)}, expected "${EXPORT_FORMAT}"`);
  if (typeof raw.version === 'number' && raw.version > EXPORT_VERSION)
    fail(
      'version',
      `is ${raw.version}: this file comes from a newer studio (this one reads version ${EXPORT_VERSION})`,
    );
  if (raw.version !== EXPORT_VERSION) fail('version', `must be ${EXPORT_VERSION}, got ${JSON.stringify(raw.version)}`);

  let config: RunConfig | null = null;
  if (raw.config !== null && raw.config !== undefined) {
    try {
      config = validateRunConfig(raw.config);
    } catch (err) {
      if (err instanceof RunConfigError) fail(`config.${err.field}`, err.message.slice(err.field.length + 2));
      throw err;
    }
  }

  if (!Array.isArray(raw.candidates)) fail('candidates', 'must be an array of candidates');
  const candidates = (raw.candidates as unknown[]).map((c, i): CandidateExport => {
    const at = `candidates[${i}]`;
    if (!isObject(c) || !isObject(c.row)) return fail(`${at}.row`, 'is missing');
    const row = c.row;
    if (row.candidateIdx !== i)
      fail(
        `${at}.row.candidateIdx`,
        `is ${JSON.stringify(row.candidateIdx)}; candidates must be listed by index from 0`,
      );
    if (!isObject(row.texts) || !Object.values(row.texts).every((t) => typeof t === 'string'))
      fail(`${at}.row.texts`, 'must map component names to text');
    if (!Array.isArray(row.parentIds)) fail(`${at}.row.parentIds`, 'must be an array of candidate indices');
    if (typeof row.valsetScore !== 'number') fail(`${at}.row.valsetScore`, 'must be a number');
    if (!isNumberArray(c.valScores)) fail(`${at}.valScores`, 'must be an array of numbers');
    if (!Array.isArray(c.outputs) || !c.outputs.every((o) => typeof o === 'string'))
      fail(`${at}.outputs`, 'must be an array of strings');
    if (c.objectives !== undefined) checkObjectives(c.objectives, `${at}.objectives`, fail);
    return c as unknown as CandidateExport;
  });

  if (!Array.isArray(raw.proposals)) fail('proposals', 'must be an array of proposals');
  const proposals = (raw.proposals as unknown[]).map((p, i): ProposalRow => {
    const at = `proposals[${i}]`;
    if (!isObject(p)) return fail(at, 'must be an object');
    if (typeof p.proposalId !== 'number') fail(`${at}.proposalId`, 'must be a number');
    if (!PROPOSAL_STATUSES.includes(p.status as string))
      fail(`${at}.status`, `must be one of ${PROPOSAL_STATUSES.join(', ')}`);
    for (const f of ['component', 'parentText', 'proposedText'] as const)
      if (typeof p[f] !== 'string') fail(`${at}.${f}`, 'must be a string');
    return p as unknown as ProposalRow;
  });

  let result: GepaResultDict | null = null;
  if (raw.result !== null && raw.result !== undefined) {
    const r = raw.result;
    if (!isObject(r)) return fail('result', 'must be an object (GEPAResult.to_dict())');
    if (!Array.isArray(r.candidates)) fail('result.candidates', 'must be an array');
    if (!isNumberArray(r.val_aggregate_scores)) fail('result.val_aggregate_scores', 'must be an array of numbers');
    result = r as unknown as GepaResultDict;
  }

  const valExamples = raw.valExamples ?? [];
  if (!Array.isArray(valExamples) || !valExamples.every((e) => isObject(e) && typeof e.id === 'string'))
    fail('valExamples', 'must be an array of examples, each with a string id');
  if (raw.trainCount !== undefined && typeof raw.trainCount !== 'number') fail('trainCount', 'must be a number');
  if (raw.scores !== undefined && !Array.isArray(raw.scores)) fail('scores', 'must be an array of score points');
  if (raw.front !== undefined && !Array.isArray(raw.front))
    fail('front', 'must be an array (programs per val example)');

  const summary = isObject(raw.summary) ? (raw.summary as unknown as RunSummary) : null;
  const perExampleBest = result ? Object.values(result.per_val_instance_best_candidates ?? {}) : [];
  const status = ENDED.includes(raw.status as RunStatus) ? (raw.status as RunStatus) : 'stopped';
  return {
    runId: typeof raw.runId === 'string' ? raw.runId : null,
    status,
    statusMessage: typeof raw.statusMessage === 'string' ? raw.statusMessage : '',
    config,
    result,
    candidates,
    proposals,
    front: (raw.front as number[][] | undefined) ?? perExampleBest,
    scores: (raw.scores as ScorePoint[] | undefined) ?? [],
    budget: isObject(raw.budget)
      ? (raw.budget as unknown as ExportedRun['budget'])
      : { used: result?.total_metric_calls ?? 0, cap: null, iteration: summary?.totalIterations ?? 0 },
    valExamples: valExamples as Example[],
    trainCount: (raw.trainCount as number | undefined) ?? 0,
    usage: isObject(raw.usage) ? (raw.usage as unknown as UsageSnapshot) : null,
    summary,
  };
}
