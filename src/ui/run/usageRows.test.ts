import { describe, expect, it } from 'vitest';
import type { UsageSnapshot } from '../../run/runEvent.ts';
import { cacheLine, usageRows } from './usageRows.ts';

const totals = (calls: number, costUsd: number, unpricedCalls = 0) => ({
  calls,
  cachedCalls: 0,
  promptTokens: 12_345,
  completionTokens: 678,
  costUsd,
  savedUsd: 0,
  unpricedCalls,
});
const usage = (patch: Partial<UsageSnapshot>): UsageSnapshot => ({
  byRole: {},
  total: totals(0, 0),
  cacheHits: 0,
  cacheSavedUsd: 0,
  ...patch,
});

describe('usageRows', () => {
  it('lists roles that made calls, in a fixed order', () => {
    const rows = usageRows(
      usage({ byRole: { reflection: totals(3, 0.5), task: totals(120, 0.0021), judge: totals(0, 0) } }),
    );
    expect(rows).toEqual([
      { role: 'task', calls: '120 calls', tokens: '12.3k in / 678 out', cost: '$0.0021' },
      { role: 'reflection', calls: '3 calls', tokens: '12.3k in / 678 out', cost: '$0.50' },
    ]);
  });

  it('does not pass off unpriced calls as free', () => {
    expect(usageRows(usage({ byRole: { task: totals(5, 0, 5) } }))[0]?.cost).toBe('cost unknown');
    expect(usageRows(usage({ byRole: { task: totals(5, 0.2, 1) } }))[0]?.cost).toBe('≥ $0.20');
  });

  it('mentions the cache only when it was hit', () => {
    expect(cacheLine(null)).toBeNull();
    expect(cacheLine(usage({ cacheHits: 0 }))).toBeNull();
    expect(cacheLine(usage({ cacheHits: 1 }))).toBe('cache: 1 hit');
    expect(cacheLine(usage({ cacheHits: 40, cacheSavedUsd: 0.031 }))).toBe('cache: 40 hits, saved $0.03');
  });
});
