import { describe, expect, it } from 'vitest';
import { initialSetup, parseIntoDraft } from './setupStore.ts';
import { summarizeDataset } from './datasetSummary.ts';

const jsonl = Array.from({ length: 10 }, (_, i) =>
  JSON.stringify({ id: `q${i}`, question: `q ${i}`, answer: `a ${i}` }),
).join('\n');

describe('dataset summary', () => {
  it('is empty before a file is loaded', () => {
    expect(summarizeDataset(initialSetup().dataset, false)).toEqual({
      examples: 0,
      train: 0,
      val: 0,
      first: null,
      problem: null,
    });
  });

  it('counts the split and maps the first example', () => {
    const draft = {
      ...parseIntoDraft(initialSetup().dataset, 'qa.jsonl', jsonl),
      split: { valFraction: 0.3, seed: 1 },
    };
    const s = summarizeDataset(draft, false);
    expect(s).toMatchObject({ examples: 10, train: 7, val: 3, problem: null });
    expect(s.first).toEqual({ id: 'q0', question: 'q 0', answer: 'a 0' });
  });

  it('explains a mapping that cannot produce examples', () => {
    const draft = parseIntoDraft(initialSetup().dataset, 'qa.jsonl', jsonl);
    const s = summarizeDataset({ ...draft, mapping: { inputs: ['question'], answer: '' } }, false);
    expect(s.problem).toContain('no answer field');
    expect(s.val).toBe(0);
  });

  it('needs two examples', () => {
    const draft = parseIntoDraft(initialSetup().dataset, 'one.jsonl', '{"question":"a","answer":"b"}\n');
    expect(summarizeDataset(draft, false).problem).toContain('at least 2');
  });
});
