// The demo model as a unit converter. It knows miles and pounds; without the hidden rules it uses
// 0.3 m for a foot and 2.5 cm for an inch, converts °F with the "subtract 30 and halve" shortcut,
// answers in the usual unit (metres, centimetres, kilometres, kilograms) whatever the question asks
// for, and explains its answer in a sentence instead of giving the bare number.
import type { DemoRule, DemoSkill, FeedbackRecord } from '../rules.ts';
import { bareNumber } from '../feedback.ts';
import { pick } from '../hash.ts';

type Source = 'feet' | 'inches' | 'miles' | 'pounds' | 'fahrenheit';
type Target = 'm' | 'cm' | 'mm' | 'km' | 'kg' | 'g' | 'C';

const SOURCES: [Source, RegExp][] = [
  ['feet', /(-?\d+(?:\.\d+)?)[\s-]*(?:feet|foot|ft)\b/],
  ['inches', /(-?\d+(?:\.\d+)?)[\s-]*(?:inches|inch)\b/],
  ['miles', /(-?\d+(?:\.\d+)?)[\s-]*(?:miles?)\b/],
  ['pounds', /(-?\d+(?:\.\d+)?)[\s-]*(?:pounds?|lbs?)\b/],
  ['fahrenheit', /(-?\d+(?:\.\d+)?)\s*(?:°\s*f\b|degrees? fahrenheit\b|fahrenheit\b)/],
];
const TARGETS: [Target, RegExp][] = [
  ['km', /\bkilomet(?:re|er)s?\b/],
  ['cm', /\bcentimet(?:re|er)s?\b/],
  ['mm', /\bmillimet(?:re|er)s?\b/],
  ['m', /\bmet(?:re|er)s?\b/],
  ['kg', /\bkilograms?\b/],
  ['g', /\bgrams?\b/],
  ['C', /°\s*c\b|\bcelsius\b/],
];
/** the unit the model answers in when it ignores the one asked for */
const USUAL: Record<Source, Target> = { feet: 'm', inches: 'cm', miles: 'km', pounds: 'kg', fahrenheit: 'C' };
const LENGTH: Partial<Record<Target, number>> = { m: 1, cm: 100, mm: 1000, km: 0.001 };
const MASS: Partial<Record<Target, number>> = { kg: 1, g: 1000 };
const UNIT_WORD: Record<Target, string> = {
  m: 'metres',
  cm: 'centimetres',
  mm: 'millimetres',
  km: 'kilometres',
  kg: 'kilograms',
  g: 'grams',
  C: '°C',
};
const SOURCE_WORD: Record<Source, string> = {
  feet: 'feet',
  inches: 'inches',
  miles: 'miles',
  pounds: 'pounds',
  fahrenheit: '°F',
};

export interface UnitQuestion {
  value: number;
  source: Source;
  /** the unit asked for (the usual one when the question names none that fits) */
  target: Target;
}

export function parseQuestion(text: string): UnitQuestion | null {
  const lower = text.toLowerCase();
  for (const [source, re] of SOURCES) {
    const m = re.exec(lower);
    if (!m) continue;
    const rest = lower.replace(m[0], ' ');
    const named = TARGETS.find(([, t]) => t.test(rest))?.[0];
    const fits = (t: Target | undefined): t is Target =>
      t !== undefined && (source === 'fahrenheit' ? t === 'C' : source === 'pounds' ? t in MASS : t in LENGTH);
    return { value: Number(m[1]), source, target: fits(named) ? named : USUAL[source] };
  }
  return null;
}

/** The number the model computes, given which rules its instruction states. */
export function convert(q: UnitQuestion, has: (ruleId: string) => boolean): { value: number; unit: Target } {
  const unit = has('target_unit') ? q.target : USUAL[q.source];
  let value: number;
  switch (q.source) {
    case 'fahrenheit':
      return { value: has('fahrenheit') ? ((q.value - 32) * 5) / 9 : (q.value - 30) / 2, unit };
    case 'pounds':
      return { value: q.value * 0.45359237 * (MASS[unit] ?? 1), unit };
    case 'feet':
      value = q.value * (has('feet') ? 0.3048 : 0.3);
      break;
    case 'inches':
      value = q.value * (has('inches') ? 0.0254 : 0.025);
      break;
    case 'miles':
      value = q.value * 1609.344;
      break;
  }
  return { value: value * (LENGTH[unit] ?? 1), unit };
}

