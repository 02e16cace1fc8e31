// Engine overhead per iteration, excluding LM time, as the run grows to 300 candidates on a
// 500-example valset; and the cost of one Pareto-front update at each size.
// The adapter and reflection LM answer instantly from a hash, so what is measured is the engine.
// Besides wall time, each bucket gives the process CPU time per iteration (all threads, so GC helpers
// count too): on a busy machine wall time also holds time spent descheduled, CPU time does not.
import { optimize } from '../src/engine/index.ts';
import type { Candidate, GepaAdapter } from '../src/engine/index.ts';
import { emptyFronts, updateFronts } from '../src/engine/paretoFront.ts';
import type { BenchReport } from './report.ts';

// FNV-1a, resumable: hash(a + b) === unit(fnv(fnv(FNV_START, a), b)), so the adapter hashes the
// candidate once per batch and makes no string per example (its garbage would be collected on the
// engine's time)
const FNV_START = 2166136261;
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}
const unit = (h: number) => (h >>> 0) / 4294967296;
const hash = (s: string) => unit(fnv(FNV_START, s));

const VAL = 500;
const TARGET_CANDIDATES = 300;

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export async function engineOverheadBench(): Promise<BenchReport> {
  // the adapter and LM are synchronous CPU work here, so their wall time stands for their CPU time too
  let lmMs = 0;
  const timed = async <T>(f: () => T): Promise<T> => {
    const t = performance.now();
    const r = f();
    lmMs += performance.now() - t;
    return r;
  };
  const adapter: GepaAdapter<number, number, number> = {
    evaluate: (batch, c, traces) =>
      timed(() => {
        const prefix = fnv(FNV_START, (c.instruction ?? '') + ':');
        const scores = batch.map((id) => (unit(fnv(prefix, String(id))) < 0.5 ? 1 : 0));
        return { outputs: scores, scores, trajectories: traces ? scores : null };
      }),
    makeReflectiveDataset: (_c, b, comps) =>
      Object.fromEntries(comps.map((n) => [n, b.scores.map((s) => ({ Feedback: `score ${s}` }))])),
  };
  let counter = 0;
  const reflectionLm = (prompt: string) => timed(() => '```\nvariant ' + counter++ + ' ' + prompt.length + '\n```');
  const trainset = Array.from({ length: 200 }, (_, i) => i);
  const valset = Array.from({ length: VAL }, (_, i) => i);

  const perIteration: { candidates: number; ms: number; cpuMs: number }[] = [];
  let iterStart = 0;
  let cpuAtStart = 0;
  let lmAtStart = 0;
  const seed: Candidate = { instruction: 'seed' };
  const t0 = performance.now();
  await optimize({
    seedCandidate: seed,
    trainset,
    valset,
    adapter,
    reflectionLm,
    acceptanceCriterion: 'improvement_or_equal',
    skipPerfectScore: false,
    stopConditions: { kind: 'maxCandidates', count: TARGET_CANDIDATES },
    maxMetricCalls: 10_000_000,
    callbacks: {
      // process.cpuUsage() is a system call: read outside the wall-time window
      onIterationStart: () => {
        cpuAtStart = cpuMs();
        lmAtStart = lmMs;
        iterStart = performance.now();
      },
      onIterationEnd: (e) => {
        const ms = performance.now() - iterStart - (lmMs - lmAtStart);
        const cpu = cpuMs() - cpuAtStart - (lmMs - lmAtStart);
        perIteration.push({ candidates: e.state.candidates.length, ms, cpuMs: cpu });
      },
    },
  });
  const totalMs = performance.now() - t0;

  const buckets = [50, 100, 150, 200, 250, 300].map((upTo) => {
    const rows = perIteration.filter((r) => r.candidates > upTo - 50 && r.candidates <= upTo);
    const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
    return {
      candidates: `${upTo - 49}-${upTo}`,
      iterations: rows.length,
      meanMs: mean(ms),
      p95Ms: ms[Math.floor(ms.length * 0.95)] ?? 0,
      meanCpuMs: mean(rows.map((r) => r.cpuMs)),
    };
  });

  // Pareto update cost alone, at growing front sizes (fresh random scores per candidate)
  const fronts = emptyFronts(VAL);
  const paretoRows: { candidates: number; usPerUpdate: number }[] = [];
  for (let c = 0; c < 1000; c++) {
    const scores = Array.from({ length: VAL }, (_, v) => hash(`${c}/${v}`));
    const t = performance.now();
    updateFronts(fronts, c, scores, null, {});
    const us = (performance.now() - t) * 1000;
    if ([9, 99, 299, 999].includes(c)) paretoRows.push({ candidates: c + 1, usPerUpdate: us });
  }

  const last = buckets[buckets.length - 1];
  return {
    name: 'engine overhead',
    summary:
      `mean engine overhead per iteration at ${last?.candidates} candidates × ${VAL} val examples: ` +
      `${last?.meanMs.toFixed(3)} ms (target < 2 ms; CPU ${last?.meanCpuMs.toFixed(3)} ms)`,
    pass: (last?.meanMs ?? Infinity) < 2,
    details: {
      totalRunMs: totalMs,
      lmAndAdapterMs: lmMs,
      iterations: perIteration.length,
      buckets,
      paretoUpdate: paretoRows,
    },
  };
}
