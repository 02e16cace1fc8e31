// Usage and cost: every completion a wrapped model returns becomes one UsageRecord, priced from a
// user-editable table (USD per million tokens) at the moment it is recorded, and is told to listeners as
// an event. Totals are kept per LM and per role; a scope (a mark in the record sequence) attributes usage
// to one proposal. Invariants: a cached completion costs nothing and is counted as saved money instead;
// a price change affects later records only, so past totals never shift under the user.
import type {
  Completion,
  CompletionRequest,
  LanguageModel,
  Price,
  PriceTable,
  TokenUsage,
  UsageRecord,
} from './types.ts';

export type LmRole = UsageRecord['role'];

export interface MeteredUsage extends UsageRecord {
  /** position in the meter's record sequence (1-based) */
  seq: number;
  /** what a cached completion would have cost */
  savedUsd: number;
  /** false when the price table has no entry for this LM (its cost shows as 0) */
  priced: boolean;
}

export interface UsageTotals {
  calls: number;
  cachedCalls: number;
  /** tokens paid for; cache hits excluded */
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  savedUsd: number;
  /** calls whose LM has no price: their cost is unknown, not zero */
  unpricedCalls: number;
}

export type UsageListener = (usage: MeteredUsage) => void;

export function emptyTotals(): UsageTotals {
  return { calls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, savedUsd: 0, unpricedCalls: 0 };
}

/**
 * The price for an LM id like "openrouter:openai/gpt-4.1-mini": the id itself, then the model name, then
 * the name without its vendor prefix, then "provider:*" (local servers are free).
 */
export function priceFor(table: PriceTable, lmId: string): Price | undefined {
  const colon = lmId.indexOf(':');
  const provider = colon >= 0 ? lmId.slice(0, colon) : lmId;
  const model = colon >= 0 ? lmId.slice(colon + 1) : lmId;
  const bare = model.slice(model.lastIndexOf('/') + 1);
  return table[lmId] ?? table[model] ?? table[bare] ?? table[`${provider}:*`];
}

export function costUsd(usage: TokenUsage, price: Price | undefined): number {
  if (!price) return 0;
  return (usage.promptTokens * price.inputPerMTok + usage.completionTokens * price.outputPerMTok) / 1_000_000;
}

export function addToTotals(totals: UsageTotals, u: MeteredUsage): void {
  totals.calls++;
  if (u.cached) {
    totals.cachedCalls++;
    totals.savedUsd += u.savedUsd;
  } else {
    totals.promptTokens += u.usage.promptTokens;
    totals.completionTokens += u.usage.completionTokens;
    totals.costUsd += u.costUsd;
  }
  if (!u.priced) totals.unpricedCalls++;
}

function sum(records: Iterable<MeteredUsage>, key?: (u: MeteredUsage) => string): Record<string, UsageTotals> {
  const out: Record<string, UsageTotals> = {};
  for (const u of records) addToTotals((out[key ? key(u) : 'all'] ??= emptyTotals()), u);
  return out;
}

export interface UsageScope {
  totals(): UsageTotals;
  byLm(): Record<string, UsageTotals>;
  records(): MeteredUsage[];
}

export class UsageMeter {
  private table: PriceTable;
  private readonly log: MeteredUsage[] = [];
  private readonly perLm: Record<string, UsageTotals> = {};
  private readonly perRole: Partial<Record<LmRole, UsageTotals>> = {};
  private readonly all = emptyTotals();
  private readonly listeners = new Set<UsageListener>();

  constructor(options: { prices?: PriceTable } = {}) {
    this.table = { ...options.prices };
  }

  get prices(): PriceTable {
    return { ...this.table };
  }

  /** Replaces the price table (the user edited it); applies to calls recorded from now on. */
  setPrices(table: PriceTable): void {
    this.table = { ...table };
  }

  costOf(lmId: string, usage: TokenUsage): number {
    return costUsd(usage, priceFor(this.table, lmId));
  }

  subscribe(listener: UsageListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records one completion of `lmId` in `role`; wrapped models call this for every completion. */
  record(role: LmRole, lmId: string, completion: Pick<Completion, 'usage' | 'cached'>): MeteredUsage {
    const price = priceFor(this.table, lmId);
    const cost = costUsd(completion.usage, price);
    const cached = completion.cached === true;
    const u: MeteredUsage = {
      seq: this.log.length + 1,
      role,
      lmId,
      usage: { ...completion.usage },
      costUsd: cached ? 0 : cost,
      cached,
      savedUsd: cached ? cost : 0,
      priced: price !== undefined,
    };
    this.log.push(u);
    addToTotals((this.perLm[lmId] ??= emptyTotals()), u);
    addToTotals((this.perRole[role] ??= emptyTotals()), u);
    addToTotals(this.all, u);
    for (const listener of this.listeners) listener(u);
    return u;
  }

  /** The same model; each completion it returns is recorded under `role`. */
  wrap(model: LanguageModel, role: LmRole): LanguageModel {
    return {
      id: model.id,
      settingsKey: model.settingsKey,
      complete: async (request: CompletionRequest) => {
        const completion = await model.complete(request);
        this.record(role, model.id, completion);
        return completion;
      },
    };
  }

  totals(): UsageTotals {
    return { ...this.all };
  }

  byLm(): Record<string, UsageTotals> {
    return Object.fromEntries(Object.entries(this.perLm).map(([k, t]) => [k, { ...t }]));
  }

  byRole(): Partial<Record<LmRole, UsageTotals>> {
    return Object.fromEntries(Object.entries(this.perRole).map(([k, t]) => [k, { ...t }]));
  }

  /** The current position in the record sequence, for `since`. */
  mark(): number {
    return this.log.length;
  }

  /** Usage recorded after a mark. With proposals running in parallel, their calls interleave in one scope. */
  since(mark: number): UsageScope {
    const records = () => this.log.slice(mark);
    return {
      totals: () => sum(records()).all ?? emptyTotals(),
      byLm: () => sum(records(), (u) => u.lmId),
      records,
    };
  }

  /** Opens a scope at the current mark: `const s = meter.scope(); …propose…; s.totals()`. */
  scope(): UsageScope {
    return this.since(this.mark());
  }
}
