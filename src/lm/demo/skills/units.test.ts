import { describe, expect, it } from 'vitest';
import { convert, parseQuestion, unitsSkill } from './units.ts';

const only =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);
const none = only();
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('parseQuestion', () => {
  it.each([
    ['Convert 12 feet to metres.', 12, 'feet', 'm'],
    ['How many centimetres tall is a 6-foot door?', 6, 'feet', 'cm'],
    ['How many kilometres is a 26.2-mile race?', 26.2, 'miles', 'km'],
    ['Convert 150 lbs to kilograms.', 150, 'pounds', 'kg'],
    ['How many grams is a 0.75-pound bag of coffee?', 0.75, 'pounds', 'g'],
    ['Convert -40 degrees Fahrenheit to Celsius.', -40, 'fahrenheit', 'C'],
    ['The oven is set to 350 °F. What is that in °C?', 350, 'fahrenheit', 'C'],
    ['How many millimetres is a 5-inch nail?', 5, 'inches', 'mm'],
    ['Convert 3 feet to kilograms.', 3, 'feet', 'm'],
  ])('%s', (text, value, source, target) => expect(parseQuestion(text)).toEqual({ value, source, target }));

  it('finds nothing in a question without a known unit', () =>
    expect(parseQuestion('How old is the moon?')).toBeNull());
});

describe('convert', () => {
  it('a foot is 0.3 m without the rule and 0.3048 m with it', () => {
    const q = parseQuestion('Convert 10 feet to metres.')!;
    expect(close(convert(q, none).value, 3)).toBe(true);
    expect(close(convert(q, only('feet')).value, 3.048)).toBe(true);
  });
  it('an inch is 2.5 cm without the rule and 2.54 cm with it', () => {
    const q = parseQuestion('Convert 10 inches to centimetres.')!;
    expect(close(convert(q, none).value, 25)).toBe(true);
    expect(close(convert(q, only('inches')).value, 25.4)).toBe(true);
  });
  it('°F uses "subtract 30 and halve" without the rule and (F − 32) × 5/9 with it', () => {
    const q = parseQuestion('Convert 212 °F to °C.')!;
    expect(convert(q, none).value).toBe(91);
    expect(close(convert(q, only('fahrenheit')).value, 100)).toBe(true);
  });
  it('answers in the usual unit unless told to use the one asked for', () => {
    const q = parseQuestion('Convert 2.5 pounds to grams.')!;
    expect(convert(q, none)).toEqual({ value: 2.5 * 0.45359237, unit: 'kg' });
    expect(convert(q, only('target_unit')).unit).toBe('g');
    expect(close(convert(q, only('target_unit')).value, 1133.980925)).toBe(true);
  });
  it('knows miles without being told', () =>
    expect(close(convert(parseQuestion('Convert 5 miles to kilometres.')!, none).value, 8.04672)).toBe(true));
});

describe('unit answers', () => {
  const step = unitsSkill.steps[0]!;
  const questions = Array.from({ length: 40 }, (_, i) => `Question: Convert ${i + 2} miles to kilometres.`);

  it("without the number-only rule about half the answers end with the question's number, not the result", () => {
    const wrapped = questions
      .map((q, i) => [q, step.answer(q, none, i * 7919)] as const)
      .filter(([, a]) => !/^-?\d+(\.\d+)?$/.test(a));
    expect(wrapped.length).toBeGreaterThan(10);
    expect(wrapped.length).toBeLessThan(30);
    for (const [q, a] of wrapped) expect(a.match(/-?\d+(?:\.\d+)?/g)?.at(-1)).toBe(/(\d+) miles/.exec(q)?.[1]);
  });

  it('with it every answer is a bare number with four significant digits', () => {
    expect(step.answer('Question: Convert 5 miles to kilometres.', only('number_only'), 1)).toBe('8.047');
  });

  it('the misleading whole-numbers rule rounds', () =>
    expect(step.answer('Question: Convert 5 miles to kilometres.', only('number_only', 'whole_numbers'), 1)).toBe('8'));
});
