import { describe, expect, it } from 'vitest';
import type { LanguageModel } from '../../lm/types.ts';
import type { MetricConfig } from '../types.ts';
import { makeMetric, MetricConfigError } from './makeMetric.ts';

const ex = { id: 'e1', answer: 'Paris' };

const judge: LanguageModel = {
  id: 'fake',
  settingsKey: 'fake',
  complete: async () => ({
    text: '{"score": 0.75, "feedback": "close"}',
    usage: { promptTokens: 1, completionTokens: 1 },
    latencyMs: 0,
    model: 'fake',
  }),
};

describe('makeMetric', () => {
  it('builds each builtin from its config', async () => {
    const cases: [MetricConfig, string, number][] = [
      [{ kind: 'exact_match' }, 'paris', 1],
      [{ kind: 'contains' }, 'It is Paris.', 1],
      [{ kind: 'regex', pattern: '^P' }, 'Paris', 1],
      [{ kind: 'numeric' }, 'Paris', 0],
      [{ kind: 'json_field', fields: [] }, '{}', 0],
      [{ kind: 'token_f1' }, 'Paris France', 2 / 3],
      [{ kind: 'choice', labels: ['Paris', 'Lyon'] }, 'Lyon', 0],
      [{ kind: 'llm_judge', rubric: 'correct city' }, 'Paris', 0.75],
    ];
    for (const [config, output, score] of cases) {
      const metric = makeMetric(config, { judgeModel: judge });
      expect((await metric(ex, output, [])).score, config.kind).toBeCloseTo(score, 10);
      metric.dispose();
    }
  });

  it('throws a MetricConfigError for configuration mistakes', () => {
    expect(() => makeMetric({ kind: 'regex', pattern: '(' })).toThrow(MetricConfigError);
    expect(() => makeMetric({ kind: 'regex', pattern: '(' })).toThrow(/^the regex metric's pattern is invalid: /);
    expect(() => makeMetric({ kind: 'choice', labels: [' ', ''] })).toThrow(
      'the choice metric needs at least one label',
    );
    expect(() => makeMetric({ kind: 'numeric', tolerance: -1 })).toThrow(
      "the numeric metric's tolerance must be a number ≥ 0, got -1",
    );
    expect(() => makeMetric({ kind: 'llm_judge', rubric: 'r' })).toThrow('the LLM judge metric needs a judge model');
    expect(() => makeMetric({ kind: 'llm_judge', rubric: ' ' }, { judgeModel: judge })).toThrow('needs a rubric');
    expect(() => makeMetric({ kind: 'custom', code: '() => 1' })).toThrow('the custom metric needs a worker factory');
    expect(() =>
      makeMetric(
        { kind: 'custom', code: '() => 1', timeoutMs: 0 },
        {
          workerFactory: () => {
            throw new Error('unused');
          },
        },
      ),
    ).toThrow('time limit must be positive');
  });

  it('reports a worker that cannot start as the feedback of every call', async () => {
    const metric = makeMetric(
      { kind: 'custom', code: '() => 1' },
      {
        workerFactory: () => {
          throw new Error('blocked by CSP');
        },
      },
    );
    expect(await metric(ex, 'x', [])).toEqual({
      score: 0,
      feedback:
        "The custom metric failed, so this output was not graded: the metric's worker crashed while loading the code " +
        '(could not start a worker (blocked by CSP)).',
    });
  });
});
