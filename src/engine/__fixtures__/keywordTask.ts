// A deterministic toy task for engine tests and benchmarks. Each example needs some "style" words and
// some "fact" words; a candidate scores the fraction of needed words its two components contain. The
// scripted reflection LM reads the feedback in the prompt and adds the most-requested missing word —
// but is imperfect on purpose (some replies are unfenced, some drop a word), so proposals get rejected
// and Pareto selection and merge have work to do. Irrelevant facts cost a little, which makes
// candidates trade off against each other across examples.
import type { Candidate, EvaluationBatch, GepaAdapter, GepaOptions, ReflectiveDataset } from '../types.ts';

export interface KeywordExample {
  id: number;
  style: string[];
  facts: string[];
}

export interface KeywordTrace {
  missingStyle: string[];
  missingFacts: string[];
}

const STYLE = ['concise', 'polite', 'cite', 'bullet'];
const FACTS = ['paris', 'h2o', 'euler', 'turing', 'newton', 'curie'];

/** Deterministic examples: example i needs a rotating subset of the words. */
export function keywordDataset(n: number, offset = 0): KeywordExample[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    return {
      id: i,
      style: [STYLE[i % STYLE.length] as string, ...(i % 3 === 0 ? [STYLE[(i + 1) % STYLE.length] as string] : [])],
      facts: [FACTS[i % FACTS.length] as string, FACTS[(i * 7 + 2) % FACTS.length] as string].filter(
        (w, j, a) => a.indexOf(w) === j,
      ),
    };
  });
}

export const KEYWORD_SEED: Candidate = { style: 'Answer the question.', facts: 'Use what you know.' };

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

export function scoreExample(ex: KeywordExample, c: Candidate): { score: number; trace: KeywordTrace } {
  const s = words(c.style ?? '');
  const f = words(c.facts ?? '');
  const missingStyle = ex.style.filter((w) => !s.has(w));
  const missingFacts = ex.facts.filter((w) => !f.has(w));
  const total = ex.style.length + ex.facts.length;
  // Irrelevant facts cost a little, so candidates specialise and the Pareto front holds real trade-offs.
  const irrelevant = [...f].filter((w) => FACTS.includes(w) && !ex.facts.includes(w)).length;
  const score = Math.max(0, (total - missingStyle.length - missingFacts.length) / total - 0.04 * irrelevant);
  return { score, trace: { missingStyle, missingFacts } };
}

export interface KeywordAdapterOptions {
  /** called for every evaluate() with the batch size (for accounting assertions) */
  onEvaluate?: (batchSize: number, captureTraces: boolean) => void;
  /** makes evaluate() throw on the given call numbers (1-based) */
  failOnCalls?: number[];
  /** adds objective scores: style and facts coverage */
  objectives?: boolean;
  /** awaited before each evaluate (to let tests abort mid-iteration) */
  beforeEvaluate?: (call: number) => Promise<void> | void;
}

export function keywordAdapter(opts: KeywordAdapterOptions = {}): GepaAdapter<KeywordExample, KeywordTrace, string> {
  let calls = 0;
  return {
    async evaluate(batch, candidate, captureTraces): Promise<EvaluationBatch<KeywordTrace, string>> {
      calls++;
      await opts.beforeEvaluate?.(calls);
      if (opts.failOnCalls?.includes(calls)) throw new Error(`scripted adapter failure on call ${calls}`);
      opts.onEvaluate?.(batch.length, captureTraces);
      const results = batch.map((ex) => ({ ex, ...scoreExample(ex, candidate) }));
      return {
        outputs: results.map((r) => `style=${candidate.style} facts=${candidate.facts} for #${r.ex.id}`),
        scores: results.map((r) => r.score),
        trajectories: captureTraces ? results.map((r) => r.trace) : null,
        objectiveScores: opts.objectives
          ? results.map((r) => ({
              style: r.ex.style.length ? 1 - r.trace.missingStyle.length / r.ex.style.length : 1,
              facts: r.ex.facts.length ? 1 - r.trace.missingFacts.length / r.ex.facts.length : 1,
            }))
          : null,
      };
    },
    makeReflectiveDataset(_candidate, evalBatch, components): ReflectiveDataset {
      const out: ReflectiveDataset = {};
      for (const comp of components) {
        out[comp] = (evalBatch.trajectories ?? []).map((t, k) => ({
          Inputs: `example ${k}`,
          'Generated Outputs': String(evalBatch.outputs[k]),
          Feedback:
            `score ${evalBatch.scores[k]}; missing ${comp}: ` +
            `${(comp === 'style' ? t.missingStyle : t.missingFacts).join(', ') || 'nothing'}`,
        }));
      }
      return out;
    },
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The scripted reflection LM: deterministic in the prompt it receives. */
export async function keywordReflectionLm(prompt: string): Promise<string> {
  const current = /```\n([\s\S]*?)\n```/.exec(prompt)?.[1] ?? '';
  const comp = /missing (style|facts):/.exec(prompt)?.[1] ?? 'style';
  const counts = new Map<string, number>();
  for (const m of prompt.matchAll(/missing (?:style|facts): ([^\n]*)/g)) {
    for (const w of (m[1] as string).split(', ')) if (w && w !== 'nothing') counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const h = hash(prompt);
  // unfenced: must be rejected
  if (h % 7 === 0) return `I think the ${comp} instruction should mention ${ranked[0]?.[0] ?? 'more detail'}.`;
  if (h % 5 === 0) return '```\nBe brief.\n```'; // a regression: drops what was learned
  const pick = ranked[h % 3 === 0 && ranked.length > 1 ? 1 : 0]?.[0];
  return (
    'Here is the improved instruction:\n```\n' +
    `${current}${pick ? ` Always include ${pick}.` : ' Be careful.'}\n\`\`\``
  );
}

export const KEYWORD_TRAIN = keywordDataset(24);
export const KEYWORD_VAL = keywordDataset(12, 100);

/** optimize() options for the keyword task (24 train / 12 val, scripted LM, merge on); `over` wins. */
export function keywordRunOptions(
  over: Partial<GepaOptions<KeywordExample>> = {},
  adapterOpts: KeywordAdapterOptions = {},
): GepaOptions<KeywordExample> {
  return {
    seedCandidate: KEYWORD_SEED,
    trainset: KEYWORD_TRAIN,
    valset: KEYWORD_VAL,
    adapter: keywordAdapter(adapterOpts),
    reflectionLm: keywordReflectionLm,
    useMerge: true,
    ...over,
  } as GepaOptions<KeywordExample>;
}
