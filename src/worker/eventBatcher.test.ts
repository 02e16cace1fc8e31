import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyTotals } from '../lm/usage.ts';
import { createEventBatcher } from './eventBatcher.ts';
import type { RunEvent } from '../run/runEvent.ts';

const budget = (used: number): RunEvent => ({ type: 'budget', used, cap: 100, iteration: used });
const log = (message: string): RunEvent => ({ type: 'log', level: 'info', message });

describe('event batcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends nothing until the frame timer fires, then everything in one batch, in order', () => {
    const send = vi.fn();
    const b = createEventBatcher(send);
    b.push(log('a'));
    b.push(log('b'));
    vi.advanceTimersByTime(15);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(send).toHaveBeenCalledExactlyOnceWith([log('a'), log('b')]);
  });

  it('keeps only the latest budget and usage snapshot of a batch', () => {
    const send = vi.fn();
    const b = createEventBatcher(send);
    const usage = (calls: number): RunEvent => ({
      type: 'usage',
      usage: { byRole: {}, total: { ...emptyTotals(), calls }, cacheHits: 0, cacheSavedUsd: 0 },
    });
    b.push(budget(1));
    b.push(usage(1));
    b.push(log('x'));
    b.push(budget(2));
    b.push(usage(2));
    b.push(budget(3));
    vi.runAllTimers();
    expect(send).toHaveBeenCalledExactlyOnceWith([log('x'), usage(2), budget(3)]);
  });

  it('starts a fresh batch after each flush and sends nothing for an empty one', () => {
    const send = vi.fn();
    const b = createEventBatcher(send);
    b.push(budget(1));
    vi.runAllTimers();
    b.push(budget(2));
    vi.runAllTimers();
    vi.runAllTimers();
    expect(send.mock.calls).toEqual([[[budget(1)]], [[budget(2)]]]);
  });

  it('flush sends at once and cancels the timer; dispose drops what is pending', () => {
    const send = vi.fn();
    const b = createEventBatcher(send);
    b.push(log('now'));
    b.flush();
    expect(send).toHaveBeenCalledExactlyOnceWith([log('now')]);
    b.push(log('dropped'));
    b.dispose();
    vi.runAllTimers();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
