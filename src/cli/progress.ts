// Progress on stderr: metric calls against the budget, iteration, proposals in flight (several a round),
// best val score, candidates, cost and ETA. On a terminal one line is redrawn in place (messages print
// above it); into a pipe or a file, a plain line every few seconds, so CI logs stay readable. Notable
// moments (the seed's score, a new best, warnings and errors) get a line of their own; --quiet keeps only
// errors.
import type { RunEvent } from '../run/runEvent.ts';

export interface ProgressState {
  used: number;
  cap: number | null;
  iteration: number;
  best: number | null;
  candidates: number;
  costUsd: number;
  calls: number;
  unpricedCalls: number;
  /** proposals of the current round still being worked on, and how many the round started (0: one a round) */
  inFlight?: { running: number; started: number };
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

function formatCost(s: ProgressState): string {
  if (s.calls > 0 && s.unpricedCalls === s.calls) return 'cost n/a (no price)';
  return `${s.unpricedCalls > 0 ? '≥' : ''}$${s.costUsd.toFixed(4)}`;
}

/** One progress line; `barWidth` adds a bar (terminals only). */
export function formatProgress(s: ProgressState, etaMs: number | null, barWidth = 0): string {
  const parts: string[] = [];
  if (s.cap) {
    const frac = Math.min(1, s.used / s.cap);
    const filled = Math.round(frac * barWidth);
    const bar = barWidth > 0 ? `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ` : '';
    parts.push(`${bar}${s.used}/${s.cap} metric calls (${Math.floor(frac * 100)}%)`);
  } else {
    parts.push(`${s.used} metric calls`);
  }
  parts.push(`iteration ${s.iteration}`);
  if (s.inFlight && s.inFlight.running > 0)
    parts.push(`${s.inFlight.running} of ${s.inFlight.started} proposals in flight`);
  parts.push(`best ${s.best === null ? '–' : s.best.toFixed(3)}`);
  parts.push(`${s.candidates} candidate${s.candidates === 1 ? '' : 's'}`);
  parts.push(formatCost(s));
  if (etaMs !== null) parts.push(`ETA ${formatDuration(etaMs)}`);
  return parts.join(' · ');
}

export interface ProgressStream {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  quiet: boolean;
  /** plain mode: at most one progress line per this many ms (default 5000) */
  intervalMs?: number;
  now?: () => number;
}

export class Progress {
  private readonly s: ProgressState = {
    used: 0,
    cap: null,
    iteration: 0,
    best: null,
    candidates: 0,
    costUsd: 0,
    calls: 0,
    unpricedCalls: 0,
  };
  private readonly tty: boolean;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private started: { at: number; used: number } | null = null;
  private lastDraw = -Infinity;
  private lastLine = '';
  private drawn = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private seedScore: number | null = null;
  private finished = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly options: ProgressOptions,
  ) {
    this.tty = !!stream.isTTY;
    this.now = options.now ?? (() => Date.now());
    this.intervalMs = options.intervalMs ?? 5000;
  }

  /** Starts the periodic redraw (ETA ticks even while one long LM call runs). */
  start(): void {
    if (this.options.quiet || this.timer) return;
    this.timer = setInterval(() => this.draw(false), this.tty ? 1000 : this.intervalMs);
    this.timer.unref();
  }

  etaMs(): number | null {
    const { started, s } = this;
    if (!started || !s.cap || s.used <= started.used) return null;
    const rate = (s.used - started.used) / Math.max(1, this.now() - started.at);
    return Math.max(0, (s.cap - s.used) / rate);
  }

  /** The progress line; on a terminal with a bar that fills what the text leaves of the width (up to 30). */
  line(eta = this.etaMs()): string {
    const text = formatProgress(this.s, eta);
    if (!this.tty) return text;
    const width = (this.stream.columns ?? 80) - 1;
    const bar = Math.min(30, width - text.length - 3);
    return bar >= 8 ? formatProgress(this.s, eta, bar) : text.slice(0, width);
  }

  /** Takes in an event of an earlier session (a resumed run) without printing anything. */
  absorb(e: RunEvent): void {
    this.update(e, false);
  }

  onEvent(e: RunEvent): void {
    if (this.update(e, true)) this.draw(false);
  }

  /** Updates the state and, when printing, the event's own line if it has one; true when the progress line changed. */
  private update(e: RunEvent, print: boolean): boolean {
    const s = this.s;
    const note = (text: string, important = false) => print && this.message(text, important);
    switch (e.type) {
      case 'budget':
        s.used = e.used;
        s.cap = e.cap;
        s.iteration = Math.max(s.iteration, e.iteration);
        this.started ??= { at: this.now(), used: e.used };
        return true;
      case 'candidate':
        s.candidates = Math.max(s.candidates, e.row.candidateIdx + 1);
        if (s.best === null || e.row.valsetScore > s.best) s.best = e.row.valsetScore;
        if (e.row.candidateIdx === 0) {
          this.seedScore = e.row.valsetScore;
          note(`seed prompt: ${e.row.valsetScore.toFixed(3)} on the ${e.valScores.length}-example valset`);
        } else if (e.row.isBest) {
          note(
            `iteration ${e.row.iteration}: candidate ${e.row.candidateIdx} is the new best, ` +
              `${e.row.valsetScore.toFixed(3)} on the valset (seed ${this.seedScore?.toFixed(3) ?? '–'})`,
          );
        }
        return true;
      case 'inFlight':
        s.inFlight = { running: e.inFlight, started: e.started };
        return true;
      case 'usage':
        s.costUsd = e.usage.total.costUsd;
        s.calls = e.usage.total.calls;
        s.unpricedCalls = e.usage.total.unpricedCalls;
        return true;
      case 'log':
        if (e.level === 'error') note(`error: ${e.message}`, true);
        else note(e.level === 'warning' ? `warning: ${e.message}` : e.message);
        return false;
      default:
        return false;
    }
  }

  /** A line of its own (above the bar on a terminal). `important` lines print even with --quiet. */
  message(text: string, important = false): void {
    if (this.options.quiet && !important) return;
    this.clear();
    this.stream.write(text + '\n');
    if (this.tty && this.drawn) this.draw(true);
  }

  private clear(): void {
    if (this.tty && this.drawn) this.stream.write('\r\x1b[2K');
  }

  private draw(force: boolean): void {
    if (this.finished || this.options.quiet || this.s.cap === null) return;
    const t = this.now();
    const text = this.line();
    if (this.tty) {
      if (!force && t - this.lastDraw < 100) return;
      this.stream.write(`\r\x1b[2K${text}`);
      this.drawn = true;
    } else {
      if (t - this.lastDraw < this.intervalMs || text === this.lastLine) return;
      this.stream.write(text + '\n');
    }
    this.lastDraw = t;
    this.lastLine = text;
  }

  /** The closing progress line; leaves the terminal on a fresh line. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.finished || this.options.quiet || this.s.cap === null) return;
    this.finished = true;
    this.clear();
    this.drawn = false;
    this.stream.write(this.line(null) + '\n');
  }
}
