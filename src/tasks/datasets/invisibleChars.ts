// Characters a field name can hold without showing them: zero-width spaces, byte order marks, bidi marks,
// control characters, no-break and other unusual spaces. A header copied from a web page or a spreadsheet
// often carries one, and then "{{question}}" does not match a column that prints as "question". Names are
// cleaned where a file is read, and every message that lists field names shows what is left visibly.
// Invariant: a cleaned name holds no character from here, except a joiner inside a script that needs it.

/** Names for the characters users actually meet; others get a generic one by category. */
const NAMES: Record<number, string> = {
  0x0009: 'tab',
  0x000a: 'line break',
  0x000d: 'carriage return',
  0x00a0: 'no-break space',
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x202f: 'narrow no-break space',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x3000: 'ideographic space',
  0xfeff: 'byte order mark',
};

// any whitespace but the ASCII space (tabs, newlines, no-break and other unusual spaces) reads as a space
const ODD_SPACE = /[^\S\u0020\ufeff]/u;
// format characters (Cf: zero-width, bidi, BOM, soft hyphen) and the other controls show as nothing
const HIDDEN = /[\p{Cf}\p{Cc}]/u;
const INVISIBLE = /[\p{Cf}\p{Cc}]|[^\S\u0020]/gu;
const JOINERS = new Set([0x200c, 0x200d]);

export type Position = 'before' | 'after' | 'inside';

export interface InvisibleFound {
  code: number;
  at: Position;
  /** true when it became a plain space (an odd space inside the name), false when it was removed */
  spaced: boolean;
}

export interface CleanedName {
  name: string;
  found: InvisibleFound[];
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

const codeOf = (char: string) => char.codePointAt(0) ?? 0;

/** "a zero-width space (U+200B)" */
export function describeChar(code: number): string {
  const name =
    NAMES[code] ??
    (code <= 0x9f
      ? 'control character'
      : ODD_SPACE.test(String.fromCodePoint(code))
        ? 'space'
        : 'invisible formatting character');
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name} (${hex(code)})`;
}

/** A joiner between two non-ASCII characters (an emoji sequence, Persian, an Indic script) is meaningful. */
function meaningfulJoiner(chars: string[], i: number): boolean {
  const wide = (c: string | undefined) => c !== undefined && codeOf(c) > 0x7f && !HIDDEN.test(c) && !ODD_SPACE.test(c);
  return JOINERS.has(codeOf(chars[i] ?? '')) && wide(chars[i - 1]) && wide(chars[i + 1]);
}

/** The name without invisible characters (odd spaces inside it become plain ones), and what was found. */
export function cleanName(raw: string): CleanedName {
  const chars = [...raw];
  const found: { code: number; index: number; spaced: boolean }[] = [];
  const kept = chars.map((char, index) => {
    if (ODD_SPACE.test(char)) {
      found.push({ code: codeOf(char), index, spaced: true });
      return ' ';
    }
    if (HIDDEN.test(char) && !meaningfulJoiner(chars, index)) {
      found.push({ code: codeOf(char), index, spaced: false });
      return '';
    }
    return char;
  });
  if (found.length === 0) return { name: raw.trim(), found: [] };
  const name = kept.join('').trim().replace(/ {2,}/g, ' ');
  // where each find sits: before the first visible character, after the last one, or between them
  const visible = chars.map((c, i) => c !== ' ' && !found.some((f) => f.index === i));
  const first = visible.indexOf(true);
  const last = visible.lastIndexOf(true);
  return {
    name,
    found: found.map(({ code, index, spaced }) => {
      const at: Position = first === -1 || index < first ? 'before' : index > last ? 'after' : 'inside';
      // a space at either end is trimmed: removed, not kept as a space
      return { code, at, spaced: spaced && at === 'inside' };
    }),
  };
}

/** 'a zero-width space (U+200B) before "question"; removed' (what was found in one name, once each). */
export function describeFound(cleaned: CleanedName): string {
  const phrase = (list: InvisibleFound[]) => {
    const seen = new Map<string, InvisibleFound>();
    for (const f of list) seen.set(`${f.code}:${f.at}`, f);
    return [...seen.values()].map((f) => `${describeChar(f.code)} ${f.at} "${cleaned.name}"`).join(' and ');
  };
  const removed = cleaned.found.filter((f) => !f.spaced);
  const spaced = cleaned.found.filter((f) => f.spaced);
  return [
    removed.length ? `${phrase(removed)}; removed` : '',
    spaced.length ? `${phrase(spaced)}; now a plain space` : '',
  ]
    .filter(Boolean)
    .join(', and ');
}

/** The name with each invisible character shown as ‹U+XXXX›, so a message never prints two "same" names. */
export function showInvisible(name: string): string {
  return name.replace(INVISIBLE, (c) => `‹${hex(codeOf(c))}›`);
}

/** The field whose name differs from `wanted` only by invisible characters, if there is one. */
export function nearMiss(wanted: string, fields: readonly string[]): string | undefined {
  const bare = cleanName(wanted).name;
  return fields.find((f) => f !== wanted && cleanName(f).name === bare);
}

/** '; the field "‹U+200B›question" differs from it only by a zero-width space (U+200B)', or ''. */
export function nearMissNote(wanted: string, fields: readonly string[]): string {
  const near = nearMiss(wanted, fields);
  if (near === undefined) return '';
  const chars = [...new Set([...cleanName(near).found, ...cleanName(wanted).found].map((f) => f.code))];
  const what = chars.length ? chars.map(describeChar).join(' and ') : 'spaces at its ends';
  return `; the field "${showInvisible(near)}" differs from it only by ${what}`;
}
