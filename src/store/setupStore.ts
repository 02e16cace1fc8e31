// The run being set up: program, dataset (parsed, with its mapping and any error), metric, models,
// budget and options, experiment tracking. API keys and tracking credentials live here in memory only; they
// reach localStorage only when the user ticks "remember on this device", and never reach IndexedDB, exports
// or logs (the run config's `tracking` says where a run logs, never who).
import { create } from 'zustand';
import type { BudgetConfig, ModelConfig, RunConfig, RunOptionsConfig } from '../run/runConfig.ts';
import { DEFAULT_RUN_OPTIONS, RUN_CONFIG_VERSION } from '../run/runConfig.ts';
import type { FieldMapping, MetricConfig, Program, ProgramStep } from '../tasks/types.ts';
import { errorMessage } from '../engine/index.ts';
import { guessMapping, parseDataset } from '../tasks/datasets/index.ts';
import type { DatasetRow } from '../tasks/datasets/index.ts';
import { demoTaskById } from '../tasks/demos/index.ts';
import { inlineDataset, sourceRows } from '../run/runDataset.ts';
import { emptyTrackingAuth, emptyTrackingDraft, trackingConfigOf, trackingDraftOf } from './trackingDraft.ts';
import type { TrackingAuthDraft, TrackingDraft } from './trackingDraft.ts';
import type { RunMode } from '../run/runMode.ts';
import { reflectionPromptOf, renamedStep } from './reflectionPromptDraft.ts';
import type { ReflectionPromptConfig } from './reflectionPromptDraft.ts';

export type LmRole = 'task' | 'reflection';

export interface DatasetDraft {
  fileName: string;
  rows: DatasetRow[];
  columns: string[];
  format: string;
  /** the parse error, naming file, line and field */
  error: string | null;
  /** what reading the file changed (e.g. an invisible character removed from a header); shown with the data */
  warnings: string[];
  mapping: FieldMapping;
  split: { valFraction: number; seed: number; maxVal?: number };
}

export interface SetupState {
  name: string;
  program: Program;
  dataset: DatasetDraft;
  metric: MetricConfig;
  taskLm: ModelConfig;
  reflectionLm: ModelConfig;
  keys: Record<LmRole, string>;
  rememberKeys: boolean;
  budget: BudgetConfig;
  options: RunOptionsConfig;
  /** ms per demo-model call, so a demo run is slow enough to watch */
  demoLatencyMs: number;
  /** 'search': find the best answer for each example (inference-time search, every example train and val) */
  mode: RunMode;
  tracking: TrackingDraft;
  /** the tracking server's credentials: memory only, like the keys (and remembered with them) */
  trackingAuth: TrackingAuthDraft;
  /** the user's own reflection prompt per step (by step name), or for every step; empty: the engine's */
  reflectionPrompt: ReflectionPromptConfig;
}

export interface SetupStore extends SetupState {
  setName(name: string): void;
  setStep(index: number, patch: Partial<ProgramStep>): void;
  addStep(): void;
  removeStep(index: number): void;
  loadDatasetText(fileName: string, text: string): void;
  setMapping(patch: Partial<FieldMapping>): void;
  setSplit(patch: Partial<DatasetDraft['split']>): void;
  setMetric(metric: MetricConfig): void;
  setModel(role: LmRole, patch: Partial<ModelConfig>): void;
  setKey(role: LmRole, key: string): void;
  setRememberKeys(remember: boolean): void;
  setBudget(budget: BudgetConfig): void;
  setOptions(patch: Partial<RunOptionsConfig>): void;
  setDemoLatency(ms: number): void;
  setMode(mode: RunMode): void;
  setTracking(patch: Partial<TrackingDraft>): void;
  setTrackingAuth(patch: Partial<TrackingAuthDraft>): void;
  setReflectionPrompt(reflectionPrompt: ReflectionPromptConfig): void;
  loadDemoTask(id: string): void;
  /** Loads a saved or exported config (e.g. "duplicate with changes"). */
  loadConfig(config: RunConfig): void;
  toRunConfig(): RunConfig;
}

const KEY_STORAGE = 'gepa-studio.api-keys';
const TRACKING_AUTH_STORAGE = 'gepa-studio.tracking-credentials';
export const DEMO_MODEL: ModelConfig = { provider: 'demo', baseUrl: 'offline', model: 'demo' };

