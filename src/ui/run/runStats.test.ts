import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../store/runStore.ts';
import { elapsedMs, etaMs, progressFraction, recentProblems } from './runStats.ts';

describe('runStats', () => {
  it('measures elapsed time up to now, or to the end once ended', () => {
    expect(elapsedMs(1000, null, 5000)).toBe(4000);
    expect(elapsedMs(1000, 3000, 5000)).toBe(2000);
    expect(elapsedMs(null, null, 5000)).toBeNull();
  });

  it('extrapolates the ETA from the average rate of metric calls', () => {
    expect(etaMs(25, 100, 10_000)).toBe(30_000);
    expect(etaMs(0, 100, 10_000)).toBeNull();
    expect(etaMs(10, null, 10_000)).toBeNull();
    expect(etaMs(120, 100, 10_000)).toBe(0);
  });

  it('clamps progress to [0, 1]', () => {
    expect(progressFraction(50, 200)).toBe(0.25);
    expect(progressFraction(300, 200)).toBe(1);
    expect(progressFraction(5, null)).toBe(0);
  });

  it('keeps the last warnings and errors in order', () => {
    const logs: LogEntry[] = ['info', 'warning', 'error', 'info', 'warning'].map((level, i) => ({
      level: level as LogEntry['level'],
      message: String(i),
      at: i,
    }));
    expect(recentProblems(logs, 2).map((l) => l.message)).toEqual(['2', '4']);
  });
});
