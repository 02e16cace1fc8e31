import { describe, expect, it } from 'vitest';
import { cellText } from './cellText.ts';

describe('cell text', () => {
  it('keeps short strings and renders other values as JSON', () => {
    expect(cellText('hello')).toEqual({ short: 'hello', full: 'hello' });
    expect(cellText({ a: 1 }).short).toBe('{"a":1}');
    expect(cellText(3).short).toBe('3');
    expect(cellText(null)).toEqual({ short: '', full: '' });
  });

  it('cuts long or multi-line text to one line and keeps the full text', () => {
    const long = `line one\n${'x'.repeat(100)}`;
    const c = cellText(long, 20);
    expect(c.short).toHaveLength(20);
    expect(c.short.endsWith('…')).toBe(true);
    expect(c.short.startsWith('line one x')).toBe(true);
    expect(c.full).toBe(long);
  });
});
