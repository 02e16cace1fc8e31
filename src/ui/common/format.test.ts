import { describe, expect, it } from 'vitest';
import { firstLine, formatCount, formatDuration, formatScore, formatUsd } from './format.ts';

describe('format', () => {
  it('shows scores with three decimals and a dash when missing', () => {
    expect(formatScore(0.5)).toBe('0.500');
    expect(formatScore(null)).toBe('—');
    expect(formatScore(Number.NaN)).toBe('—');
  });

  it('shows durations coarser as they grow', () => {
    expect(formatDuration(45_400)).toBe('45s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
    expect(formatDuration(null)).toBe('—');
  });

  it('abbreviates token counts', () => {
    expect(formatCount(950)).toBe('950');
    expect(formatCount(1234)).toBe('1.23k');
    expect(formatCount(12_345)).toBe('12.3k');
    expect(formatCount(4_560_000)).toBe('4.56M');
  });

  it('keeps small sums of money visible', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.00123)).toBe('$0.0012');
    expect(formatUsd(1.5)).toBe('$1.50');
    expect(formatUsd(250.4)).toBe('$250');
  });

  it('takes the first non-empty line and cuts it', () => {
    expect(firstLine('\n  Be brief.\nMore')).toBe('Be brief.');
    expect(firstLine('abcdef', 4)).toBe('abc…');
  });
});
