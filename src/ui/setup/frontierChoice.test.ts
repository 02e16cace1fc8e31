import { describe, expect, it } from 'vitest';
import { FRONTIER_CHOICES, frontierProblem, trialObjectives } from './frontierChoice.ts';

const trial = (objectives?: Record<string, number>) => ({
  exampleId: 'e',
  output: '',
  score: 1,
  feedback: '',
  ...(objectives ? { objectives } : {}),
});

describe('frontier choice', () => {
  it('offers the four frontiers with one sentence each', () => {
    expect(FRONTIER_CHOICES.map((c) => c.value)).toEqual(['instance', 'objective', 'hybrid', 'cartesian']);
    for (const c of FRONTIER_CHOICES) expect(c.help).toMatch(/^[A-Z][^.]*\.$/);
  });

  it('names the objectives the metric test saw, in first-seen order', () => {
    expect(
      trialObjectives([trial(), trial({ correctness: 1, brevity: 0.5 }), trial({ style: 0, brevity: 1 })]),
    ).toEqual(['correctness', 'brevity', 'style']);
    expect(trialObjectives([trial(), trial()])).toEqual([]);
  });

  it('the instance frontier always works', () => {
    expect(frontierProblem('instance', 'exact_match', null)).toBeNull();
    expect(frontierProblem('instance', 'custom', [])).toBeNull();
  });

  it('an objective frontier needs a custom metric, and objectives when a test has run', () => {
    expect(frontierProblem('objective', 'exact_match', null)).toMatch(/only a custom metric returns/);
    expect(frontierProblem('cartesian', 'llm_judge', ['a'])).toMatch(/cartesian .* Pareto frontier/);
    expect(frontierProblem('hybrid', 'custom', null)).toBeNull();
    expect(frontierProblem('hybrid', 'custom', ['correctness'])).toBeNull();
    expect(frontierProblem('objective', 'custom', [])).toMatch(/the metric test returned no objectives/);
  });
});