function storedKeys(): Record<LmRole, string> {
  try {
    const raw = globalThis.localStorage?.getItem(KEY_STORAGE);
    const parsed = raw ? (JSON.parse(raw) as Partial<Record<LmRole, string>>) : {};
    return { task: parsed.task ?? '', reflection: parsed.reflection ?? '' };
  } catch {
    return { task: '', reflection: '' };
  }
}

function storedTrackingAuth(): TrackingAuthDraft {
  try {
    const raw = globalThis.localStorage?.getItem(TRACKING_AUTH_STORAGE);
    return { ...emptyTrackingAuth(), ...(raw ? (JSON.parse(raw) as Partial<TrackingAuthDraft>) : {}) };
  } catch {
    return emptyTrackingAuth();
  }
}

const hasCredentials = (a: TrackingAuthDraft): boolean => !!(a.token || a.password);

function persistKeys(remember: boolean, keys: Record<LmRole, string>, auth: TrackingAuthDraft): void {
  try {
    if (remember) {
      globalThis.localStorage?.setItem(KEY_STORAGE, JSON.stringify(keys));
      globalThis.localStorage?.setItem(TRACKING_AUTH_STORAGE, JSON.stringify(auth));
    } else {
      globalThis.localStorage?.removeItem(KEY_STORAGE);
      globalThis.localStorage?.removeItem(TRACKING_AUTH_STORAGE);
    }
  } catch {
    // storage may be unavailable (private mode); the keys simply stay in memory
  }
}

const emptyDataset = (): DatasetDraft => ({
  fileName: '',
  rows: [],
  columns: [],
  format: '',
  error: null,
  warnings: [],
  mapping: { inputs: [], answer: '' },
  split: { valFraction: 0.3, seed: 0 },
});

export function initialSetup(): SetupState {
  const keys = storedKeys();
  const trackingAuth = storedTrackingAuth();
  return {
    name: 'My GEPA run',
    program: {
      steps: [{ name: 'system_prompt', instruction: 'You are a helpful assistant.', template: '{{question}}' }],
    },
    dataset: emptyDataset(),
    metric: { kind: 'exact_match' },
    taskLm: DEMO_MODEL,
    reflectionLm: DEMO_MODEL,
    keys,
    rememberKeys: !!(keys.task || keys.reflection) || hasCredentials(trackingAuth),
    budget: { maxMetricCalls: 300 },
    options: { ...DEFAULT_RUN_OPTIONS },
    demoLatencyMs: 150,
    mode: 'optimize',
    tracking: emptyTrackingDraft(),
    trackingAuth,
    reflectionPrompt: {},
  };
}

/** Parses a dataset file into the draft; a malformed file keeps the previous rows and shows the error. */
export function parseIntoDraft(previous: DatasetDraft, fileName: string, text: string): DatasetDraft {
  try {
    const parsed = parseDataset(text, fileName);
    return {
      ...previous,
      fileName,
      rows: parsed.rows,
      columns: parsed.columns,
      format: parsed.format,
      error: null,
      warnings: parsed.warnings,
      mapping: guessMapping(parsed.columns),
    };
  } catch (err) {
    const message = errorMessage(err);
    return { ...previous, error: message };
  }
}

