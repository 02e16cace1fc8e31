import { describe, expect, it } from 'vitest';
import { optimize } from '../engine/index.ts';
import type { CandidateRow, ProposalRow, ValsetScoresRow } from '../engine/index.ts';
import { buildRun } from './buildRun.ts';
import { inlineRows } from './runDataset.ts';
import { DEFAULT_RUN_OPTIONS } from './runConfig.ts';
import type { RunConfig } from './runConfig.ts';
import { unitConversionTask } from '../tasks/demos/index.ts';
import { buildExport, emptyExportedRun, EXPORT_FORMAT, ExportFormatError, parseExport } from './exportFormat.ts';
import type { ExportedRun } from './exportFormat.ts';

const demo = { provider: 'demo' as const, baseUrl: 'offline', model: 'demo' };
const config: RunConfig = {
  version: 1,
  name: 'units',
  program: unitConversionTask.program,
  dataset: {
    fileName: unitConversionTask.fileName,
    rows: unitConversionTask.rows,
    mapping: unitConversionTask.fields,
    split: { valFraction: 1 / 3, seed: 0 },
  },
  metric: unitConversionTask.metric,
  taskLm: demo,
  reflectionLm: demo,
  budget: { maxMetricCalls: 80 },
  options: { ...DEFAULT_RUN_OPTIONS },
};

/** A real (small) demo run, collected the way the worker reports it. */
async function sampleRun(): Promise<ExportedRun> {
  const b = buildRun(config, { rows: inlineRows(unitConversionTask.rows) });
  const rows: CandidateRow[] = [];
  const scores: ValsetScoresRow[] = [];
  const proposals: ProposalRow[] = [];
  const result = await optimize({
    ...b.options,
    onTrackingEvent: (e) => {
      if (e.type === 'candidate') rows.push(e.row);
      if (e.type === 'valsetScores') scores.push(e.row);
      if (e.type === 'proposal') proposals.push(e.row);
    },
  });
  b.dispose();
  return {
    runId: 'run-1',
    status: 'finished',
    statusMessage: result.stopReason,
    config,
    result: result.toDict(),
    candidates: rows.map((row, i) => ({
      row,
      valScores: scores[i]!.scores,
      outputs: b.val.map((_e, v) => `output ${v} of ${i}`),
    })),
    proposals,
    front: result.perValInstanceBestCandidates,
    scores: [
      {
        metricCalls: b.val.length,
        iteration: 0,
        bestScore: result.valAggregateScores[0]!,
        paretoAggregate: result.valAggregateScores[0]!,
      },
    ],
    budget: { used: result.totalMetricCalls ?? 0, cap: 80, iteration: 3 },
    valExamples: b.val,
    trainCount: b.train.length,
    usage: null,
    summary: null,
  };
}

describe('run export', () => {
  it('round-trips: parse(build(run)) gives the run back, with the reference result field names', async () => {
    const run = await sampleRun();
    expect(run.candidates.length).toBeGreaterThan(1);
    expect(run.proposals.length).toBeGreaterThan(1);
    const doc = buildExport(run, new Date('2026-01-02T03:04:05Z'));
    expect(doc).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-01-02T03:04:05.000Z' });
    expect(Object.keys(doc.result!)).toEqual(
      expect.arrayContaining([
        'candidates',
        'parents',
        'val_aggregate_scores',
        'val_subscores',
        'per_val_instance_best_candidates',
        'discovery_eval_counts',
        'best_idx',
        'total_metric_calls',
      ]),
    );
    const text = JSON.stringify(doc);
    expect(parseExport(text, 'run.json')).toEqual(run);
  });

  it('never exports an API key, even one put into the config by mistake', () => {
    const secret = 'sk-live-DO-NOT-LEAK-9876';
    const leaky = {
      ...config,
      taskLm: {
        provider: 'openai',
        baseUrl: 'https://api.openai.com/v1',
        model: 'gpt-4.1-mini',
        apiKey: secret,
        headers: { Authorization: `Bearer ${secret}`, 'X-Title': 'studio' },
      },
      reflectionLm: { ...demo, api_key: secret },
      judgeLm: { ...demo, headers: { 'x-api-key': secret } },
    } as unknown as RunConfig;
    const run: ExportedRun = { ...emptyRun(), config: leaky };
    const text = JSON.stringify(buildExport(run));
    expect(text).not.toContain(secret);
    expect(text).toContain('X-Title');
    expect(leaky.taskLm).toHaveProperty('apiKey', secret); // the live config is left as it was
  });

  it('reads a run exported mid-way as stopped, and fills what an older writer left out', () => {
    const { front: _f, scores: _s, budget: _b, ...rest } = buildExport({ ...emptyRun(), status: 'running' });
    const parsed = parseExport(JSON.stringify(rest), 'partial.json');
    expect(parsed.status).toBe('stopped');
    expect(parsed.front).toEqual([]);
    expect(parsed.budget).toEqual({ used: 0, cap: null, iteration: 0 });
  });

  const errorFor = (doc: unknown, text = JSON.stringify(doc)) => {
    try {
      parseExport(text, 'bad.json');
    } catch (err) {
      expect(err).toBeInstanceOf(ExportFormatError);
      return (err as Error).message;
    }
    throw new Error('expected parseExport to fail');
  };
  const valid = () => JSON.parse(JSON.stringify(buildExport(emptyRun()))) as Record<string, unknown>;

  it.each([
    ['not JSON', null, '{"format": "gepa', /^bad\.json: is not valid JSON/],
    ['an array', [], undefined, /bad\.json: is not a GEPA Studio run export/],
    ['a file without format', { candidates: [] }, undefined, /field "format" is missing/],
    ['another format', { ...valid(), format: 'something-else' }, undefined, /field "format" is "something-else"/],
    [
      'a newer version',
      { ...valid(), version: 2 },
      undefined,
      /field "version" is 2: this file comes from a newer studio/,
    ],
    ['no candidates', { ...valid(), candidates: undefined }, undefined, /field "candidates" must be an array/],
    [
      'a candidate without scores',
      { ...valid(), candidates: [{ row: { candidateIdx: 0, texts: {}, parentIds: [], valsetScore: 0 }, outputs: [] }] },
      undefined,
      /field "candidates\[0\]\.valScores" must be an array of numbers/,
    ],
    [
      'candidates out of order',
      {
        ...valid(),
        candidates: [
          { row: { candidateIdx: 1, texts: {}, parentIds: [], valsetScore: 0 }, valScores: [], outputs: [] },
        ],
      },
      undefined,
      /candidates\[0\]\.row\.candidateIdx/,
    ],
    [
      'a proposal with an unknown status',
      { ...valid(), proposals: [{ proposalId: 0, status: 'maybe', component: 'c', parentText: '', proposedText: '' }] },
      undefined,
      /field "proposals\[0\]\.status" must be one of accepted, rejected, skipped/,
    ],
    [
      'a bad config',
      { ...valid(), config: { ...config, budget: {} } },
      undefined,
      /field "config\.budget" give exactly one of/,
    ],
    [
      'a result without scores',
      { ...valid(), result: { candidates: [] } },
      undefined,
      /field "result\.val_aggregate_scores"/,
    ],
  ])('names what is wrong in %s', (_name, doc, text, message) => {
    expect(errorFor(doc, text)).toMatch(message);
  });
});

function emptyRun(): ExportedRun {
  return { ...emptyExportedRun(null, null), status: 'finished' };
}
