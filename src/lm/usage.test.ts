import { describe, expect, it } from 'vitest';
import { defaultPriceTable } from './presets.ts';
import type { LanguageModel, PriceTable, TokenUsage } from './types.ts';
import { costUsd, priceFor, UsageMeter, type MeteredUsage } from './usage.ts';

const prices: PriceTable = {
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'openai:gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'ollama:*': { inputPerMTok: 0, outputPerMTok: 0 },
};

function scripted(id: string, usage: TokenUsage, cached = false): LanguageModel {
  return {
    id,
    settingsKey: id,
    complete: async () => ({ text: 'ok', usage, latencyMs: 1, model: id, ...(cached ? { cached: true } : {}) }),
  };
}

describe('prices', () => {
  it('finds a price by id, model name, name without vendor prefix, then provider wildcard', () => {
    expect(priceFor(prices, 'openai:gpt-4.1')?.inputPerMTok).toBe(2);
    expect(priceFor(prices, 'openai:gpt-4.1-mini')?.inputPerMTok).toBe(0.4);
    expect(priceFor(prices, 'openrouter:openai/gpt-4.1-mini')?.outputPerMTok).toBe(1.6);
    expect(priceFor(prices, 'ollama:llama3.2')?.inputPerMTok).toBe(0);
    expect(priceFor(prices, 'groq:unknown-model')).toBeUndefined();
  });

  it('costs tokens per million', () => {
    expect(costUsd({ promptTokens: 1000, completionTokens: 500 }, prices['gpt-4.1-mini'])).toBeCloseTo(
      0.0004 + 0.0008,
      12,
    );
    expect(
      costUsd({ promptTokens: 2_000_000, completionTokens: 1_000_000 }, { inputPerMTok: 3, outputPerMTok: 15 }),
    ).toBeCloseTo(21, 9);
    expect(costUsd({ promptTokens: 10, completionTokens: 10 }, undefined)).toBe(0);
  });

  it('the default table prices the demo model and local servers at zero and is a fresh copy', () => {
    const table = defaultPriceTable();
    expect(priceFor(table, 'demo')).toEqual({ inputPerMTok: 0, outputPerMTok: 0 });
    expect(priceFor(table, 'vllm:any')).toEqual({ inputPerMTok: 0, outputPerMTok: 0 });
    table['gpt-4.1-mini']!.inputPerMTok = 99;
    expect(defaultPriceTable()['gpt-4.1-mini']!.inputPerMTok).toBe(0.4);
  });
});

describe('UsageMeter', () => {
  it('records every completion of a wrapped model with its role and cost, and tells listeners', async () => {
    const meter = new UsageMeter({ prices });
    const events: MeteredUsage[] = [];
    meter.subscribe((u) => events.push(u));
    const task = meter.wrap(scripted('openai:gpt-4.1-mini', { promptTokens: 1000, completionTokens: 500 }), 'task');
    const reflection = meter.wrap(
      scripted('openai:gpt-4.1', { promptTokens: 4000, completionTokens: 1000 }),
      'reflection',
    );
    await task.complete({ messages: [] });
    await task.complete({ messages: [] });
    await reflection.complete({ messages: [] });

    expect(events.map((e) => [e.seq, e.role, e.lmId])).toEqual([
      [1, 'task', 'openai:gpt-4.1-mini'],
      [2, 'task', 'openai:gpt-4.1-mini'],
      [3, 'reflection', 'openai:gpt-4.1'],
    ]);
    expect(events[0]!.costUsd).toBeCloseTo(0.0012, 12);
    const byLm = meter.byLm();
    expect(byLm['openai:gpt-4.1-mini']).toMatchObject({ calls: 2, promptTokens: 2000, completionTokens: 1000 });
    expect(byLm['openai:gpt-4.1-mini']!.costUsd).toBeCloseTo(0.0024, 12);
    expect(byLm['openai:gpt-4.1']!.costUsd).toBeCloseTo(0.008 + 0.008, 12);
    expect(meter.byRole().reflection?.calls).toBe(1);
    expect(meter.totals().costUsd).toBeCloseTo(0.0024 + 0.016, 12);
  });

  it('a cached completion costs nothing and counts as money saved', () => {
    const meter = new UsageMeter({ prices });
    const u = meter.record('task', 'openai:gpt-4.1-mini', {
      usage: { promptTokens: 1000, completionTokens: 500 },
      cached: true,
    });
    expect(u).toMatchObject({ cached: true, costUsd: 0 });
    expect(u.savedUsd).toBeCloseTo(0.0012, 12);
    expect(meter.totals()).toMatchObject({
      calls: 1,
      cachedCalls: 1,
      promptTokens: 0,
      completionTokens: 0,
      costUsd: 0,
    });
    expect(meter.totals().savedUsd).toBeCloseTo(0.0012, 12);
  });

  it('flags calls it cannot price instead of calling them free', () => {
    const meter = new UsageMeter({ prices });
    meter.record('judge', 'groq:mystery', { usage: { promptTokens: 10, completionTokens: 10 } });
    expect(meter.totals()).toMatchObject({ calls: 1, costUsd: 0, unpricedCalls: 1 });
  });

  it('a price edit applies to later calls only', () => {
    const meter = new UsageMeter({ prices });
    const usage = { promptTokens: 1_000_000, completionTokens: 0 };
    meter.record('task', 'openai:gpt-4.1-mini', { usage });
    meter.setPrices({ ...prices, 'gpt-4.1-mini': { inputPerMTok: 1, outputPerMTok: 1 } });
    meter.record('task', 'openai:gpt-4.1-mini', { usage });
    expect(meter.totals().costUsd).toBeCloseTo(1.4, 9);
    expect(meter.prices['gpt-4.1-mini']!.inputPerMTok).toBe(1);
  });

  it('a scope attributes the usage since its mark to one proposal', async () => {
    const meter = new UsageMeter({ prices });
    const task = meter.wrap(scripted('openai:gpt-4.1-mini', { promptTokens: 100, completionTokens: 10 }), 'task');
    const reflection = meter.wrap(
      scripted('openai:gpt-4.1', { promptTokens: 1000, completionTokens: 100 }),
      'reflection',
    );
    await task.complete({ messages: [] });

    const proposal = meter.scope();
    await reflection.complete({ messages: [] });
    await task.complete({ messages: [] });
    await task.complete({ messages: [] });

    expect(proposal.totals()).toMatchObject({ calls: 3, promptTokens: 1200, completionTokens: 120 });
    expect(proposal.byLm()['openai:gpt-4.1']!.calls).toBe(1);
    expect(proposal.records().map((r) => r.seq)).toEqual([2, 3, 4]);
    expect(meter.since(meter.mark()).totals().calls).toBe(0);
    expect(meter.totals().calls).toBe(4);
  });

  it('unsubscribed listeners hear nothing more, and failed calls record nothing', async () => {
    const meter = new UsageMeter({ prices });
    const heard: number[] = [];
    const stop = meter.subscribe((u) => heard.push(u.seq));
    meter.record('task', 'a', { usage: { promptTokens: 1, completionTokens: 1 } });
    stop();
    meter.record('task', 'a', { usage: { promptTokens: 1, completionTokens: 1 } });
    const failing = meter.wrap(
      { id: 'f', settingsKey: 'f', complete: () => Promise.reject(new Error('down')) },
      'task',
    );
    await expect(failing.complete({ messages: [] })).rejects.toThrow('down');
    expect(heard).toEqual([1]);
    expect(meter.totals().calls).toBe(2);
  });
});
