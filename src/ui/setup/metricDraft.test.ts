import { describe, expect, it } from 'vitest';
import { METRIC_KINDS, metricForKind, metricProblem, parseList } from './metricDraft.ts';

describe('metric draft', () => {
  it('offers every metric kind once', () => {
    expect(new Set(METRIC_KINDS.map((k) => k.kind)).size).toBe(9);
  });

  it('starts a new kind from defaults and carries case sensitivity over', () => {
    expect(metricForKind('contains', { kind: 'exact_match', caseSensitive: true })).toEqual({
      kind: 'contains',
      caseSensitive: true,
    });
    expect(metricForKind('choice', { kind: 'token_f1' })).toEqual({ kind: 'choice', labels: [] });
    const custom = metricForKind('custom', { kind: 'token_f1' });
    expect(custom.kind === 'custom' && custom.code).toContain('(example, output, trace) =>');
    const same = { kind: 'regex' as const, pattern: 'x' };
    expect(metricForKind('regex', same)).toBe(same);
  });

  it('names what keeps a metric from working', () => {
    expect(metricProblem({ kind: 'regex', pattern: '(' })).toMatch(/invalid/);
    expect(metricProblem({ kind: 'regex', pattern: '^\\d+$' })).toBeNull();
    expect(metricProblem({ kind: 'choice', labels: [] })).toMatch(/labels/);
    expect(metricProblem({ kind: 'json_field', fields: ['name'] })).toBeNull();
    expect(metricProblem({ kind: 'llm_judge', rubric: ' ' })).toMatch(/rubric/);
    expect(metricProblem({ kind: 'custom', code: '' })).toMatch(/no code/);
    expect(metricProblem({ kind: 'numeric', tolerance: -1 })).toMatch(/tolerance/);
  });

  it('parses comma-separated lists', () => {
    expect(parseList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
  });
});