export const useSetupStore = create<SetupStore>()((set, get) => ({
  ...initialSetup(),
  setName: (name) => set({ name }),
  setStep: (index, patch) =>
    set((s) => ({
      program: { steps: s.program.steps.map((st, i) => (i === index ? { ...st, ...patch } : st)) },
      // a renamed step keeps its own reflection prompt
      reflectionPrompt: renamedStep(s.reflectionPrompt, s.program.steps[index]?.name, patch.name),
    })),
  addStep: () =>
    set((s) => {
      const n = s.program.steps.length + 1;
      const prev = s.program.steps[n - 2];
      return {
        program: {
          steps: [
            ...s.program.steps,
            { name: `step_${n}`, instruction: '', template: prev ? `{{steps.${prev.name}}}` : '{{question}}' },
          ],
        },
      };
    }),
  removeStep: (index) => set((s) => ({ program: { steps: s.program.steps.filter((_st, i) => i !== index) } })),
  loadDatasetText: (fileName, text) => set((s) => ({ dataset: parseIntoDraft(s.dataset, fileName, text) })),
  setMapping: (patch) => set((s) => ({ dataset: { ...s.dataset, mapping: { ...s.dataset.mapping, ...patch } } })),
  setSplit: (patch) => set((s) => ({ dataset: { ...s.dataset, split: { ...s.dataset.split, ...patch } } })),
  setMetric: (metric) => set({ metric }),
  setModel: (role, patch) =>
    set((s) =>
      role === 'task'
        ? { taskLm: { ...s.taskLm, ...patch } as ModelConfig }
        : { reflectionLm: { ...s.reflectionLm, ...patch } as ModelConfig },
    ),
  setKey: (role, key) =>
    set((s) => {
      const keys = { ...s.keys, [role]: key };
      persistKeys(s.rememberKeys, keys, s.trackingAuth);
      return { keys };
    }),
  setRememberKeys: (rememberKeys) => {
    persistKeys(rememberKeys, get().keys, get().trackingAuth);
    set({ rememberKeys });
  },
  setBudget: (budget) => set({ budget }),
  setOptions: (patch) => set((s) => ({ options: { ...s.options, ...patch } })),
  setDemoLatency: (demoLatencyMs) => set({ demoLatencyMs }),
  setMode: (mode) => set({ mode }),
  setTracking: (patch) => set((s) => ({ tracking: { ...s.tracking, ...patch } })),
  setReflectionPrompt: (reflectionPrompt) => set({ reflectionPrompt }),
  setTrackingAuth: (patch) =>
    set((s) => {
      const trackingAuth = { ...s.trackingAuth, ...patch };
      persistKeys(s.rememberKeys, s.keys, trackingAuth);
      return { trackingAuth };
    }),
  loadDemoTask: (id) => {
    const task = demoTaskById(id);
    if (!task) return;
    const dataset = parseIntoDraft(emptyDataset(), task.fileName, task.jsonl);
    set({
      name: `Demo: ${task.name}`,
      program: structuredClone(task.program),
      dataset: { ...dataset, mapping: { ...task.fields } },
      metric: structuredClone(task.metric),
      taskLm: DEMO_MODEL,
      reflectionLm: DEMO_MODEL,
      budget: { maxMetricCalls: 300 },
      options: { ...DEFAULT_RUN_OPTIONS },
      reflectionPrompt: {},
    });
  },
  loadConfig: (config) => {
    const rows = sourceRows(config.dataset);
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
    set({
      name: config.name,
      program: structuredClone(config.program),
      dataset: {
        fileName: config.dataset.fileName,
        rows,
        columns,
        format: 'json',
        error: null,
        warnings: [],
        mapping: { ...config.dataset.mapping },
        split: { ...config.dataset.split },
      },
      metric: structuredClone(config.metric),
      taskLm: { ...config.taskLm },
      reflectionLm: { ...config.reflectionLm },
      budget: { ...config.budget } as BudgetConfig,
      options: { ...DEFAULT_RUN_OPTIONS, ...config.options },
      tracking: trackingDraftOf(config.tracking, get().tracking, config.name),
      mode: config.mode ?? 'optimize',
      reflectionPrompt: structuredClone(config.reflectionPrompt ?? {}),
    });
  },
  toRunConfig: () => {
    const s = get();
    const reflectionPrompt = reflectionPromptOf(
      s.reflectionPrompt,
      s.program.steps.map((st) => st.name),
    );
    return {
      version: RUN_CONFIG_VERSION,
      name: s.name,
      program: structuredClone(s.program),
      dataset: {
        fileName: s.dataset.fileName,
        ...inlineDataset(s.dataset.rows),
        mapping: { ...s.dataset.mapping },
        split: { ...s.dataset.split },
      },
      metric: structuredClone(s.metric),
      taskLm: { ...s.taskLm },
      reflectionLm: { ...s.reflectionLm },
      budget: { ...s.budget } as BudgetConfig,
      options: { ...s.options },
      ...(s.tracking.enabled ? { tracking: trackingConfigOf(s.tracking, s.name) } : {}),
      ...(s.mode === 'search' ? { mode: s.mode } : {}),
      ...(reflectionPrompt ? { reflectionPrompt } : {}),
    };
  },
}));
