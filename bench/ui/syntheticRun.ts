// A synthetic run for the UI benchmark: every event of a run of `candidates` candidates and `proposals`
// proposals, grouped in the batches the run store receives (the worker's batcher delivers about one a
// frame). Drawn from the engine's seeded Rng, so every bench run feeds the same data. Parents are drawn
// uniformly from the candidates so far, which gives the wide generations (~150 candidates at 1,000) that
// a Pareto-selecting run grows; one accepted proposal in 25 is a merge with two parents.
import type { CandidateRow, ProposalRow } from '../../src/engine/tracking.ts';
import type { RunEvent } from '../../src/run/runEvent.ts';
import type { RunConfig } from '../../src/run/runConfig.ts';
import { DEFAULT_RUN_OPTIONS } from '../../src/run/runConfig.ts';
import { sentimentTask } from '../../src/tasks/demos/index.ts';
import { Rng } from '../../src/engine/rng.ts';

export interface SyntheticRunSize {
  candidates: number;
  proposals: number;
  /** proposals per batch: ~20 iterations' events a frame is a fast run's worst case */
  proposalsPerBatch: number;
}

const VAL_SIZE = 40;
const MINIBATCH = 3;
const COMPONENT = 'classify';
const RULES = [
  'Treat a negated opinion ("not bad") as the opposite sentiment.',
  'Sarcastic praise ("oh great, it broke") is negative.',
  'When a review turns with "but", the part after it decides.',
  'A review that states only facts is neutral.',
  'Answer with the bare label and nothing else.',
  'Ignore the product category; judge the opinion only.',
];

/** The metric calls the run uses: 6 a proposal (parent and child on the minibatch), 40 a candidate. */
export function metricCallsOf(size: SyntheticRunSize): number {
  return size.proposals * 2 * MINIBATCH + size.candidates * VAL_SIZE;
}

/** A budget a little above what the run uses, so the header shows a nearly spent budget at the end. */
export function budgetOf(size: SyntheticRunSize): number {
  return Math.ceil((metricCallsOf(size) * 1.07) / 1000) * 1000;
}

