// The live run as the UI sees it: built only from worker events (or an imported export), never from
// engine state. applyEvents takes a whole batch in one set() so a burst of events renders once.
import { create } from 'zustand';
import type { CandidateRow, GepaResultDict, ProposalRow, RunSummary } from '../engine/index.ts';
import type {
  CandidateObjectives,
  LogLevel,
  RunEvent,
  RunStatus,
  ScorePoint,
  TrackingDelivery,
  UsageSnapshot,
} from '../run/runEvent.ts';
import type { Example } from '../tasks/types.ts';
import { foldRunEvents } from '../run/foldRunEvents.ts';
import type { RunConfig } from '../run/runConfig.ts';
import { foldInFlight } from './inFlight.ts';
import type { InFlight } from './inFlight.ts';

export interface CandidateView {
  row: CandidateRow;
  valScores: number[];
  outputs: string[];
  /** only when the metric returned objective scores */
  objectives?: CandidateObjectives;
}

export interface LogEntry {
  level: LogLevel;
  message: string;
  iteration?: number;
  at: number;
}

export interface RunData {
  runId: string | null;
  status: RunStatus;
  statusMessage: string;
  /** an imported run: views only, no controls */
  readOnly: boolean;
  /** why a read-only run is shown: an imported file, a stored run, or a run another tab drives (followed live) */
  readOnlySource: 'import' | 'stored' | 'other-tab' | null;
  config: RunConfig | null;
  trainCount: number;
  valExamples: Example[];
  candidates: CandidateView[];
  proposals: ProposalRow[];
  /** programs on the Pareto front, per val example */
  front: number[][];
  scores: ScorePoint[];
  budget: { used: number; cap: number | null; iteration: number };
  usage: UsageSnapshot | null;
  /** a round of several proposals, while some are reflecting (live only, never stored) */
  inFlight: InFlight | null;
  logs: LogEntry[];
  summary: RunSummary | null;
  result: GepaResultDict | null;
  /** how the run's experiment tracking ended, per backend (with what was not delivered); null until then */
  tracking: TrackingDelivery[] | null;
  startedAt: number | null;
  endedAt: number | null;
}

export interface RunStore extends RunData {
  applyEvents(events: RunEvent[]): void;
  begin(runId: string, config: RunConfig): void;
  load(data: Partial<RunData>): void;
  reset(): void;
}

const LOG_LIMIT = 500;
const ENDED: RunStatus[] = ['stopped', 'finished', 'error'];

export const emptyRun = (): RunData => ({
  runId: null,
  status: 'idle',
  statusMessage: '',
  readOnly: false,
  readOnlySource: null,
  config: null,
  trainCount: 0,
  valExamples: [],
  candidates: [],
  proposals: [],
  front: [],
  scores: [],
  budget: { used: 0, cap: null, iteration: 0 },
  usage: null,
  inFlight: null,
  logs: [],
  summary: null,
  result: null,
  tracking: null,
  startedAt: null,
  endedAt: null,
});

/** Folds a batch of events into the run data; pure, so it is tested without React or a worker. */
export function reduceEvents(state: RunData, events: RunEvent[]): Partial<RunData> {
  const next: Partial<RunData> = foldRunEvents(state, events);
  if (next.status && ENDED.includes(next.status)) next.endedAt = Date.now();
  for (const e of events) if (e.type === 'tracking') next.tracking = e.backends;
  const inFlight = foldInFlight(state.inFlight, events);
  if (inFlight !== state.inFlight) next.inFlight = inFlight;
  const newLogs = events.filter((e): e is Extract<RunEvent, { type: 'log' }> => e.type === 'log');
  if (newLogs.length > 0) {
    const now = Date.now();
    const logs = [
      ...state.logs,
      ...newLogs.map((e) => ({ level: e.level, message: e.message, iteration: e.iteration, at: now })),
    ];
    next.logs = logs.length > LOG_LIMIT ? logs.slice(-LOG_LIMIT) : logs;
  }
  return next;
}

export const useRunStore = create<RunStore>()((set) => ({
  ...emptyRun(),
  applyEvents: (events) => set((s) => reduceEvents(s, events)),
  begin: (runId, config) => set({ ...emptyRun(), runId, config, status: 'starting', startedAt: Date.now() }),
  load: (data) => set({ ...emptyRun(), ...data }),
  reset: () => set(emptyRun()),
}));
