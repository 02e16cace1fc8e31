import { describe, expect, it } from 'vitest';
import { initialSetup, parseIntoDraft, useSetupStore } from './setupStore.ts';
import { validateRunConfig } from '../run/runConfig.ts';
import { DEMO_TASKS } from '../tasks/demos/index.ts';

describe('setup store', () => {
  it('parses a dataset and guesses the mapping', () => {
    const d = parseIntoDraft(
      initialSetup().dataset,
      'qa.jsonl',
      '{"question":"a","answer":"b"}\n{"question":"c","answer":"d"}\n',
    );
    expect(d.error).toBeNull();
    expect(d.rows).toHaveLength(2);
    expect(d.mapping).toMatchObject({ inputs: ['question'], answer: 'answer' });
  });

  it('keeps what reading the file changed, and guesses the mapping from the cleaned names', () => {
    const d = parseIntoDraft(initialSetup().dataset, 'qa.csv', '\u200Bquestion,answer\na,b\nc,d\n');
    expect(d.columns).toEqual(['question', 'answer']);
    expect(d.mapping).toMatchObject({ inputs: ['question'], answer: 'answer' });
    expect(d.warnings).toEqual(['column 1 header had a zero-width space (U+200B) before "question"; removed']);
    expect(parseIntoDraft(d, 'qa.jsonl', '{"question":"a","answer":"b"}\n').warnings).toEqual([]);
  });

  it('keeps the previous rows and shows a line-numbered error for a malformed file', () => {
    const good = parseIntoDraft(initialSetup().dataset, 'qa.jsonl', '{"question":"a","answer":"b"}\n');
    const bad = parseIntoDraft(good, 'bad.jsonl', '{"question":"a","answer":"b"}\n{"question": oops}\n');
    expect(bad.error).toMatch(/bad\.jsonl, line 2/);
    expect(bad.rows).toEqual(good.rows);
    expect(bad.fileName).toBe('qa.jsonl');
  });

  it("keeps the file's line numbers through the run config, and back", () => {
    const s = useSetupStore.getState();
    s.loadDatasetText('qa.csv', 'question,answer\na,b\n\nc,d\n');
    const config = validateRunConfig(useSetupStore.getState().toRunConfig());
    expect(config.dataset.lines).toEqual([2, 4]);
    s.loadConfig(config);
    expect(useSetupStore.getState().dataset.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('loads every demo task into a valid run config for the demo model', () => {
    for (const task of DEMO_TASKS) {
      useSetupStore.getState().loadDemoTask(task.id);
      const config = validateRunConfig(useSetupStore.getState().toRunConfig());
      expect(config.taskLm.provider).toBe('demo');
      expect(config.dataset.rows).toHaveLength(task.rows.length);
      expect(config.program.steps.map((s) => s.name)).toEqual(task.program.steps.map((s) => s.name));
    }
  });

  it('keeps proposals per round with the setup; a config saved before they existed loads the defaults', () => {
    const s = useSetupStore.getState();
    s.loadDemoTask(DEMO_TASKS[0]!.id);
    s.setOptions({ samplingStrategy: { kind: 'independent', n: 4 }, selectionStrategy: { kind: 'top_k', k: 2 } });
    const config = validateRunConfig(useSetupStore.getState().toRunConfig());
    expect(config.options).toMatchObject({
      samplingStrategy: { kind: 'independent', n: 4 },
      selectionStrategy: { kind: 'top_k', k: 2 },
    });
    const { samplingStrategy: _s, selectionStrategy: _k, ...oldOptions } = config.options;
    s.loadConfig({ ...config, options: oldOptions as typeof config.options });
    expect(useSetupStore.getState().options).toMatchObject({ samplingStrategy: 'single', selectionStrategy: 'best' });
    s.loadConfig(config);
    expect(useSetupStore.getState().options.samplingStrategy).toEqual({ kind: 'independent', n: 4 });
  });

  it('keeps the valset gate and reflection retries with the setup; an older config loads the defaults', () => {
    const s = useSetupStore.getState();
    s.loadDemoTask(DEMO_TASKS[0]!.id);
    expect(useSetupStore.getState().options).toMatchObject({ valsetGateSize: 4, reflectionRetries: 2 });
    s.setOptions({ valsetGateSize: 3, reflectionRetries: 0 });
    const config = validateRunConfig(useSetupStore.getState().toRunConfig());
    expect(config.options).toMatchObject({ valsetGateSize: 3, reflectionRetries: 0 });
    const { valsetGateSize: _g, reflectionRetries: _r, ...oldOptions } = config.options;
    s.loadConfig({ ...config, options: oldOptions as typeof config.options });
    // a new setup from an older config takes today's defaults (a stored run resumes as it ran: see runConfig)
    expect(useSetupStore.getState().options).toMatchObject({ valsetGateSize: 4, reflectionRetries: 2 });
    s.loadConfig(config);
    expect(useSetupStore.getState().options).toMatchObject({ valsetGateSize: 3, reflectionRetries: 0 });
  });

  it('never puts an API key into the run config', () => {
    const s = useSetupStore.getState();
    s.setModel('task', { provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini' });
    s.setKey('task', 'sk-secret-123');
    expect(JSON.stringify(useSetupStore.getState().toRunConfig())).not.toContain('sk-secret-123');
  });

  it('adds steps that read the previous step and removes them', () => {
    const s = useSetupStore.getState();
    s.loadDemoTask(DEMO_TASKS[0]!.id);
    s.addStep();
    const steps = useSetupStore.getState().program.steps;
    expect(steps.at(-1)?.template).toBe(`{{steps.${steps.at(-2)?.name}}}`);
    s.removeStep(steps.length - 1);
    expect(useSetupStore.getState().program.steps).toHaveLength(steps.length - 1);
  });
});
