import { describe, expect, it } from 'vitest';
import { cleanName, describeChar, describeFound, nearMissNote, showInvisible } from './invisibleChars.ts';

describe('cleanName', () => {
  it('leaves a plain name alone (trimming ASCII spaces, as before)', () => {
    expect(cleanName(' question ')).toEqual({ name: 'question', found: [] });
  });
  it('removes a zero-width space before a name and says where it was', () => {
    expect(cleanName('\u200Bquestion')).toEqual({
      name: 'question',
      found: [{ code: 0x200b, at: 'before', spaced: false }],
    });
  });
  it('removes BOMs, bidi marks and controls anywhere', () => {
    const cleaned = cleanName('\uFEFFque\u200Estion\u0007');
    expect(cleaned.name).toBe('question');
    expect(cleaned.found.map((f) => [f.code, f.at])).toEqual([
      [0xfeff, 'before'],
      [0x200e, 'inside'],
      [0x7, 'after'],
    ]);
  });
  it('turns a no-break space inside a name into a plain space, and trims one at an end', () => {
    expect(cleanName('first\u00A0name\u00A0')).toEqual({
      name: 'first name',
      found: [
        { code: 0xa0, at: 'inside', spaced: true },
        { code: 0xa0, at: 'after', spaced: false },
      ],
    });
  });
  it('keeps a joiner inside an emoji sequence or a script that needs it, not one next to ASCII', () => {
    expect(cleanName('👩\u200D💻 coder').found).toEqual([]);
    expect(cleanName('می\u200Cخواهم').found).toEqual([]);
    expect(cleanName('ques\u200Dtion').name).toBe('question');
  });
  it('leaves nothing of a name made only of invisible characters', () => {
    expect(cleanName('\u200B\u2060').name).toBe('');
  });
});

describe('messages', () => {
  it('names the character and its code point', () => {
    expect(describeChar(0x200b)).toBe('a zero-width space (U+200B)');
    expect(describeChar(0xfeff)).toBe('a byte order mark (U+FEFF)');
    expect(describeChar(0x1)).toBe('a control character (U+0001)');
    expect(describeChar(0x2009)).toBe('a space (U+2009)');
    expect(describeChar(0xe0001)).toBe('an invisible formatting character (U+E0001)');
  });
  it('describes what was removed and what became a space', () => {
    expect(describeFound(cleanName('\u200B\u200Bquestion'))).toBe(
      'a zero-width space (U+200B) before "question"; removed',
    );
    expect(describeFound(cleanName('\u2060first\u00A0name'))).toBe(
      'a word joiner (U+2060) before "first name"; removed, ' +
        'and a no-break space (U+00A0) inside "first name"; now a plain space',
    );
  });
  it('shows invisible characters in a name', () => {
    expect(showInvisible('\u200Bquestion\u00A0')).toBe('‹U+200B›question‹U+00A0›');
    expect(showInvisible('first name')).toBe('first name');
  });
  it('notes a field that differs from a wanted name only by invisible characters', () => {
    expect(nearMissNote('question', ['\u200Bquestion', 'answer'])).toBe(
      '; the field "‹U+200B›question" differs from it only by a zero-width space (U+200B)',
    );
    expect(nearMissNote('question', ['questions', 'answer'])).toBe('');
  });
});
