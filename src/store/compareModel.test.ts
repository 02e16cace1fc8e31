import { describe, expect, it } from 'vitest';
import type { CandidateRow } from '../engine/index.ts';
import { demoRunConfig } from '../run/demoRunConfig.ts';
import { emptyExportedRun } from '../run/exportFormat.ts';
import type { CandidateExport, ExportedRun } from '../run/exportFormat.ts';
import type { RunConfig } from '../run/runConfig.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import type { Example } from '../tasks/types.ts';
import { bestCandidate, compareRuns, flattenConfig, inputText } from './compareModel.ts';

const ex = (id: string, review: string, answer = 'positive'): Example => ({ id, review, answer });

function candidate(idx: number, score: number, valScores: number[], texts: Record<string, string>, at = 0) {
  const row: CandidateRow = {
    iteration: idx,
    candidateIdx: idx,
    parentIds: idx ? [0] : [],
    valsetScore: score,
    isBest: false,
    origin: idx ? 'reflective' : 'seed',
    texts,
    metricCallsAtDiscovery: at,
  };
  return { row, valScores, outputs: valScores.map((s, i) => `out ${idx}/${i}/${s}`) } satisfies CandidateExport;
}

function run(config: RunConfig | null, patch: Partial<ExportedRun>): ExportedRun {
  return { ...emptyExportedRun('r', config), status: 'finished', ...patch };
}

const demo = demoRunConfig(sentimentTask);
// the demo task maps an id field; most tests use a dataset without one
const { id: _id, ...noIds } = demo.dataset.mapping;
const base: RunConfig = { ...demo, dataset: { ...demo.dataset, mapping: noIds } };