export function syntheticBatches(size: SyntheticRunSize): RunEvent[][] {
  const { candidates: total, proposals: proposalCount, proposalsPerBatch } = size;
  const cap = budgetOf(size);
  const rng = new Rng(42);
  const r = () => rng.next();
  const seedText = sentimentTask.program.steps[0]?.instruction ?? '';
  const texts: string[] = [seedText];
  const scores: number[] = [];
  let best = 0;
  let metricCalls = 0;
  const val = (quality: number): number[] => Array.from({ length: VAL_SIZE }, () => (r() < quality ? 1 : 0));
  const candidate = (idx: number, parentIds: number[], iteration: number, origin: CandidateRow['origin']): RunEvent => {
    const valScores = val(0.35 + 0.5 * (idx / total) + 0.1 * r());
    const score = valScores.reduce((s, x) => s + x, 0) / VAL_SIZE;
    scores[idx] = score;
    const isBest = score > (scores[best] ?? -1) || idx === 0;
    if (isBest) best = idx;
    metricCalls += VAL_SIZE;
    const row: CandidateRow = {
      iteration,
      candidateIdx: idx,
      parentIds,
      valsetScore: score,
      isBest,
      origin,
      texts: { [COMPONENT]: texts[idx] as string },
      metricCallsAtDiscovery: metricCalls,
    };
    const outputs = valScores.map((s, i) =>
      s ? `positive (example ${i})` : `The review sounds negative, example ${i}.`,
    );
    return { type: 'candidate', row, valScores, outputs };
  };

  const events: RunEvent[][] = [];
  let batch: RunEvent[] = [
    { type: 'status', status: 'running' },
    {
      type: 'examples',
      train: 120,
      val: Array.from({ length: VAL_SIZE }, (_, i) => ({
        id: `val-${i}`,
        review: `Synthetic review number ${i}, fine but a little slow.`,
        label: 'neutral',
      })),
    },
    candidate(0, [], 0, 'seed'),
  ];
  // accepted proposals are spread evenly, so the run ends with `total` candidates
  const acceptEvery = Math.max(1, Math.floor(proposalCount / total));
  let accepted = 0;
  for (let it = 1; it <= proposalCount; it++) {
    const accept = it % acceptEvery === 0 && accepted < total - 1;
    const merge = accept && accepted % 25 === 24;
    const parent = Math.floor(r() * (accepted + 1));
    const parentIds = merge ? [parent, Math.floor(r() * (accepted + 1))] : [parent];
    const parentText = texts[parent] as string;
    const rule = RULES[Math.floor(r() * RULES.length)] as string;
    const proposedText = `${parentText} ${rule}`.slice(-900);
    // minibatch scores are sums over the minibatch, as the engine reports them
    const before = Math.floor(r() * MINIBATCH);
    const after = accept
      ? Math.min(MINIBATCH, before + 1 + Math.floor(r() * 2))
      : Math.max(0, before - Math.floor(r() * 2));
    metricCalls += 2 * MINIBATCH;
    const feedbackRecords = Array.from({ length: MINIBATCH }, (_, i) => ({
      Inputs: { review: `Minibatch review ${it}-${i}: the strap is not comfortable, but the colour is lovely.` },
      'Generated Outputs': i % 2 ? 'positive' : 'The sentiment here is negative.',
      Feedback:
        i % 2
          ? 'Correct: the output names the label "positive", as expected.'
          : 'Incorrect: the output names "negative" but the expected label is "positive".',
    }));
    const status: ProposalRow['status'] = accept ? 'accepted' : it % 7 === 0 ? 'skipped' : 'rejected';
    if (accept) {
      accepted++;
      texts[accepted] = proposedText;
    }
    const records = feedbackRecords.map((f) => JSON.stringify(f, null, 2)).join('\n\n');
    const row: ProposalRow = {
      proposalId: it,
      iteration: it,
      kind: merge ? 'merge' : 'reflective',
      component: COMPONENT,
      status,
      reason:
        status === 'rejected'
          ? `minibatch score ${after} did not beat the parent's ${before}`
          : status === 'skipped'
            ? 'every minibatch score is already perfect'
            : '',
      candidateIdx: accept ? accepted : -1,
      parentIds,
      subsampleScoreBefore: status === 'skipped' ? MINIBATCH : before,
      subsampleScoreAfter: status === 'skipped' ? null : after,
      parentText,
      prompt:
        'I provided an assistant with the following instructions to perform a task for me:\n' +
        `\`\`\`\n${parentText}\n\`\`\`\n\nThe following are examples of different task inputs provided to the ` +
        "assistant along with the assistant's response for each of them, and some feedback on how the " +
        `assistant's response could be better:\n\n${records}\n\n` +
        'Your task is to write a new instruction for the assistant.',
      rawLmOutput: `\`\`\`\n${proposedText}\n\`\`\``,
      proposedText,
      minibatchIds: Array.from({ length: MINIBATCH }, (_, i) => (it * MINIBATCH + i) % 120),
      feedbackRecords,
      metricCallsAt: metricCalls,
    };
    if (accept) batch.push(candidate(accepted, parentIds, it, merge ? 'merge' : 'reflective'));
    batch.push({ type: 'proposal', row });
    batch.push({
      type: 'score',
      point: {
        metricCalls,
        iteration: it,
        bestScore: scores[best] ?? 0,
        paretoAggregate: Math.min(1, (scores[best] ?? 0) + 0.1),
      },
    });
    if (accept)
      batch.push({
        type: 'front',
        programs: Array.from({ length: VAL_SIZE }, () => [best, Math.floor(r() * (accepted + 1))]),
      });
    if (it % proposalsPerBatch === 0 || it === proposalCount) {
      batch.push({ type: 'budget', used: metricCalls, cap, iteration: it });
      events.push(batch);
      batch = [];
    }
  }
  return events;
}

export function syntheticRunConfig(size: SyntheticRunSize): RunConfig {
  return {
    version: 1,
    name: 'UI render bench (synthetic)',
    program: sentimentTask.program,
    dataset: {
      fileName: sentimentTask.fileName,
      rows: sentimentTask.rows,
      mapping: sentimentTask.fields,
      split: { valFraction: 0.3, seed: 0 },
    },
    metric: sentimentTask.metric,
    taskLm: { provider: 'demo', baseUrl: 'offline', model: 'demo' },
    reflectionLm: { provider: 'demo', baseUrl: 'offline', model: 'demo' },
    budget: { maxMetricCalls: budgetOf(size) },
    options: { ...DEFAULT_RUN_OPTIONS },
  };
}
