import { describe, expect, it } from 'vitest';
import { contentId } from './keepImport.ts';

describe('contentId', () => {
  it('names a file by its content: the same text the same id, another text another', () => {
    expect(contentId('{"a":1}')).toBe(contentId('{"a":1}'));
    expect(contentId('{"a":1}')).not.toBe(contentId('{"a":2}'));
    expect(contentId('')).toMatch(/^import-[0-9a-f]{16}$/);
  });
});
