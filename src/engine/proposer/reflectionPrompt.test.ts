import { describe, expect, it } from 'vitest';
import {
  CURRENT_PLACEHOLDER,
  DEFAULT_REFLECTION_TEMPLATE,
  EXAMPLES_PLACEHOLDER,
  buildReflectionPrompt,
  renderExamples,
  templateFor,
  validateTemplate,
} from './reflectionPrompt.ts';
import { GepaConfigError } from '../types.ts';

const TPL = 'Current:\n{{current_instruction}}\nExamples:\n{{examples}}\nEnd.';
const errorOf = (fn: () => void): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return null;
};

describe('buildReflectionPrompt', () => {
  it('replaces both placeholders', () =>
    expect(buildReflectionPrompt(TPL, 'Be nice.', [{ q: 'hi' }])).toBe(
      'Current:\nBe nice.\nExamples:\n# Example 1\n## q\nhi\nEnd.',
    ));
  it('replaces every occurrence of a placeholder', () =>
    expect(buildReflectionPrompt('{{current_instruction}}|{{current_instruction}}{{examples}}', 'X', [])).toBe(
      'X|X(no examples)',
    ));
  it('leaves no placeholder in the default template', () =>
    expect(buildReflectionPrompt(DEFAULT_REFLECTION_TEMPLATE, 'X', [{ a: 1 }])).not.toMatch(/\{\{/));
  it("puts the current text inside the default template's fence", () =>
    expect(buildReflectionPrompt(DEFAULT_REFLECTION_TEMPLATE, 'THE TEXT', [])).toContain('```\nTHE TEXT\n```'));
  it('keeps $& in the current text verbatim', () =>
    expect(buildReflectionPrompt(TPL, 'cost: $& more', [])).toContain('cost: $& more'));
  it('keeps $1 and $$ in the current text verbatim', () =>
    expect(buildReflectionPrompt(TPL, 'use $1 or $$', [])).toContain('use $1 or $$'));
  it("keeps $' and $` in the current text verbatim", () =>
    expect(buildReflectionPrompt(TPL, "a $' b $` c", [])).toContain("a $' b $` c"));
  it('keeps $& in example fields verbatim', () =>
    expect(buildReflectionPrompt(TPL, 'x', [{ out: 'price $& $1' }])).toContain('price $& $1'));
  it('does not expand a placeholder appearing in an example', () =>
    expect(buildReflectionPrompt(TPL, 'CUR', [{ out: 'says {{current_instruction}}' }])).toContain(
      'says {{current_instruction}}',
    ));
  it('does not expand a placeholder appearing in the current text', () =>
    expect(buildReflectionPrompt(TPL, 'Show {{examples}} here', [{ q: 'hi' }])).toContain(
      'Current:\nShow {{examples}} here\n',
    ));
});

describe('renderExamples', () => {
  it('says so when there are no examples', () => expect(renderExamples([])).toBe('(no examples)'));
  it('numbers examples and separates them', () =>
    expect(renderExamples([{ a: 'x' }, { a: 'y' }])).toBe('# Example 1\n## a\nx\n\n# Example 2\n## a\ny'));
  it('renders nested fields as deeper headings', () =>
    expect(renderExamples([{ Inputs: { question: 'q?', context: { doc: 'd' } }, Feedback: 'ok' }])).toBe(
      '# Example 1\n## Inputs\n### question\nq?\n\n### context\n#### doc\nd\n\n## Feedback\nok',
    ));
  it('renders arrays as numbered lists', () =>
    expect(renderExamples([{ steps: ['a', 'b'] }])).toBe('# Example 1\n## steps\n1. a\n2. b'));
  it('renders numbers and booleans', () =>
    expect(renderExamples([{ score: 0.5, pass: false }])).toBe('# Example 1\n## score\n0.5\n\n## pass\nfalse'));
  it('renders null and undefined as (none)', () =>
    expect(renderExamples([{ a: null, b: undefined }])).toBe('# Example 1\n## a\n(none)\n\n## b\n(none)'));
  it('caps heading depth at six', () =>
    expect(renderExamples([{ a: { b: { c: { d: { e: 'deep' } } } } }])).toContain('###### e\ndeep'));
  it('never goes deeper than six', () =>
    expect(renderExamples([{ a: { b: { c: { d: { e: { f: 'z' } } } } } }])).not.toContain('#######'));
});

describe('templateFor', () => {
  it('defaults without a template', () => expect(templateFor(undefined, 'sys')).toBe(DEFAULT_REFLECTION_TEMPLATE));
  it('uses one string for every component', () => expect(templateFor(TPL, 'any')).toBe(TPL));
  it('picks the component entry from a map', () => expect(templateFor({ sys: TPL, other: 'o' }, 'sys')).toBe(TPL));
  it('falls back to the default for a component missing from the map', () =>
    expect(templateFor({ other: TPL }, 'sys')).toBe(DEFAULT_REFLECTION_TEMPLATE));
});

describe('validateTemplate', () => {
  it('accepts a template with both placeholders', () => expect(() => validateTemplate(TPL, 'f')).not.toThrow());
  it('accepts the default template', () =>
    expect(() => validateTemplate(DEFAULT_REFLECTION_TEMPLATE, 'f')).not.toThrow());
  it('rejects a template missing the current instruction', () =>
    expect(() => validateTemplate(EXAMPLES_PLACEHOLDER, 'f')).toThrow(CURRENT_PLACEHOLDER));
  it('rejects a template missing the examples', () =>
    expect(() => validateTemplate(CURRENT_PLACEHOLDER, 'f')).toThrow(EXAMPLES_PLACEHOLDER));
  it('throws a GepaConfigError naming the field', () =>
    expect(errorOf(() => validateTemplate('no placeholders', 'reflectionPromptTemplate.sys'))).toMatchObject({
      name: 'GepaConfigError',
      field: 'reflectionPromptTemplate.sys',
    }));
  it('is a GepaConfigError', () =>
    expect(errorOf(() => validateTemplate('', 'tpl.x'))).toBeInstanceOf(GepaConfigError));
  it('prefixes the message with the field', () =>
    expect((errorOf(() => validateTemplate('', 'tpl.x')) as Error).message).toMatch(/^tpl\.x: /));
});
