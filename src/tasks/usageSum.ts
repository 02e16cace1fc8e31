// Usage across sessions of one run: a resumed run's meter starts from zero, so what the run paid before
// the interruption (its last stored usage snapshot) is added to every snapshot the new session reports.
import type { UsageTotals } from '../lm/usage.ts';
import type { UsageSnapshot } from '../worker/protocol.ts';

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
