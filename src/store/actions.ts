// What the buttons do, outside components: start and steer a run in the engine worker, run the setup
// checks there, and export or import runs. A live run's events fold into the run store only while
// that run is the one shown (an import or a newer run replaces it). API keys go from the setup store
// (or the resume form) to the worker in memory only; they never reach the run store, storage, an export
// or a log. A stored run resumes in the worker, which first replays its event log into the run store.
import type { RunEvent, RunStatus } from '../run/runEvent.ts';
import type {
  ConnectionResult,
  MetricTrial,
  ReflectionPreview,
  StartRequest,
  TrackingCredentials,
  TrackingTestResult,
} from '../worker/protocol.ts';
import { createEngineClient } from '../worker/engineClient.ts';
import type { EngineClient } from '../worker/engineClient.ts';
import { runLibrary } from '../worker/runLibrary.ts';
import { drivenRunIds, RunLockedError } from '../worker/runLocks.ts';
import type { DatasetRow } from '../tasks/datasets/index.ts';
import { RunConfigError, validateRunConfig } from '../run/runConfig.ts';
import { prepareRunDataset } from '../run/runDataset.ts';
import type { RunConfig } from '../run/runConfig.ts';
import type { RunSecrets } from '../run/buildRun.ts';
import { buildExport, parseExport } from '../run/exportFormat.ts';
import { candidatesCsv, proposalsCsv } from '../run/csvExport.ts';
import { buildReportHtml } from '../report/index.ts';
import { useRunStore } from './runStore.ts';
import type { RunData } from './runStore.ts';
import { useSetupStore } from './setupStore.ts';
import type { LmRole, SetupState } from './setupStore.ts';
import { useUiStore } from './uiStore.ts';
import { credentialsOf, trackingConfigOf, trackingProblem } from './trackingDraft.ts';
import { errorMessage } from '../engine/index.ts';

/** A file an export built, before it is saved. */
export interface ExportFile {
  fileName: string;
  blob: Blob;
}

const LIVE: RunStatus[] = ['starting', 'running', 'pausing', 'paused', 'stopping'];

let client: EngineClient | null = null;

/** A worker that failed to load or threw outside a call is in an unknown state: end it, start afresh next time. */
function onEngineCrash(message: string): void {
  client?.dispose();
  client = null;
  const run = useRunStore.getState();
  if (isLive(run))
    applyToRun(run.runId, [{ type: 'status', status: 'error', message: `The engine worker failed: ${message}` }]);
}

const engine = (): EngineClient => (client ??= createEngineClient({ onCrash: onEngineCrash }));

function isLive(run: Pick<RunData, 'status' | 'readOnly'>): boolean {
  return !run.readOnly && LIVE.includes(run.status);
}

/** Folds events into the run store only if they belong to the run it shows. */
function applyToRun(runId: string | null, events: RunEvent[]): void {
  const run = useRunStore.getState();
  if (runId !== null && run.runId === runId && !run.readOnly) run.applyEvents(events);
}

/**
 * The checks the worker would fail on, made here so the start button can name the field: the config's
 * shape, and its dataset prepared as the run prepares it: the field mapping against every row (with the
 * file's own line numbers), enough examples, the split, and the templates.
 */
export function checkRunConfig(raw: RunConfig, rows: readonly DatasetRow[]): RunConfig {
  const config = validateRunConfig(raw);
  if (rows.length === 0) throw new RunConfigError('dataset', 'load a dataset file (JSONL, CSV or JSON) first');
  prepareRunDataset(config, rows);
  return config;
}

function secretsOf(s: Pick<SetupState, 'keys' | 'taskLm' | 'reflectionLm'>): RunSecrets {
  const secrets: RunSecrets = {};
  if (s.taskLm.provider !== 'demo' && s.keys.task) secrets.taskApiKey = s.keys.task;
  if (s.reflectionLm.provider !== 'demo' && s.keys.reflection) secrets.reflectionApiKey = s.keys.reflection;
  return secrets;
}

/** The tracking credentials typed into the setup, for a run logging to `trackingUri` (they belong to that server). */
function trackingCredentialsFor(trackingUri: string | undefined): TrackingCredentials | undefined {
  const s = useSetupStore.getState();
  const mlflow = credentialsOf(s.trackingAuth);
  if (!mlflow || !trackingUri || trackingConfigOf(s.tracking, s.name)?.mlflow?.trackingUri !== trackingUri)
    return undefined;
  return { mlflow };
}

/** Views a run the worker is about to drive, on the overview tab. */
function showLiveRun(runId: string, config: RunConfig): void {
  useRunStore.getState().begin(runId, config);
  useUiStore.getState().openRunOverview();
}

let askedPersistence = false;

const newRunId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Starts a run of the current setup and switches to the run view. Rejects, with a message naming the
 * field, when the setup cannot run; once started, every failure arrives as the run's 'error' status.
 */
