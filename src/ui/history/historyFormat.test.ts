import { describe, expect, it } from 'vitest';
import { deleteBlocker, formatBytes, formatWhen, resumeBlocker } from './historyFormat.ts';
import type { HistoryRow } from '../../store/storedRun.ts';
import type { RunRecord } from '../../storage/types.ts';

const row = (status: HistoryRow['status'], driver: HistoryRow['driver'] = null): HistoryRow => ({
  record: { id: 'r1' } as RunRecord,
  status,
  driver,
});

describe('history format', () => {
  it('formats sizes in powers of 1000', () => {
    expect([0, 999, 1000, 12_345, 4_560_000, 1.2e9, null].map(formatBytes)).toEqual([
      '0 B',
      '999 B',
      '1.00 kB',
      '12.3 kB',
      '4.56 MB',
      '1.20 GB',
      '—',
    ]);
  });

  it('formats dates relative to today', () => {
    const now = new Date(2026, 10, 25, 18, 0).getTime();
    expect(formatWhen(new Date(2026, 10, 25, 9, 5).getTime(), now)).toBe('today 09:05');
    expect(formatWhen(new Date(2026, 10, 24, 14, 30).getTime(), now)).toBe('Nov 24, 14:30');
    expect(formatWhen(new Date(2025, 0, 3, 8, 0).getTime(), now)).toBe('Jan 3 2025, 08:00');
  });

  it('resumes only an interrupted run that no tab drives, while this tab is free', () => {
    expect(resumeBlocker(row('interrupted'), false)).toBeNull();
    expect(resumeBlocker(row('interrupted'), true)).toMatch(/in progress in this tab/);
    expect(resumeBlocker(row('running', 'other-tab'), false)).toMatch(/Another tab drives this run/);
    expect(resumeBlocker(row('paused', 'this-tab'), false)).toMatch(/controls in its run view/);
    expect(resumeBlocker(row('finished'), false)).toMatch(/is finished: nothing to resume/);
    expect(resumeBlocker(row('error'), false)).toMatch(/ended with an error/);
  });

  it('deletes only a run no tab drives', () => {
    expect(deleteBlocker(row('finished'))).toBeNull();
    expect(deleteBlocker(row('interrupted'))).toBeNull();
    expect(deleteBlocker(row('running', 'other-tab'))).toMatch(/stop it there first/);
  });
});
