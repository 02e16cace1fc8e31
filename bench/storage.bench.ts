// Checkpoint storage: the time of one checkpoint write at iteration 10 and at iteration 1,000 of a
// synthetic run (one new candidate per iteration, as in a run that accepts every proposal, with the
// engine evaluation cache on as the studio's default; and once more with it off), and the time to
// resume a 1,000-candidate run (loadCheckpoint: read the parts, join them). Runs under Node with
// fake-indexeddb (an in-memory IndexedDB in JavaScript), not in a browser: the absolute times are
// fake-indexeddb's; the ratio is what tells whether a write grows with the run.
import { isDeepStrictEqual } from 'node:util';
import { candidateKey } from '../src/engine/candidateKey.ts';
import { joinState, splitState } from '../src/engine/checkpointParts.ts';
import { createState } from '../src/engine/index.ts';
import type { GepaState } from '../src/engine/index.ts';
import { updateFronts } from '../src/engine/paretoFront.ts';
import { Rng } from '../src/engine/rng.ts';
import { emptySamplerState } from '../src/engine/strategies/batchSampler.ts';
import { createRunRepository } from '../src/storage/index.ts';
import type { IndexedDbRunRepository, RunRecord } from '../src/storage/index.ts';
import type { BenchReport } from './report.ts';

const VAL = 30;
const MINIBATCH = 3;
const ITERATIONS = 1000;
/** writes measured on each side of iteration 10 and of iteration 1,000 (the median is reported) */
const WINDOW = 5;
const RATIO_TARGET = 1.5;

const PROMPT = (
  'You are a careful assistant. Answer in the format the examples use, cite the rule you applied, ' +
  'and say when the input is ambiguous. '
).repeat(6);

function initialState(engineCache: boolean): GepaState {
  const state = createState({
    seed: 0,
    componentNames: ['system_prompt', 'extract'],
    valsetSize: VAL,
    trackBestOutputs: false,
    cacheEvaluation: engineCache,
  });
  // a sampler already in its first epoch, as after a real first iteration
  state.sampler = {
    ...emptySamplerState(),
    shuffledIds: Array.from({ length: 60 }, (_, i) => i),
    idFreqs: new Array<number>(60).fill(1),
    lastTrainsetSize: 60,
  };
  return state;
}

