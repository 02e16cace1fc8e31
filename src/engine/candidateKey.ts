// A short, stable key for a candidate's texts (order of components does not matter), used by the
// evaluation cache. cyrb53-style hashing over the canonical JSON; two 53-bit halves make accidental
// collisions negligible for the thousands of candidates a run produces.
import type { Candidate } from './types.ts';

function hash53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function canonicalCandidate(c: Candidate): string {
  return JSON.stringify(
    Object.keys(c)
      .sort()
      .map((k) => [k, c[k]]),
  );
}

export function candidateKey(c: Candidate): string {
  const s = canonicalCandidate(c);
  return hash53(s, 1).toString(36) + hash53(s, 2).toString(36);
}