function format(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/** the reflection role knows the right answer: every helpful rule applied, the misleading one not */
const knowing = (ruleId: string): boolean => ruleId !== 'whole_numbers';
const failedOn = (source: Source) => (rec: FeedbackRecord) =>
  rec.failed && parseQuestion(rec.inputs)?.source === source;

const RULES: DemoRule[] = [
  {
    id: 'number_only',
    step: 'convert',
    cues: [
      /\bnumber only\b/,
      /\bonly the number\b/,
      /\bjust the number\b/,
      /\bno units?\b/,
      /\bwithout (?:the |any )?units?\b/,
      /\bbare number\b/,
      /\b(?:do not|don't|never) (?:include|add|write|give) (?:the |any )?units?\b/,
    ],
    phrasings: [
      'Reply with the number only, without units or explanation.',
      'Give just the number, with no units and no working.',
      'Answer with a bare number and nothing else.',
    ],
    lesson: 'answers written as a sentence could not be read as a number',
    symptom: (rec) => rec.failed && bareNumber(rec.output) === null,
  },
  {
    id: 'feet',
    step: 'convert',
    cues: [/0\.3048/, /30\.48/, /304\.8/],
    phrasings: [
      '1 foot is exactly 0.3048 metres (not 0.3).',
      'Use 1 ft = 0.3048 m for feet.',
      'A foot is 30.48 centimetres.',
    ],
    lesson: 'conversions from feet came out about 1.6% too small',
    symptom: failedOn('feet'),
  },
  {
    id: 'inches',
    step: 'convert',
    cues: [/2\.54/, /0\.0254/, /25\.4\b/],
    phrasings: [
      '1 inch is exactly 2.54 centimetres.',
      'Use 1 in = 25.4 mm for inches.',
      'An inch is 0.0254 metres, not 0.025.',
    ],
    lesson: 'conversions from inches came out about 1.6% too small',
    symptom: failedOn('inches'),
  },
  {
    id: 'fahrenheit',
    step: 'convert',
    cues: [/\bsubtract(?:ing)? 32\b/, /\bminus 32\b/, /5\s*\/\s*9/, /\bfive.ninths\b/],
    phrasings: [
      'For Fahrenheit to Celsius, subtract 32 and then multiply by 5/9.',
      '°C = (°F − 32) × 5/9; the "subtract 30 and halve" shortcut is not accurate enough.',
      'Convert °F to °C as (F - 32) * 5/9.',
    ],
    lesson: 'temperatures converted from °F were off',
    symptom: failedOn('fahrenheit'),
  },
  {
    id: 'target_unit',
    step: 'convert',
    cues: [
      /\bunit (?:the question |that is |you are )?ask(?:s|ed)? for\b/,
      /\brequested unit\b/,
      /\bexactly the unit\b/,
      /\btarget unit\b/,
    ],
    phrasings: [
      'Give the answer in exactly the unit the question asks for (centimetres, millimetres, metres or grams), ' +
        'even when another unit is more usual.',
      'Always convert all the way to the requested unit, e.g. grams rather than kilograms.',
      'Check the target unit in the question and answer in that unit.',
    ],
    lesson: 'some answers were given in the usual unit instead of the one the question asked for',
    symptom: (rec) => {
      const q = parseQuestion(rec.inputs);
      return rec.failed && q !== null && q.target !== USUAL[q.source];
    },
  },
  {
    id: 'whole_numbers',
    step: 'convert',
    misleading: true,
    cues: [/\bround(?:ed|ing)?\b[^.]*\b(?:whole|integer)/, /\bwhole numbers?\b/, /\bno decimals?\b/],
    phrasings: ['Round the answer to the nearest whole number.', 'Answers should be whole numbers with no decimals.'],
    lesson: 'answers carried needless decimals',
    symptom: (rec) => {
      const q = parseQuestion(rec.inputs);
      const n = bareNumber(rec.output);
      return (
        rec.failed &&
        q !== null &&
        n !== null &&
        Number.isInteger(n) &&
        !Number.isInteger(Number(format(convert(q, knowing).value)))
      );
    },
  },
];

export const unitsSkill: DemoSkill = {
  id: 'units',
  rules: RULES,
  steps: [
    {
      name: 'convert',
      hint: /\bconver/,
      recognizes: (text) => parseQuestion(text) !== null,
      answer(user, has, h) {
        const q = parseQuestion(user);
        if (!q) return 'I could not find a quantity to convert.';
        const r = convert(q, has);
        const n = format(has('whole_numbers') ? Math.round(r.value) : r.value);
        if (has('number_only') || h % 2 === 0) return n;
        // the explanation ends with the question's number, so neither a strict nor a last-number grader
        // reads the answer
        const from = `${q.value} ${SOURCE_WORD[q.source]}`;
        return pick(
          [
            `${n} ${UNIT_WORD[r.unit]} (from ${from})`,
            `That is ${n} ${UNIT_WORD[r.unit]} for ${from}.`,
            `${n} ${UNIT_WORD[r.unit]}, converted from ${from}.`,
          ],
          h >>> 1,
        );
      },
    },
  ],
};
