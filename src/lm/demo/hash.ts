// The demo model's only source of "randomness": a 32-bit FNV-1a hash of its input, so the same
// messages always give the same answer and no clock or Math.random is involved.
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // a final avalanche, so nearby inputs do not give nearby residues
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A deterministic choice from a non-empty list, keyed by a hash. */
export function pick<T>(items: readonly T[], h: number): T {
  if (items.length === 0) throw new RangeError('pick from an empty list');
  return items[h % items.length] as T;
}

/** Rough token count (about four characters a token), as the demo model reports usage. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
