import { describe, expect, it } from 'vitest';
import { nextSelection } from './proposalNavigation.ts';

const ids = [10, 11, 12, 13, 14];

describe('nextSelection', () => {
  it('moves down one row', () => expect(nextSelection(ids, 11, 'ArrowDown', 3)).toBe(12));
  it('moves up one row', () => expect(nextSelection(ids, 11, 'ArrowUp', 3)).toBe(10));
  it('stops at the last row', () => expect(nextSelection(ids, 14, 'ArrowDown', 3)).toBe(14));
  it('stops at the first row', () => expect(nextSelection(ids, 10, 'ArrowUp', 3)).toBe(10));
  it('starts at the top going down with nothing selected', () =>
    expect(nextSelection(ids, null, 'ArrowDown', 3)).toBe(10));
  it('starts at the bottom going up with nothing selected', () =>
    expect(nextSelection(ids, null, 'ArrowUp', 3)).toBe(14));
  it('restarts when the selection is filtered out', () => expect(nextSelection(ids, 99, 'ArrowDown', 3)).toBe(10));
  it('jumps a page, clamped', () => {
    expect(nextSelection(ids, 10, 'PageDown', 3)).toBe(13);
    expect(nextSelection(ids, 13, 'PageDown', 3)).toBe(14);
    expect(nextSelection(ids, 11, 'PageUp', 3)).toBe(10);
  });
  it('jumps to either end', () => {
    expect(nextSelection(ids, 12, 'Home', 3)).toBe(10);
    expect(nextSelection(ids, 12, 'End', 3)).toBe(14);
  });
  it('selects nothing in an empty table', () => expect(nextSelection([], 3, 'ArrowDown', 3)).toBeNull());
});
