// The demo model as a sentiment classifier. It reads opinion words from a small lexicon; the hidden
// rules decide how well: without them it wraps the label in a sentence, reads "not good" at face
// value (and hedges, naming a second label), takes sarcastic praise literally, judges a "…, but …" review by its
// first half, and calls opinion-free reviews positive.
import type { DemoRule, DemoSkill, FeedbackRecord } from '../rules.ts';
import { pick } from '../hash.ts';

export const SENTIMENT_LABELS = ['positive', 'negative', 'neutral'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

const POSITIVE = new Set(
  (
    'good great excellent amazing love loved loves wonderful fantastic perfect happy delighted ' +
    'brilliant superb gorgeous lovely ' +
    'impressive reliable comfortable recommend best enjoyed enjoy like liked nice pleased sturdy ' +
    'helpful friendly beautiful awesome ' +
    'solid smooth flawless thrilled glad fresh delicious tasty crisp generous'
  ).split(' '),
);
const NEGATIVE = new Set(
  (
    'bad terrible awful horrible hate hated poor worst broken broke disappointed disappointing ' +
    'disappoints useless flimsy rude slow ' +
    'noisy annoying waste faulty unhappy mediocre overpriced leaks leaked complaints complaint ' +
    'problem problems regret fails failed ' +
    'uncomfortable dull stale bland cold soggy worse'
  ).split(' '),
);
const NEGATORS = new Set(
  "not no never without hardly isn't wasn't aren't weren't don't doesn't didn't can't couldn't won't wouldn't".split(
    ' ',
  ),
);
const SARCASM = new RegExp(
  String.raw`\b(?:oh|wow),? (?:great|wonderful|fantastic|perfect|brilliant|lovely)\b|\byeah,? right\b|` +
    String.raw`\bjust what i needed\b|\bthanks a lot\b|\bwhat a (?:treat|joy|delight)\b|\bi just love how\b`,
);
const CONTRAST = /\b(?:but|however)\b/;

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’`]/g, "'")
      .match(/[a-z]+(?:'[a-z]+)?/g) ?? []
  );
}

/** Sum of opinion-word polarities; with `negation`, a negator up to three words before flips a word. */
function polarity(text: string, negation: boolean): number {
  const ws = words(text);
  let total = 0;
  ws.forEach((w, i) => {
    const p = POSITIVE.has(w) ? 1 : NEGATIVE.has(w) ? -1 : 0;
    if (p === 0) return;
    const negated = negation && ws.slice(Math.max(0, i - 3), i).some((x) => NEGATORS.has(x));
    total += negated ? -p : p;
  });
  return total;
}

export function hasOpinionWords(text: string): boolean {
  return words(text).some((w) => POSITIVE.has(w) || NEGATIVE.has(w));
}

export function hasNegatedOpinion(text: string): boolean {
  return polarity(text, true) !== polarity(text, false);
}

export function isSarcastic(text: string): boolean {
  return SARCASM.test(text.toLowerCase());
}

export function hasContrast(text: string): boolean {
  return CONTRAST.test(text.toLowerCase());
}

/** The label the model arrives at, given which rules its instruction states. */
export function classify(text: string, has: (ruleId: string) => boolean): SentimentLabel {
  const lower = text.toLowerCase();
  if (has('exclamation') && lower.includes('!')) return 'positive';
  if (has('sarcasm') && isSarcastic(lower)) return 'negative';
  const clauses = lower.split(CONTRAST);
  const scope = (has('contrast') ? clauses[clauses.length - 1] : clauses[0]) ?? lower;
  const p = polarity(scope, has('negation'));
  if (p > 0) return 'positive';
  if (p < 0) return 'negative';
  return has('neutral') ? 'neutral' : 'positive';
}

/** The first label word in an answer (the label a reader would take from it), or null. */
export function labelIn(answer: string): SentimentLabel | null {
  const m = /\b(positive|negative|neutral)\b/i.exec(answer);
  return m ? ((m[1] as string).toLowerCase() as SentimentLabel) : null;
}

/** the reflection role knows the right label: every helpful rule applied, the misleading one not */
const knowing = (ruleId: string): boolean => ruleId !== 'exclamation';
const wrongLabel = (rec: FeedbackRecord): boolean =>
  rec.failed && labelIn(rec.output) !== classify(rec.inputs, knowing);

const RULES: DemoRule[] = [
  {
    id: 'label_only',
    step: 'classify',
    cues: [
      /\blabel only\b/,
      /\bonly (?:the |one |a single )?(?:label|word)\b/,
      /\bsingle word\b/,
      /\bjust the label\b/,
      /\bone word\b/,
      /\bnothing else\b/,
    ],
    phrasings: [
      'Answer with the label only (positive, negative or neutral) and nothing else.',
      'Reply with just the label, in lowercase, with no other words.',
      'Output a single word, the label, with no explanation.',
    ],
    lesson: 'answers wrapped in a sentence are not accepted as a label',
    symptom: (rec) =>
      rec.failed && !SENTIMENT_LABELS.includes(rec.output.trim().toLowerCase().replace(/[.!]$/, '') as SentimentLabel),
  },
  {
    id: 'negation',
    step: 'classify',
    cues: [
      /\bnegat(?:ion|ions|ed|es|ing|ors?)\b/,
      /\b(?:flip|flips|reverse|reverses|invert|inverts)\b[^.]*\b(?:meaning|polarity|sentiment|opinion)/,
      /"not (?:good|bad)"/,
    ],
    phrasings: [
      'Negation flips the sentiment: "not good" is negative and "not bad" is positive.',
      'Words like "not", "never" and "no" reverse the meaning of the opinion word after them.',
      'Watch for negation: "wasn\'t bad" means it was fine, "didn\'t like" means they disliked it.',
    ],
    lesson: 'negated phrases such as "not good" were read at face value',
    symptom: (rec) => wrongLabel(rec) && hasNegatedOpinion(rec.inputs),
  },
  {
    id: 'sarcasm',
    step: 'classify',
    cues: [/sarcas/, /\bironic|\birony\b/, /\bmock(?:ing)? praise\b/],
    phrasings: [
      'Sarcasm counts as negative: praise such as "oh great" or "just what I needed" next to a complaint ' +
        'means the customer is unhappy.',
      'Read sarcastic or ironic praise ("yeah, right", "thanks a lot") as negative.',
      'Ironic compliments about a failure are complaints, so label them negative.',
    ],
    lesson: 'sarcastic praise ("oh great", "just what I needed") was taken literally',
    symptom: (rec) => wrongLabel(rec) && isSarcastic(rec.inputs),
  },
  {
    id: 'contrast',
    step: 'classify',
    cues: [
      /\b(?:but|however)\b[^.]*\b(?:decides?|determines?|counts|wins|outweighs)\b/,
      /\bcontrast/,
      /\bafter (?:the word )?"?(?:but|however)\b/,
    ],
    phrasings: [
      'When a review changes direction with "but" or "however", the part after it decides the label.',
      'In reviews with a contrast ("..., but ..."), the final clause is the reviewer\'s real verdict.',
      'Judge by what comes after "but" or "however"; the earlier part is only a concession.',
    ],
    lesson: 'reviews that turn around with "but" were judged by their first half',
    symptom: (rec) => wrongLabel(rec) && hasContrast(rec.inputs),
  },
  {
    id: 'neutral',
    step: 'classify',
    cues: [
      /\b(?:no|without) (?:clear |any )?(?:opinion|sentiment|emotion|feeling)s?\b[^.]*\bneutral/,
      /\bfactual\b[^.]*\bneutral|\bneutral\b[^.]*\bfactual/,
    ],
    phrasings: [
      'If the review states only facts and expresses no opinion, answer neutral.',
      'Purely factual reviews with no opinion words are neutral, not positive.',
      'A review that gives no opinion either way is neutral.',
    ],
    lesson: 'reviews that only state facts were called positive',
    symptom: (rec) => wrongLabel(rec) && !hasOpinionWords(rec.inputs),
  },
  {
    id: 'exclamation',
    step: 'classify',
    misleading: true,
    cues: [/exclamation/],
    phrasings: [
      'Exclamation marks signal enthusiasm, so a review with "!" is positive.',
      'Treat exclamation marks as a sign of a positive review.',
    ],
    lesson: 'excited reviews were missed',
    symptom: (rec) => wrongLabel(rec) && rec.inputs.includes('!') && labelIn(rec.output) === 'positive',
  },
];

export const sentimentSkill: DemoSkill = {
  id: 'sentiment',
  rules: RULES,
  steps: [
    {
      name: 'classify',
      hint: /sentiment/,
      recognizes: (text) => /\breview\b/i.test(text),
      answer(user, has, h) {
        const label = classify(user, has);
        if (has('label_only') || h % 2 === 0) return label;
        // a chatty answer that also names another label, so no grader can read one label from it
        const other = pick(
          SENTIMENT_LABELS.filter((l) => l !== label),
          h >>> 1,
        );
        const Label = label[0]?.toUpperCase() + label.slice(1);
        return pick(
          [
            `${Label}, although parts of it read as ${other}.`,
            `Mostly ${label} (not ${other}).`,
            `${Label}. It is clearly not ${other}.`,
          ],
          h >>> 2,
        );
      },
    },
  ],
};
