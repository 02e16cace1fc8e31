import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import type { RunConfig } from '../run/runConfig.ts';
import { configDocument, httpEndpoints, loadConfigFile, secretsFromEnv } from './loadConfig.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gepa-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const demo = { provider: 'demo', baseUrl: 'offline', model: 'demo' };
const raw = (dataset: Record<string, unknown>) => ({
  version: 1,
  program: sentimentTask.program,
  dataset: { mapping: sentimentTask.fields, split: { valFraction: 0.3, seed: 0 }, ...dataset },
  metric: sentimentTask.metric,
  taskLm: demo,
  reflectionLm: demo,
  budget: { maxMetricCalls: 100 },
});

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error');
};

describe('loadConfigFile', () => {
  it('reads the dataset relative to the config file; the config has its rows inline, no path, defaults', () => {
    write('data/reviews.jsonl', sentimentTask.jsonl);
    const { config, rows } = loadConfigFile(write('configs/run.json', raw({ path: '../data/reviews.jsonl' })));
    expect(rows).toHaveLength(sentimentTask.rows.length);
    expect(rows[4]?.line).toBe(5);
    expect(config.dataset.rows).toEqual(sentimentTask.rows);
    expect(config.dataset).not.toHaveProperty('path');
    expect(config.dataset.fileName).toBe('reviews.jsonl');
    expect(config.options.seed).toBe(0);
    expect(config.name).toBe('GEPA run');
  });

  it("keeps a CSV file's line numbers in the config, so a resumed run's errors still name them", () => {
    write('reviews.csv', 'review,label\ngreat,positive\n\nawful,negative\n');
    const { config } = loadConfigFile(write('run.json', raw({ path: 'reviews.csv' })));
    expect(config.dataset.rows).toEqual([
      { review: 'great', label: 'positive' },
      { review: 'awful', label: 'negative' },
    ]);
    expect(config.dataset.lines).toEqual([2, 4]);
    expect(loadConfigFile(write('again.json', config)).rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('takes inline rows, and the config inside an exported run', () => {
    const exported = {
      format: 'gepa-studio-run',
      version: 1,
      config: raw({ fileName: 'x.jsonl', rows: sentimentTask.rows }),
    };
    expect(configDocument(exported)).toBe(exported.config);
    expect(loadConfigFile(write('export.json', exported)).rows).toHaveLength(sentimentTask.rows.length);
    expect(errorOf(() => configDocument({ format: 'gepa-studio-run', config: null }))).toMatch(
      /^config: .*no run configuration/,
    );
  });

  it('names the field, the file and the line', () => {
    expect(errorOf(() => loadConfigFile(path.join(dir, 'nope.json')))).toMatch(/^--config: file not found/);
    expect(errorOf(() => loadConfigFile(write('bad.json', '{"version": 1,')))).toMatch(
      /^config: .*bad\.json is not valid JSON/,
    );
    expect(errorOf(() => loadConfigFile(write('a.json', raw({ path: 'missing.csv' }))))).toBe(
      `dataset.path: dataset file not found: ${path.join(dir, 'missing.csv')}`,
    );
    write('broken.csv', 'review,label\n"unclosed,positive\n');
    expect(errorOf(() => loadConfigFile(write('b.json', raw({ path: 'broken.csv' }))))).toMatch(
      /^dataset\.path: broken\.csv, line 2/,
    );
    expect(errorOf(() => loadConfigFile(write('c.json', { ...raw({ rows: [] }), metric: { kind: 'bleu' } })))).toMatch(
      /^metric\.kind: unknown metric "bleu"/,
    );
  });

  it('takes proposals per round from the options, and names the option when its value is bad', () => {
    write('reviews.jsonl', sentimentTask.jsonl);
    const options = { samplingStrategy: { kind: 'independent', n: 4 }, selectionStrategy: 'best' };
    const { config } = loadConfigFile(write('ok.json', { ...raw({ path: 'reviews.jsonl' }), options }));
    expect(config.options).toMatchObject(options);
    const bad = { ...raw({ path: 'reviews.jsonl' }), options: { samplingStrategy: { kind: 'pxn', p: 0, n: 2 } } };
    expect(errorOf(() => loadConfigFile(write('bad-sampling.json', bad)))).toMatch(
      /^options\.samplingStrategy: p must be a whole number from 1 to 64, got 0/,
    );
    const badKeep = { ...raw({ path: 'reviews.jsonl' }), options: { selectionStrategy: { kind: 'top_k' } } };
    expect(errorOf(() => loadConfigFile(write('bad-selection.json', badKeep)))).toMatch(
      /^options\.selectionStrategy: /,
    );
  });

  it('takes the valset gate and reflection retries from the options, and names the option when bad', () => {
    write('reviews.jsonl', sentimentTask.jsonl);
    const options = { valsetGateSize: 4, reflectionRetries: 2 };
    const { config } = loadConfigFile(write('ok-savers.json', { ...raw({ path: 'reviews.jsonl' }), options }));
    expect(config.options).toMatchObject(options);
    const bad = { ...raw({ path: 'reviews.jsonl' }), options: { reflectionRetries: -1 } };
    expect(errorOf(() => loadConfigFile(write('bad-retries.json', bad)))).toMatch(
      /^options\.reflectionRetries: must be a whole number \(0 or more\), got -1/,
    );
  });
});

describe('secretsFromEnv', () => {
  const config = (patch: Partial<RunConfig>) => ({ ...(raw({ rows: [] }) as unknown as RunConfig), ...patch });
  const openai = { provider: 'openai' as const, baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini' };

  it('reads each key from the variable its model names; the demo model and keyless local servers need none', () => {
    const c = config({
      taskLm: { ...openai, apiKeyEnv: 'TASK_KEY' },
      reflectionLm: { provider: 'ollama', baseUrl: 'http://localhost:11434/v1', model: 'llama3' },
    });
    expect(secretsFromEnv(c, { TASK_KEY: 'sk-1' })).toEqual({ taskApiKey: 'sk-1' });
    expect(secretsFromEnv(config({}), {})).toEqual({});
  });

  it('the judge key only for an LLM-judge metric', () => {
    const c = config({ metric: { kind: 'llm_judge', rubric: 'r' }, judgeLm: { ...openai, apiKeyEnv: 'JUDGE_KEY' } });
    expect(secretsFromEnv(c, { JUDGE_KEY: 'sk-j' })).toEqual({ judgeApiKey: 'sk-j' });
    expect(secretsFromEnv({ ...c, metric: sentimentTask.metric }, {})).toEqual({});
  });

  it('names the variable that is not set, or the field that should name one', () => {
    expect(errorOf(() => secretsFromEnv(config({ reflectionLm: { ...openai, apiKeyEnv: 'REFL_KEY' } }), {}))).toMatch(
      /^reflectionLm\.apiKeyEnv: the environment variable REFL_KEY is not set/,
    );
    expect(errorOf(() => secretsFromEnv(config({ taskLm: openai }), {}))).toMatch(
      /^taskLm\.apiKeyEnv: OpenAI needs an API key/,
    );
    expect(errorOf(() => secretsFromEnv(config({ taskLm: { ...openai, apiKeyEnv: 'sk-live-oops' } }), {}))).toMatch(
      /^taskLm\.apiKeyEnv: must be the name of an environment variable/,
    );
  });

  it('lists each HTTP endpoint once', () => {
    const ep = { provider: 'custom' as const, baseUrl: 'http://127.0.0.1:1/v1', model: 'm' };
    expect(httpEndpoints(config({ taskLm: ep, reflectionLm: ep }), {}).map((e) => e.field)).toEqual(['taskLm']);
    expect(httpEndpoints(config({ taskLm: ep, reflectionLm: { ...ep, model: 'n' } }), {}).map((e) => e.field)).toEqual([
      'taskLm',
      'reflectionLm',
    ]);
  });
});
