import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../storage/types.ts';
import { emptySummary } from '../run/recordSummary.ts';
import type { StoredRunStatus } from '../run/recordSummary.ts';
import type { HistoryRow } from './storedRun.ts';
import { EMPTY_QUERY, filterRows, formatRoute, parseRoute, togglePick } from './historyRoute.ts';

const row = (id: string, name: string, status: StoredRunStatus): HistoryRow => ({
  record: { id, name, status, summary: emptySummary() } as RunRecord,
  status,
  driver: null,
});

describe('history route', () => {
  it('round-trips a comparison with filters', () => {
    const route = {
      view: 'compare' as const,
      query: { q: 'sent demo', status: 'finished' as const, a: 'r1', b: 'r 2' },
    };
    const hash = formatRoute(route);
    expect(hash).toBe('#/compare?a=r1&b=r+2&q=sent+demo&status=finished');
    expect(parseRoute(hash)).toEqual(route);
  });

  it('reads the history without a query, and ignores other addresses and unknown statuses', () => {
    expect(parseRoute('#/history')).toEqual({ view: 'history', query: EMPTY_QUERY });
    expect(parseRoute('')).toBeNull();
    expect(parseRoute('#/setup')).toBeNull();
    expect(parseRoute('#/history?status=bogus&q=x')?.query).toEqual({ ...EMPTY_QUERY, q: 'x' });
  });

  it('shows the history when a comparison lacks its second run', () => {
    expect(parseRoute('#/compare?a=r1')).toEqual({ view: 'history', query: { ...EMPTY_QUERY, a: 'r1' } });
  });

  it('filters by status and words in the name or id, keeping picked runs', () => {
    const rows = [
      row('r1', 'Sentiment A', 'finished'),
      row('r2', 'Units', 'finished'),
      row('r3', 'Sentiment B', 'error'),
    ];
    const ids = (q: Partial<typeof EMPTY_QUERY>) => filterRows(rows, { ...EMPTY_QUERY, ...q }).map((r) => r.record.id);
    expect(ids({})).toEqual(['r1', 'r2', 'r3']);
    expect(ids({ q: 'SENTIMENT' })).toEqual(['r1', 'r3']);
    expect(ids({ q: 'sentiment b' })).toEqual(['r3']);
    expect(ids({ q: 'r2' })).toEqual(['r2']);
    expect(ids({ status: 'finished' })).toEqual(['r1', 'r2']);
    expect(ids({ status: 'error', a: 'r2' })).toEqual(['r2', 'r3']);
  });

  it('picks two runs, unpicks either, and a third pick replaces the older', () => {
    let q = togglePick(EMPTY_QUERY, 'r1');
    q = togglePick(q, 'r2');
    expect([q.a, q.b]).toEqual(['r1', 'r2']);
    expect(togglePick(q, 'r3')).toMatchObject({ a: 'r2', b: 'r3' });
    expect(togglePick(q, 'r1')).toMatchObject({ a: 'r2', b: null });
    expect(togglePick(q, 'r2')).toMatchObject({ a: 'r1', b: null });
  });
});
