import { describe, expect, it } from 'vitest';
import { addUsage } from './runUsage.ts';
import { emptyTotals } from '../lm/usage.ts';
import type { UsageSnapshot } from './runEvent.ts';

const totals = (calls: number, costUsd: number) => ({ ...emptyTotals(), calls, costUsd });
const snap = (task: number, reflection: number | null): UsageSnapshot => ({
  byRole: {
    task: totals(task, task / 100),
    ...(reflection === null ? {} : { reflection: totals(reflection, reflection / 10) }),
  },
  total: totals(task + (reflection ?? 0), task / 100 + (reflection ?? 0) / 10),
  cacheHits: task,
  cacheSavedUsd: 0.5,
});

describe('addUsage', () => {
  it('is the new snapshot when nothing was paid before', () => expect(addUsage(null, snap(3, 1))).toEqual(snap(3, 1)));

  it('adds per role, in total and for the cache', () => {
    const sum = addUsage(snap(10, 2), snap(4, null));
    expect(sum.byRole.task?.calls).toBe(14);
    expect(sum.byRole.reflection?.calls).toBe(2);
    expect(sum.total.calls).toBe(16);
    expect(sum.total.costUsd).toBeCloseTo(0.34);
    expect(sum.cacheHits).toBe(14);
    expect(sum.cacheSavedUsd).toBe(1);
  });
});
