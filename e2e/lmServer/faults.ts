// Fault injection for the test server: which request gets which fault. Selection is seeded and advances
// once per chat request, so a given seed faults the same request numbers on every run; a scripted
// sequence is served first, so a test can say "the next call gets a 429" exactly.
import { seededRandom } from '../seededRandom.ts';

export const FAULT_KINDS = ['429', '500', 'hang', 'truncated', 'non_json'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultConfig {
  /** fraction of chat requests that get a fault, in [0, 1] */
  rate: number;
  /** kinds picked uniformly for a faulted request */
  kinds: FaultKind[];
  seed: number;
  /** what a 429 asks the client to wait (sent as retry-after-ms and, rounded up, retry-after) */
  retryAfterMs: number;
  /** faults for the next requests, in order, before the rate applies */
  sequence: FaultKind[];
}

export const NO_FAULTS: FaultConfig = { rate: 0, kinds: [...FAULT_KINDS], seed: 1, retryAfterMs: 1000, sequence: [] };

export function parseFaultKinds(text: string): FaultKind[] {
  const kinds = text
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const k of kinds)
    if (!(FAULT_KINDS as readonly string[]).includes(k))
      throw new Error(`unknown fault kind "${k}" (known: ${FAULT_KINDS.join(', ')})`);
  return kinds as FaultKind[];
}

export class FaultPicker {
  private config: FaultConfig;
  private random: () => number;
  private sequence: FaultKind[];

  constructor(config: Partial<FaultConfig> = {}) {
    this.config = { ...NO_FAULTS, ...config };
    this.random = seededRandom(this.config.seed);
    this.sequence = [...this.config.sequence];
  }

  get current(): FaultConfig {
    return { ...this.config, sequence: [...this.sequence] };
  }

  /** Changes the configuration; a new seed or sequence restarts the deterministic selection. */
  update(patch: Partial<FaultConfig>): void {
    this.config = { ...this.config, ...patch };
    if (patch.seed !== undefined) this.random = seededRandom(this.config.seed);
    if (patch.sequence !== undefined) this.sequence = [...patch.sequence];
  }

  next(): FaultKind | undefined {
    const scripted = this.sequence.shift();
    if (scripted) return scripted;
    // both draws happen for every request, so the choice for request n does not depend on earlier choices
    const hit = this.random() < this.config.rate;
    const pick = this.random();
    if (!hit || this.config.kinds.length === 0) return undefined;
    return this.config.kinds[Math.floor(pick * this.config.kinds.length)];
  }
}
