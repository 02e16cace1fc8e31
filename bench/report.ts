// The shape every benchmark returns, so bench/run.ts can print and save them alike.
export interface BenchReport {
  name: string;
  summary: string;
  /** whether the target was met on this machine */
  pass: boolean;
  details: Record<string, unknown>;
}
