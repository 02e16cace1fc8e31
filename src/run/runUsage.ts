// A run's usage as its events report it: a snapshot of the built run's meter and evaluation cache, and
// the sum across sessions of one run: a resumed run's meter starts from zero, so what the run paid before
// the interruption (its last stored usage snapshot) is added to every snapshot the new session reports.
import type { UsageTotals } from '../lm/usage.ts';
import type { BuiltRun } from './buildRun.ts';
import type { UsageSnapshot } from './runEvent.ts';

export function usageSnapshot(built: Pick<BuiltRun, 'meter' | 'taskCache'>): UsageSnapshot {
  const stats = built.taskCache?.stats();
  return {
    byRole: built.meter.byRole(),
    total: built.meter.totals(),
    cacheHits: stats?.hits ?? 0,
    cacheSavedUsd: stats?.savedUsd ?? 0,
  };
}

function addTotals(a: UsageTotals | undefined, b: UsageTotals | undefined): UsageTotals | undefined {
  if (!a || !b) return a ?? b;
  return {
    calls: a.calls + b.calls,
    cachedCalls: a.cachedCalls + b.cachedCalls,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    costUsd: a.costUsd + b.costUsd,
    savedUsd: a.savedUsd + b.savedUsd,
    unpricedCalls: a.unpricedCalls + b.unpricedCalls,
  };
}

export function addUsage(before: UsageSnapshot | null | undefined, now: UsageSnapshot): UsageSnapshot {
  if (!before) return now;
  const byRole: UsageSnapshot['byRole'] = {};
  for (const role of ['task', 'reflection', 'judge'] as const) {
    const sum = addTotals(before.byRole[role], now.byRole[role]);
    if (sum) byRole[role] = sum;
  }
  return {
    byRole,
    total: addTotals(before.total, now.total) as UsageTotals,
    cacheHits: before.cacheHits + now.cacheHits,
    cacheSavedUsd: before.cacheSavedUsd + now.cacheSavedUsd,
  };
}
