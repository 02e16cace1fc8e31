import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.ts';

describe('throttle', () => {
  let t = 0;
  const now = () => t;
  beforeEach(() => {
    vi.useFakeTimers();
    t = 1000;
  });
  afterEach(() => vi.useRealTimers());

  it('calls at once, then once at the end of a burst', () => {
    const fn = vi.fn();
    const th = throttle(fn, 250, now);
    th.call();
    expect(fn).toHaveBeenCalledTimes(1);
    t += 100;
    th.call();
    th.call();
    expect(fn).toHaveBeenCalledTimes(1);
    t += 150;
    vi.advanceTimersByTime(150);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('calls at once again after a quiet interval', () => {
    const fn = vi.fn();
    const th = throttle(fn, 250, now);
    th.call();
    t += 300;
    th.call();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('cancel drops the trailing call', () => {
    const fn = vi.fn();
    const th = throttle(fn, 250, now);
    th.call();
    t += 10;
    th.call();
    th.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