describe('compareRuns', () => {
  it('lists only the settings that differ, without dataset rows or keys', () => {
    const a = run({ ...base, taskLm: { ...base.taskLm, apiKey: 'sk-secret' } as RunConfig['taskLm'] }, {});
    const b = run({ ...base, options: { ...base.options, reflectionMinibatchSize: 3, seed: 7 } }, {});
    const c = compareRuns({ name: 'A', run: a }, { name: 'B', run: b });
    expect(c.settingsKnown).toBe(true);
    expect(c.settings).toEqual([
      { path: 'options.reflectionMinibatchSize', a: String(base.options.reflectionMinibatchSize), b: '3' },
      { path: 'options.seed', a: '0', b: '7' },
    ]);
    expect(c.sameSettings).toBeGreaterThan(10);
    expect(JSON.stringify(c)).not.toContain('sk-secret');
    expect(JSON.stringify(c.settings)).not.toContain('rows');
  });

  it('names a field only one config has, and says when a run has no config', () => {
    const a = run(base, {});
    const b = run({ ...base, judgeLm: { provider: 'demo', baseUrl: 'offline', model: 'judge' } }, {});
    const c = compareRuns({ name: 'A', run: a }, { name: 'B', run: b });
    expect(c.settings.find((s) => s.path === 'judgeLm.model')).toEqual({
      path: 'judgeLm.model',
      a: undefined,
      b: '"judge"',
    });
    expect(compareRuns({ name: 'A', run: a }, { name: 'B', run: run(null, {}) }).settingsKnown).toBe(false);
  });

  it('takes best scores, best candidates and step curves over metric calls', () => {
    const a = run(base, {
      candidates: [candidate(0, 0.4, [0, 1], { classify: 'seed' }), candidate(1, 0.8, [1, 1], { classify: 'v1' }, 30)],
      scores: [
        { metricCalls: 10, iteration: 0, bestScore: 0.4, paretoAggregate: 0.4 },
        { metricCalls: 20, iteration: 1, bestScore: 0.4, paretoAggregate: 0.5 },
        { metricCalls: 30, iteration: 2, bestScore: 0.8, paretoAggregate: 0.8 },
      ],
      budget: { used: 50, cap: 60, iteration: 3 },
    });
    const b = run(base, { budget: { used: 70, cap: 80, iteration: 1 } });
    const c = compareRuns({ name: 'A', run: a }, { name: 'B', run: b });
    expect(c.a).toMatchObject({ name: 'A', bestScore: 0.8, bestIdx: 1, candidates: 2, metricCalls: 50, cap: 60 });
    expect(c.a.curve).toEqual([
      { x: 10, y: 0.4 },
      { x: 30, y: 0.8 },
      { x: 50, y: 0.8 },
    ]);
    expect(c.a.points.map((p) => [p.idx, p.x, p.y])).toEqual([
      [0, 0, 0.4],
      [1, 30, 0.8],
    ]);
    expect(c.b).toMatchObject({ bestScore: null, bestIdx: null, candidates: 0, curve: [] });
    expect(c.maxCalls).toBe(70);
  });

  it('prefers the candidate flagged best, else the first of the highest score', () => {
    const tied = run(base, { candidates: [candidate(0, 0.5, [], {}), candidate(1, 0.5, [], {})] });
    expect(bestCandidate(tied)?.row.candidateIdx).toBe(0);
    const flagged = candidate(1, 0.5, [], {});
    flagged.row.isBest = true;
    expect(bestCandidate(run(base, { candidates: [candidate(0, 0.9, [], {}), flagged] }))?.row.candidateIdx).toBe(1);
  });

  it('diffs the best prompts per component, word by word, a component only one has included', () => {
    const a = run(base, { candidates: [candidate(0, 0.5, [], { classify: 'Label the review.', extra: 'x' })] });
    const b = run(base, { candidates: [candidate(0, 0.6, [], { classify: 'Label the review sentiment.' })] });
    const c = compareRuns({ name: 'A', run: a }, { name: 'B', run: b });
    expect(c.prompts.map((p) => [p.component, p.same])).toEqual([
      ['classify', false],
      ['extra', false],
    ]);
    expect(c.prompts[0]!.parts.filter(([op]) => op === 1).map(([, t]) => t.trim())).toEqual(['sentiment']);
    expect(c.prompts[1]).toMatchObject({ a: 'x', b: undefined });
  });

  it('matches val examples by input text without mapped ids, and counts wins, losses and ties', () => {
    const valA = [ex('row-1', 'great'), ex('row-2', 'awful'), ex('row-3', 'meh'), ex('row-4', 'only in a')];
    // the same reviews under other row numbers, in another order
    const valB = [ex('row-9', 'meh'), ex('row-1', 'great'), ex('row-2', 'awful'), ex('row-5', 'only in b')];
    const a = run(base, { valExamples: valA, candidates: [candidate(0, 0.5, [1, 0, 0.5, 1], {})] });
    const b = run(base, { valExamples: valB, candidates: [candidate(0, 0.5, [1, 0, 0, 1], {})] });
    const c = compareRuns({ name: 'A', run: a }, { name: 'B', run: b }).examples;
    expect(c.matchedBy).toBe('input');
    expect(c.shared.map((o) => [o.input, o.scoreA, o.scoreB, o.winner])).toEqual([
      ['great', 1, 0, 'a'],
      ['awful', 0, 0, 'tie'],
      ['meh', 0.5, 1, 'b'],
    ]);
    expect([c.winsA, c.winsB, c.ties, c.onlyA, c.onlyB]).toEqual([1, 1, 1, 1, 1]);
    expect(c.shared[2]).toMatchObject({ idA: 'row-3', idB: 'row-9', expected: 'positive', outputB: 'out 0/0/1' });
  });

  it('matches by id when both datasets map an id field', () => {
    const withIds = { ...base, dataset: { ...base.dataset, mapping: { ...base.dataset.mapping, id: 'uid' } } };
    const a = run(withIds, { valExamples: [ex('u1', 'one text')], candidates: [candidate(0, 1, [1], {})] });
    const b = run(withIds, { valExamples: [ex('u1', 'edited text')], candidates: [candidate(0, 0, [0], {})] });
    const c = compareRuns({ name: 'A', run: a }, { name: 'B', run: b }).examples;
    expect(c.matchedBy).toBe('id');
    expect(c.shared.map((o) => [o.key, o.winner])).toEqual([['u1', 'a']]);
  });

  it('leaves out examples a run has not scored yet', () => {
    const val = [ex('row-1', 'great')];
    const a = run(base, { valExamples: val, candidates: [candidate(0, 1, [1], {})] });
    const b = run(base, { valExamples: val });
    const c = compareRuns({ name: 'A', run: a }, { name: 'B', run: b }).examples;
    expect(c.shared).toEqual([]);
    expect([c.winsA, c.winsB, c.ties, c.onlyA, c.onlyB]).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('helpers', () => {
  it('flattens a config to dotted paths with JSON values', () => {
    expect([...flattenConfig({ a: { b: 1, c: [true, 'x'] }, d: [], e: {} })]).toEqual([
      ['a.b', '1'],
      ['a.c[0]', 'true'],
      ['a.c[1]', '"x"'],
      ['d', '[]'],
      ['e', '{}'],
    ]);
  });

  it('reads an example input as its fields in name order, without id and answer', () => {
    expect(inputText({ id: 'x', answer: 'y', b: 'second', a: 'first', n: 3 })).toBe('first\nsecond\n3');
  });
});
