// The live run as the UI sees it: built only from worker events (or an imported export), never from
// engine state. applyEvents takes a whole batch in one set() so a burst of events renders once.
import { create } from 'zustand';
import type { CandidateRow, GepaResultDict, ProposalRow, RunSummary } from '../engine/index.ts';
import type { LogLevel, RunEvent, RunStatus, ScorePoint, UsageSnapshot } from '../worker/protocol.ts';
import type { Example } from '../tasks/types.ts';
import type { RunConfig } from '../tasks/runConfig.ts';

export interface CandidateView {
  row: CandidateRow;
  valScores: number[];
  outputs: string[];
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
  logs: LogEntry[];
  summary: RunSummary | null;
  result: GepaResultDict | null;
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
  logs: [],
  summary: null,
  result: null,
  startedAt: null,
  endedAt: null,
});

/** Folds a batch of events into the run data; pure, so it is tested without React or a worker. */
export function reduceEvents(state: RunData, events: RunEvent[]): Partial<RunData> {
  const next: Partial<RunData> = {};
  let candidates: CandidateView[] | null = null;
  let proposals: ProposalRow[] | null = null;
  let scores: ScorePoint[] | null = null;
  let logs: LogEntry[] | null = null;
  const now = Date.now();
  for (const e of events) {
    switch (e.type) {
      case 'status':
        next.status = e.status;
        next.statusMessage = e.message ?? '';
        if (ENDED.includes(e.status)) next.endedAt = now;
        break;
      case 'examples':
        next.trainCount = e.train;
        next.valExamples = e.val;
        break;
      case 'candidate':
        candidates ??= [...state.candidates];
        candidates[e.row.candidateIdx] = { row: e.row, valScores: e.valScores, outputs: e.outputs };
        if (e.row.isBest) candidates.forEach((c, i) => c && i !== e.row.candidateIdx && c.row.isBest && (candidates![i] = { ...c, row: { ...c.row, isBest: false } }));
        break;
      case 'proposal':
        (proposals ??= [...state.proposals]).push(e.row);
        break;
      case 'front':
        next.front = e.programs;
        break;
      case 'score':
        (scores ??= [...state.scores]).push(e.point);
        break;
      case 'budget':
        next.budget = { used: e.used, cap: e.cap, iteration: e.iteration };
        break;
      case 'usage':
        next.usage = e.usage;
        break;
      case 'log':
        (logs ??= [...state.logs]).push({ level: e.level, message: e.message, iteration: e.iteration, at: now });
        break;
      case 'summary':
        next.summary = e.summary;
        break;
      case 'result':
        next.result = e.result;
        break;
    }
  }
  if (candidates) next.candidates = candidates;
  if (proposals) next.proposals = proposals;
  if (scores) next.scores = scores;
  if (logs) next.logs = logs.length > LOG_LIMIT ? logs.slice(-LOG_LIMIT) : logs;
  return next;
}

export const useRunStore = create<RunStore>()((set) => ({
  ...emptyRun(),
  applyEvents: (events) => set((s) => reduceEvents(s, events)),
  begin: (runId, config) => set({ ...emptyRun(), runId, config, status: 'starting', startedAt: Date.now() }),
  load: (data) => set({ ...emptyRun(), ...data }),
  reset: () => set(emptyRun()),
}));
