import { describe, expect, it } from 'vitest';
import { DEMO_MODEL } from '../../store/setupStore.ts';
import { startBlockers, type StartInputs } from './startBlockers.ts';

const ready: StartInputs = {
  hasRows: true,
  summary: { examples: 10, train: 7, val: 3, first: null, problem: null },
  program: { steps: [{ name: 'answer', instruction: 'Answer.', template: '{{question}}' }] },
  inputFields: ['question'],
  metric: { kind: 'exact_match' },
  taskLm: DEMO_MODEL,
  reflectionLm: DEMO_MODEL,
  keys: { task: '', reflection: '' },
  budgetBlocked: false,
  runStatus: 'idle',
};

describe('start blockers', () => {
  it('has nothing to say when everything is set', () => {
    expect(startBlockers(ready)).toEqual([]);
    expect(startBlockers({ ...ready, runStatus: 'finished' })).toEqual([]);
  });

  it('refuses an objective frontier for a metric that returns no objectives', () => {
    expect(startBlockers({ ...ready, frontierType: 'objective' })).toEqual([
      expect.stringMatching(/^the per objective Pareto frontier ranks candidates by objective scores/),
    ]);
    expect(startBlockers({ ...ready, frontierType: 'hybrid', metric: { kind: 'custom', code: 'return 1' } })).toEqual(
      [],
    );
  });

  it('asks for a dataset first', () => {
    expect(startBlockers({ ...ready, hasRows: false, inputFields: [] })).toEqual(['load a dataset (or a demo task)']);
    expect(
      startBlockers({
        ...ready,
        summary: { ...ready.summary, problem: 'qa.jsonl, line 3, field "answer": missing' },
      })[0],
    ).toContain('line 3');
  });

  it('reports template problems against the mapped fields', () => {
    const reasons = startBlockers({ ...ready, inputFields: ['text'] });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^fix the program: step 1: \{\{question\}\} is not a dataset field/);
  });

  it('covers metric, models, budget and a run in progress', () => {
    const reasons = startBlockers({
      ...ready,
      metric: { kind: 'choice', labels: [] },
      taskLm: { provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini' },
      budgetBlocked: true,
      runStatus: 'running',
    });
    expect(reasons).toEqual([
      'a run is already in progress: stop it first',
      'fix the metric: list the labels the output may name',
      'the task LM needs an API key',
      'the budget cannot pay for a run: see Budget',
    ]);
  });
});
