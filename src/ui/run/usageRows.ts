// Tokens and cost per LM role, as the header lists them. A role with unpriced calls says its cost is
// unknown rather than showing a reassuring $0.
import type { UsageSnapshot } from '../../run/runEvent.ts';
import { formatCount, formatUsd } from '../common/format.ts';

export interface UsageRow {
  role: string;
  calls: string;
  tokens: string;
  cost: string;
}

const ROLES = ['task', 'reflection', 'judge'] as const;

export function usageRows(usage: UsageSnapshot | null): UsageRow[] {
  if (!usage) return [];
  const rows: UsageRow[] = [];
  for (const role of ROLES) {
    const t = usage.byRole[role];
    if (!t || t.calls === 0) continue;
    const known = t.unpricedCalls === 0;
    rows.push({
      role,
      calls: `${formatCount(t.calls)} call${t.calls === 1 ? '' : 's'}`,
      tokens: `${formatCount(t.promptTokens)} in / ${formatCount(t.completionTokens)} out`,
      cost: known ? formatUsd(t.costUsd) : t.unpricedCalls === t.calls ? 'cost unknown' : `≥ ${formatUsd(t.costUsd)}`,
    });
  }
  return rows;
}

/** "cache: 12 hits, saved $0.03" or null when nothing came from the cache. */
export function cacheLine(usage: UsageSnapshot | null): string | null {
  if (!usage || usage.cacheHits === 0) return null;
  const saved = usage.cacheSavedUsd > 0 ? `, saved ${formatUsd(usage.cacheSavedUsd)}` : '';
  return `cache: ${formatCount(usage.cacheHits)} hit${usage.cacheHits === 1 ? '' : 's'}${saved}`;
}
