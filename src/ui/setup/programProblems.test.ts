import { describe, expect, it } from 'vitest';
import { programProblems, unmappedColumns } from './programProblems.ts';

const program = {
  steps: [
    { name: 'extract', instruction: '', template: '{{message}}' },
    { name: 'format', instruction: '', template: '{{steps.missing}} {{steps.extract}}' },
  ],
};

describe('program problems', () => {
  it('groups problems under the step they name', () => {
    const p = programProblems(program, ['text']);
    expect(p.count).toBe(2);
    expect(p.byStep[0]).toEqual(['{{message}} is not a dataset field (fields: text)']);
    expect(p.byStep[1]).toEqual(['{{steps.missing}} does not name an earlier step']);
    expect(p.general).toEqual([]);
  });

  it('trusts field references until a dataset is loaded', () => {
    const p = programProblems(program, null);
    expect(p.byStep[0]).toEqual([]);
    expect(p.byStep[1]).toHaveLength(1);
  });

  it('reports an empty program as a general problem', () => {
    expect(programProblems({ steps: [] }, ['x']).general).toEqual(['the program has no steps']);
  });
});

describe('unmapped columns', () => {
  it('finds template fields that exist in the file but are not inputs', () => {
    expect(unmappedColumns('{{a}} {{b}} {{b}} {{c}} {{steps.a}}', ['a', 'b', 'x'], ['a'])).toEqual(['b']);
  });
});