/** One iteration of a run that accepts its proposal: a child tried on a minibatch, then scored on the valset. */
function iterate(s: GepaState, rng: Rng, iteration: number): string[] {
  const idx = s.candidates.length;
  const parent = idx === 0 ? null : Math.floor(rng.next() * idx);
  const candidate = {
    system_prompt: `${PROMPT} Rule ${iteration}: mind the units.`,
    extract: `${PROMPT} Step ${iteration}: copy the fields.`,
  };
  const key = candidateKey(candidate);
  const cache = s.evalCache ?? {};
  const added: string[] = [];
  const put = (k: string, v: { score: number; output: string }) => {
    if (s.evalCache && !(k in cache)) added.push(k);
    cache[k] = v;
  };
  const output = (id: number) =>
    `The answer for example ${id} under rule ${iteration}, formatted as the examples show.`;
  for (let k = 0; k < MINIBATCH && idx > 0; k++)
    put(`${key}|train:${(iteration * MINIBATCH + k) % 60}`, { score: rng.next(), output: output(k) });
  const scores = Array.from({ length: VAL }, () => Math.round(rng.next() * 10) / 10);
  scores.forEach((score, v) => put(`${key}|val:${v}`, { score, output: output(v) }));
  s.totalMetricCalls += VAL + (idx > 0 ? 2 * MINIBATCH : 0);
  s.numFullValEvals++;
  s.candidates.push(candidate);
  s.parents.push([parent]);
  s.discoveryIteration.push(iteration);
  s.valSubscores.push(scores);
  s.valObjectiveScores.push(null);
  const average = scores.reduce((a, b) => a + b, 0) / VAL;
  s.valAggregate.push(average);
  s.objectiveAggregates.push({});
  s.discoveryEvalCounts.push(s.totalMetricCalls);
  s.roundRobinNext.push(parent === null ? 0 : ((s.roundRobinNext[parent] as number) + 1) % 2);
  if (idx === 0 || average > (s.valAggregate[s.bestIdx] as number)) s.bestIdx = idx;
  updateFronts(s.fronts, idx, scores, null, {});
  s.iteration = iteration;
  s.proposalCount++;
  s.rng = rng.state();
  return added;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const round = (x: number) => Math.round(x * 1000) / 1000;

async function timed<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

/** Writes a checkpoint after each of `iterations` iterations; returns the time of each write and of its split alone. */
async function syntheticRun(repo: IndexedDbRunRepository, runId: string, iterations: number, engineCache: boolean) {
  await repo.createRun(runRecord(runId));
  const state = initialState(engineCache);
  const rng = new Rng(1);
  const writeMs: number[] = [];
  const splitMs: number[] = [];
  let cacheEntries = 0;
  for (let iteration = 0; iteration <= iterations; iteration++) {
    const added = iterate(state, rng, iteration);
    // the engine tells the checkpoint hook which cache keys are new, as optimize() does
    writeMs[iteration] = (await timed(() => repo.writeCheckpoint(runId, state, { newCacheKeys: added })))[1];
    // the in-memory part of a write alone: split what this iteration added
    splitMs[iteration] = (
      await timed(() => splitState(state, { candidates: state.candidates.length - 1, cacheEntries }, added))
    )[1];
    cacheEntries += added.length;
  }
  return { state, writeMs, splitMs };
}

function runRecord(id: string): RunRecord {
  return {
    id,
    name: 'synthetic run',
    config: {} as RunRecord['config'],
    status: 'running',
    statusMessage: '',
    createdAt: 0,
    updatedAt: 0,
    summary: { bestScore: null, candidates: 0, iterations: 0, metricCalls: 0, cap: null, costUsd: 0 },
    bytes: 0,
  };
}

interface Variant {
  writeMsAt10: number;
  writeMsAt1000: number;
  ratio: number;
  /** the in-memory split alone (copying what is new, listing the engine cache's keys) */
  splitMsAt10: number;
  splitMsAt1000: number;
  /** the rest of a write: mostly its IndexedDB transaction */
  restMsAt10: number;
  restMsAt1000: number;
  cacheEntries: number;
}

function summarise(writeMs: number[], splitMs: number[], state: GepaState): Variant {
  const around = (xs: number[], i: number) => median(xs.slice(i - WINDOW, i + WINDOW + 1));
  const [w10, w1000] = [around(writeMs, 10), around(writeMs, ITERATIONS)];
  const rest = writeMs.map((w, i) => w - (splitMs[i] as number));
  return {
    writeMsAt10: round(w10),
    writeMsAt1000: round(w1000),
    ratio: round(w1000 / w10),
    splitMsAt10: round(around(splitMs, 10)),
    splitMsAt1000: round(around(splitMs, ITERATIONS)),
    restMsAt10: round(around(rest, 10)),
    restMsAt1000: round(around(rest, ITERATIONS)),
    cacheEntries: Object.keys(state.evalCache ?? {}).length,
  };
}

export async function storageBench(): Promise<BenchReport> {
  // installed here, not at the top: the other benchmarks run without an IndexedDB
  const fakeIndexedDb: string = 'fake-indexeddb/auto';
  await import(fakeIndexedDb);
  const dbName = `gepa-bench-storage-${process.pid}`;
  const repo = createRunRepository(dbName);
  await syntheticRun(repo, 'warm-up', 100, true); // so iteration 10 is not measured on cold code
  const runId = 'bench-run';
  const withCache = await syntheticRun(repo, runId, ITERATIONS + WINDOW, true);
  const withoutCache = await syntheticRun(repo, 'bench-run-no-cache', ITERATIONS + WINDOW, false);
  const state = withCache.state;
  const cacheOn = summarise(withCache.writeMs, withCache.splitMs, state);
  const cacheOff = summarise(withoutCache.writeMs, withoutCache.splitMs, withoutCache.state);

  // resume: a fresh repository (a reloaded tab) reads the 1,000-candidate checkpoint and joins it
  const resumeMs: number[] = [];
  let loaded: GepaState | undefined;
  for (let k = 0; k < 5; k++) {
    const reader = createRunRepository(dbName);
    await reader.getRun(runId); // open the connection first: measured is the load, not the open
    [loaded, resumeMs[k]] = await timed(() => reader.loadCheckpoint(runId));
    await reader.close();
  }
  const identical = isDeepStrictEqual(loaded, state);
  const parts = splitState(state);
  const joinMs = median(
    Array.from({ length: 5 }, () => {
      const t = performance.now();
      joinState(parts.head, parts.candidates, parts.cache);
      return performance.now() - t;
    }),
  );
  const run = await repo.getRun(runId);
  await repo.close();

  const resume = median(resumeMs);
  return {
    name: 'storage checkpoints',
    summary:
      `checkpoint write ${cacheOn.writeMsAt10} ms at iteration 10, ${cacheOn.writeMsAt1000} ms at iteration 1,000 ` +
      `(ratio ${cacheOn.ratio}, target ≤ ${RATIO_TARGET}; ` +
      `${cacheOff.ratio} without the engine evaluation cache); resume of ${state.candidates.length} candidates ` +
      `${round(resume)} ms (join ${round(joinMs)} ms)` +
      `${identical ? '' : '; THE LOADED STATE DIFFERS'} — Node with fake-indexeddb, not a browser`,
    pass: cacheOn.ratio <= RATIO_TARGET && identical,
    details: {
      environment:
        'Node with fake-indexeddb (an in-memory IndexedDB in JavaScript): ' +
        'browser IndexedDB times differ, the ratio is the point',
      run: {
        iterations: ITERATIONS,
        newCandidatesPerIteration: 1,
        valsetSize: VAL,
        minibatchSize: MINIBATCH,
        candidates: state.candidates.length,
        storedBytes: run?.bytes,
      },
      engineCacheOn: cacheOn,
      engineCacheOff: cacheOff,
      note:
        'the engine passes the evaluation-cache keys added since the previous checkpoint ' +
        '(CheckpointInfo.newCacheKeys), so a write touches only what is new',
      resumeMs: round(resume),
      resumeRunsMs: resumeMs.map(round),
      joinMs: round(joinMs),
      loadedStateIdentical: identical,
    },
  };
}
