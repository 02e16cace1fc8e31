import { describe, expect, it } from 'vitest';
import { labelColorOn, legendGradient, roundDomain, scoreColor, scoreDomain } from './scoreColor.ts';

describe('scoreColor', () => {
  it('spans the observed scores', () => {
    expect(scoreDomain([0.3, 0.9, 0.5])).toEqual([0.3, 0.9]);
    expect(scoreDomain([])).toEqual([0, 1]);
  });

  it('widens a narrow range around its middle, inside [0, 1]', () => {
    const [lo, hi] = scoreDomain([0.5, 0.52]);
    expect(lo).toBeCloseTo(0.46);
    expect(hi).toBeCloseTo(0.56);
    expect(scoreDomain([1, 1])).toEqual([0.9, 1]);
  });

  it('rounds a domain out to multiples of a step, leaving round ends as they are', () => {
    expect(roundDomain([0.325, 0.925])).toEqual([0.3, 0.95]);
    expect(roundDomain([0.15, 0.7])).toEqual([0.15, 0.7]);
    expect(roundDomain([0.31, 0.49], 0.1)).toEqual([0.3, 0.5]);
  });

  it('darkens with the score and clamps outside the domain', () => {
    const color = scoreColor([0, 1]);
    expect(color(1)).not.toBe(color(0));
    expect(color(2)).toBe(color(1));
    expect(labelColorOn(color(0))).toBe('#1d2330');
    expect(labelColorOn(color(1))).toBe('#ffffff');
  });

  it('builds a legend gradient', () => {
    expect(legendGradient(3)).toMatch(/^linear-gradient\(to right, rgb\(.+\) 0%, .+ 50%, .+ 100%\)$/);
  });
});