export async function startRun(): Promise<void> {
  if (isLive(useRunStore.getState())) throw new Error('A run is in progress: stop it before starting another.');
  const setup = useSetupStore.getState();
  const tracking = trackingProblem(setup.tracking, setup.trackingAuth);
  if (tracking) throw new Error(tracking);
  const config = checkRunConfig(setup.toRunConfig(), setup.dataset.rows);
  const runId = newRunId();
  showLiveRun(runId, config);
  // runs are stored from now on: ask the browser, once a page, not to evict them under storage pressure
  if (!askedPersistence) void runLibrary().persist();
  askedPersistence = true;
  const trackingCredentials = trackingCredentialsFor(config.tracking?.mlflow?.trackingUri);
  const request: StartRequest = {
    runId,
    config,
    secrets: secretsOf(setup),
    ...(trackingCredentials ? { trackingCredentials } : {}),
    demoLatencyMs: setup.demoLatencyMs,
  };
  engine()
    .start(request, (events) => applyToRun(runId, events))
    .catch((err: unknown) =>
      applyToRun(runId, [
        { type: 'status', status: 'error', message: `The run could not start: ${errorMessage(err)}` },
      ]),
    );
}

/**
 * Continues a stored run that no tab drives (interrupted by a reload or a closed tab) from its last
 * checkpoint, with the API keys given again (they are never stored). Rejects, saying why, when a run is
 * live in this tab or another tab drives that run; once the worker has it, failures arrive as statuses.
 */
export async function resumeStoredRun(runId: string, secrets: RunSecrets): Promise<void> {
  if (isLive(useRunStore.getState()))
    throw new Error('A run is in progress in this tab: stop it before resuming another.');
  if ((await drivenRunIds()).has(runId)) throw new RunLockedError(runId);
  const record = await runLibrary().get(runId);
  if (!record) throw new Error('This run is no longer stored (it was deleted).');
  showLiveRun(runId, record.config);
  // the setup's tracking credentials, when it logs to the same server (credentials are never stored)
  const trackingCredentials = trackingCredentialsFor(record.config.tracking?.mlflow?.trackingUri);
  const request: StartRequest = {
    runId,
    config: record.config,
    secrets,
    ...(trackingCredentials ? { trackingCredentials } : {}),
    demoLatencyMs: useSetupStore.getState().demoLatencyMs,
    resume: true,
  };
  engine()
    .start(request, (events) => applyToRun(runId, events))
    .catch((err: unknown) =>
      applyToRun(runId, [
        { type: 'status', status: 'error', message: `The run could not resume: ${errorMessage(err)}` },
      ]),
    );
}

export function pauseRun(): void {
  const run = useRunStore.getState();
  if (!run.readOnly && (run.status === 'running' || run.status === 'starting')) client?.pause();
}

export function resumeRun(): void {
  const run = useRunStore.getState();
  if (!run.readOnly && (run.status === 'paused' || run.status === 'pausing')) client?.resume();
}

export function stopRun(): void {
  if (isLive(useRunStore.getState())) client?.stop();
}

/** One small call to the role's endpoint; never rejects (a failure is a result with ok: false). */
export async function testConnection(role: LmRole): Promise<ConnectionResult> {
  const s = useSetupStore.getState();
  const model = role === 'task' ? s.taskLm : s.reflectionLm;
  try {
    return await engine().testConnection(model, s.keys[role] || undefined);
  } catch (err) {
    return { ok: false, message: `The connection test could not run: ${errorMessage(err)}` };
  }
}

/** Reaches the setup's MLflow server as a run would; never rejects (a failure is a result with ok: false). */
export async function testTrackingConnection(): Promise<TrackingTestResult> {
  const s = useSetupStore.getState();
  const mlflow = trackingConfigOf({ ...s.tracking, enabled: true }, s.name)?.mlflow;
  if (!mlflow) return { ok: false, message: 'Nothing to test: MLflow is not set up.' };
  try {
    return await engine().testTracking(mlflow, credentialsOf(s.trackingAuth));
  } catch (err) {
    return { ok: false, message: `The connection test could not run: ${errorMessage(err)}` };
  }
}

/** Runs the seed program on the dataset's first 3 examples and grades them; rejects with the reason it cannot. */
export async function testMetricOn3(): Promise<MetricTrial[]> {
  const s = useSetupStore.getState();
  if (s.dataset.rows.length === 0)
    throw new Error('Load a dataset first: the metric is tried on its first 3 examples.');
  const config = s.toRunConfig();
  const examples = prepareRunDataset(config, s.dataset.rows).examples.slice(0, 3);
  const secrets = secretsOf(s);
  return engine().testMetric({
    program: config.program,
    metric: config.metric,
    taskLm: config.taskLm,
    // the run grades with the reflection LM when no judge is configured (buildRun does the same)
    ...(config.metric.kind === 'llm_judge' ? { judgeLm: config.reflectionLm } : {}),
    secrets: { taskApiKey: secrets.taskApiKey, judgeApiKey: secrets.reflectionApiKey },
    examples,
  });
}

