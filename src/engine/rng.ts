// Seeded, serialisable PRNG (sfc32). The whole engine draws from one instance whose state lives in
// GepaState, so a resumed run continues the exact random sequence of an uninterrupted one.
export type RngState = [number, number, number, number];

export class Rng {
  private s: RngState;

  constructor(seedOrState: number | RngState = 0) {
    if (Array.isArray(seedOrState)) {
      this.s = [...seedOrState] as RngState;
    } else {
      // splitmix32 expands one integer seed into four well-mixed words
      let x = seedOrState >>> 0;
      const next = () => {
        x = (x + 0x9e3779b9) >>> 0;
        let z = x;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
        return (z ^ (z >>> 16)) >>> 0;
      };
      this.s = [next(), next(), next(), next()];
      for (let i = 0; i < 12; i++) this.nextUint32();
    }
  }

  state(): RngState {
    return [...this.s] as RngState;
  }

  setState(state: RngState): void {
    this.s = [...state] as RngState;
  }

  nextUint32(): number {
    let [a, b, c, d] = this.s;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    this.s = [a >>> 0, b, c, d];
    return t;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`Rng.int needs a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }

  choice<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.choice on an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }

  /** Two distinct positions' items, without replacement. */
  sample2<T>(items: readonly T[]): [T, T] {
    if (items.length < 2) throw new RangeError('Rng.sample2 needs at least two items');
    const i = this.int(items.length);
    let j = this.int(items.length - 1);
    if (j >= i) j++;
    return [items[i] as T, items[j] as T];
  }

  /** Weighted pick; falls back to uniform when every weight is zero (the reference crashes there). */
  weightedChoice<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length === 0) throw new RangeError('Rng.weightedChoice on an empty list');
    const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
    if (!(total > 0)) return this.choice(items);
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= Math.max(0, weights[i] ?? 0);
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }
}
