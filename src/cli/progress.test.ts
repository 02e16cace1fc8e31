import { describe, expect, it } from 'vitest';
import type { CandidateRow } from '../engine/index.ts';
import type { RunEvent } from '../run/runEvent.ts';
import { Progress, formatDuration, formatProgress } from './progress.ts';
import type { ProgressState } from './progress.ts';

const state = (patch: Partial<ProgressState> = {}): ProgressState => ({
  used: 120,
  cap: 300,
  iteration: 7,
  best: 0.7333,
  candidates: 5,
  costUsd: 0.01234,
  calls: 200,
  unpricedCalls: 0,
  ...patch,
});

function sink(tty: boolean, columns = 120) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY: tty, columns, write: (t: string) => chunks.push(t) > 0 } };
}

const row = (candidateIdx: number, valsetScore: number, isBest: boolean): CandidateRow => ({
  iteration: candidateIdx * 2,
  candidateIdx,
  parentIds: [],
  valsetScore,
  isBest,
  origin: candidateIdx ? 'reflective' : 'seed',
  texts: {},
  metricCallsAtDiscovery: 0,
});
const candidate = (idx: number, score: number, isBest: boolean): RunEvent => ({
  type: 'candidate',
  row: row(idx, score, isBest),
  valScores: [1, 0],
  outputs: ['a', 'b'],
});

describe('formatDuration', () => {
  it('seconds, minutes, hours', () => {
    expect(formatDuration(4_400)).toBe('4s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatDuration(3_780_000)).toBe('1h 03m');
  });
});

describe('formatProgress', () => {
  it('calls against the budget, iteration, best, candidates, cost and ETA', () => {
    expect(formatProgress(state(), 80_000)).toBe(
      '120/300 metric calls (40%) · iteration 7 · best 0.733 · 5 candidates · $0.0123 · ETA 1m 20s',
    );
  });
  it('a bar, when asked for', () => expect(formatProgress(state(), null, 10)).toMatch(/^\[████░░░░░░\] 120\/300/));
  it('says when cost is unknown (no price for the model) or a lower bound', () => {
    expect(formatProgress(state({ unpricedCalls: 200 }), null)).toContain('cost n/a');
    expect(formatProgress(state({ unpricedCalls: 3 }), null)).toContain('≥$0.0123');
  });
  it('proposals in flight when a round has several, nothing once none is', () => {
    expect(formatProgress(state({ inFlight: { running: 3, started: 4 } }), null)).toContain(
      'iteration 7 · 3 of 4 proposals in flight · best',
    );
    expect(formatProgress(state({ inFlight: { running: 0, started: 4 } }), null)).not.toContain('in flight');
  });
  it('takes the count from the run’s inFlight events', () => {
    const { stream } = sink(false);
    const p = new Progress(stream, { quiet: true });
    p.onEvent({ type: 'inFlight', iteration: 2, started: 4, inFlight: 2 });
    expect(p.line(null)).toContain('2 of 4 proposals in flight');
  });
  it('before anything is known', () =>
    expect(formatProgress(state({ used: 0, best: null, candidates: 0 }), null)).toContain('best – · 0 candidates'));
});

describe('Progress', () => {
  it('into a pipe: plain lines at most once per interval, notable moments on their own lines, a closing line', () => {
    let now = 0;
    const { chunks, stream } = sink(false);
    const p = new Progress(stream, { quiet: false, intervalMs: 1000, now: () => now });
    p.onEvent({ type: 'budget', used: 0, cap: 100, iteration: 0 });
    p.onEvent(candidate(0, 0.2, true));
    now = 500;
    p.onEvent({ type: 'budget', used: 20, cap: 100, iteration: 1 });
    now = 2000;
    p.onEvent({ type: 'budget', used: 40, cap: 100, iteration: 2 });
    p.onEvent(candidate(1, 0.5, true));
    p.onEvent({ type: 'log', level: 'warning', message: 'slow endpoint' });
    p.finish();
    expect(chunks.join('')).toBe(
      [
        '0/100 metric calls (0%) · iteration 0 · best – · 0 candidates · $0.0000',
        'seed prompt: 0.200 on the 2-example valset',
        '40/100 metric calls (40%) · iteration 2 · best 0.200 · 1 candidate · $0.0000 · ETA 3s',
        'iteration 2: candidate 1 is the new best, 0.500 on the valset (seed 0.200)',
        'warning: slow endpoint',
        '40/100 metric calls (40%) · iteration 2 · best 0.500 · 2 candidates · $0.0000',
        '',
      ].join('\n'),
    );
  });

  it('on a terminal: one line redrawn in place, messages above it', () => {
    const { chunks, stream } = sink(true, 100);
    const p = new Progress(stream, { quiet: false, now: () => 0 });
    p.onEvent({ type: 'budget', used: 0, cap: 100, iteration: 0 });
    p.onEvent(candidate(0, 0.2, true));
    const out = chunks.join('');
    expect(out.startsWith('\r\x1b[2K[░')).toBe(true);
    expect(out).toContain('\r\x1b[2Kseed prompt: 0.200');
    // every redraw fits the terminal's width
    expect(
      out
        .split('\r\x1b[2K')
        .flatMap((s) => s.split('\n'))
        .every((segment) => segment.length <= 99),
    ).toBe(true);
  });

  it('--quiet prints errors only; events of an earlier session are taken in silently', () => {
    const { chunks, stream } = sink(false);
    const p = new Progress(stream, { quiet: true });
    p.absorb(candidate(0, 0.2, true));
    p.onEvent({ type: 'budget', used: 10, cap: 100, iteration: 1 });
    p.onEvent(candidate(1, 0.5, true));
    p.onEvent({ type: 'log', level: 'info', message: 'merged' });
    p.onEvent({ type: 'log', level: 'error', message: 'iteration 3 failed' });
    p.finish();
    expect(chunks.join('')).toBe('error: iteration 3 failed\n');

    const loud = sink(false);
    const q = new Progress(loud.stream, { quiet: false });
    q.absorb(candidate(0, 0.2, true));
    q.onEvent(candidate(1, 0.5, true));
    expect(loud.chunks.join('')).toBe('iteration 2: candidate 1 is the new best, 0.500 on the valset (seed 0.200)\n');
  });
});