/** Training examples the reflection prompt's preview runs the seed on. */
export const PREVIEW_EXAMPLES = 3;

/**
 * Runs the seed on the first training examples, as a run's first reflection would see them, and returns the
 * records for each step's {{examples}}; rejects with the reason it cannot (the field named, as Start would).
 */
export async function previewReflectionRecords(): Promise<ReflectionPreview> {
  const s = useSetupStore.getState();
  if (s.dataset.rows.length === 0)
    throw new Error('Load a dataset first: the preview runs the seed on its first training examples.');
  // the records do not depend on the template, so one being edited (or invalid) does not stop the preview
  const { reflectionPrompt: _template, ...config } = s.toRunConfig();
  return engine().previewReflection({
    config: checkRunConfig(config, s.dataset.rows),
    secrets: secretsOf(s),
    examples: PREVIEW_EXAMPLES,
  });
}

/** The stem of a run's export file names: gepa-<name>-<run id>. */
export function baseName(run: RunData): string {
  const slug =
    (run.config?.name ?? 'run')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'run';
  return `gepa-${slug}${run.runId ? `-${run.runId.slice(0, 8)}` : ''}`;
}

const hasRun = (run: RunData): boolean => run.config !== null || run.candidates.length > 0;

/** A run's JSON export document (the shown run's, or a stored one's). */
export function runExportFile(run: RunData): ExportFile {
  const text = JSON.stringify(buildExport(run), null, 2);
  return { fileName: `${baseName(run)}.json`, blob: new Blob([text], { type: 'application/json' }) };
}

/** A run's self-contained HTML report (the shown run's, or a stored one's): opens offline, in any browser. */
export function runReportFile(run: RunData): ExportFile {
  return {
    fileName: `${baseName(run)}-report.html`,
    blob: new Blob([buildReportHtml(run)], { type: 'text/html' }),
  };
}

/**
 * What the shown run's experiment tracking could not deliver, one JSON item a line (as the CLI's
 * tracking-undelivered.jsonl): enough to send it again. Null when everything arrived.
 */
export function trackingUndeliveredFile(): ExportFile | null {
  const run = useRunStore.getState();
  const items = (run.tracking ?? []).flatMap((b) => b.undelivered.map((u) => ({ backend: b.backend, ...u })));
  if (!items.length) return null;
  const text = items.map((i) => JSON.stringify(i)).join('\n') + '\n';
  return {
    fileName: `${baseName(run)}-tracking-undelivered.jsonl`,
    blob: new Blob([text], { type: 'application/x-ndjson' }),
  };
}

/** Downloads what the shown run's tracking could not deliver. */
export function exportTrackingUndelivered(): void {
  saveFile(trackingUndeliveredFile());
}

/** The run shown (live or imported) as the HTML report; null when there is none. */
export function reportFile(): ExportFile | null {
  const run = useRunStore.getState();
  return hasRun(run) ? runReportFile(run) : null;
}

/** The run shown (live or imported) as the JSON export document; null when there is none. */
export function jsonExportFile(): ExportFile | null {
  const run = useRunStore.getState();
  return hasRun(run) ? runExportFile(run) : null;
}

/** The proposals or candidates table as CSV; null when there is no run. */
export function csvExportFile(table: 'proposals' | 'candidates'): ExportFile | null {
  const run = useRunStore.getState();
  if (!hasRun(run)) return null;
  const text =
    table === 'proposals' ? proposalsCsv(run.proposals) : candidatesCsv(run.candidates.filter((c) => c !== undefined));
  return { fileName: `${baseName(run)}-${table}.csv`, blob: new Blob([text], { type: 'text/csv' }) };
}

/**
 * Hands a file to the browser's download: a temporary anchor with the download attribute. It lives here
 * rather than in src/ui because the export actions save directly and the store may not import the UI.
 * The object URL is revoked on the next task, once the click has started the download.
 */
export function saveFile(file: ExportFile | null): void {
  if (!file) return;
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads the shown run as JSON (result in GEPAResult.to_dict() form, config without keys, tables, usage). */
export function exportJson(): void {
  saveFile(jsonExportFile());
}

/** Downloads the shown run as the HTML report (tree, chart, proposals with diffs, texts, matrix, config, usage). */
export function exportReport(): void {
  saveFile(reportFile());
}

/** Downloads the proposals or candidates table as CSV. */
export function exportCsv(table: 'proposals' | 'candidates'): void {
  saveFile(csvExportFile(table));
}

/**
 * Opens an exported run read-only in the run view. A bad file rejects with what is wrong (the file and
 * the field) and leaves the shown run as it was.
 */
export async function importFile(file: Blob & { name: string }): Promise<void> {
  if (isLive(useRunStore.getState())) throw new Error('A run is in progress: stop it before opening an exported run.');
  const data = parseExport(await file.text(), file.name);
  useRunStore.getState().load({ ...data, readOnly: true, readOnlySource: 'import' });
  useUiStore.getState().openRunOverview();
}
