// A small exported run for the report's tests: a seed, a reflective child, a merge of the two, and
// proposals accepted, rejected and skipped, with an HTML/script payload in the texts the report shows.
import type { ExportedRun } from '../../run/exportFormat.ts';
import { emptyExportedRun } from '../../run/exportFormat.ts';
import type { CandidateRow, ProposalRow } from '../../engine/index.ts';
import { DEFAULT_RUN_OPTIONS } from '../../run/runConfig.ts';
import type { RunConfig } from '../../run/runConfig.ts';

export const PAYLOAD = '</script><img src=x onerror=alert(1)>';

export function smallConfig(): RunConfig {
  return {
    version: 1,
    name: `Payload run ${PAYLOAD}`,
    program: { steps: [{ name: 'answer', instruction: 'Answer.', template: '{{q}}' }] },
    dataset: {
      fileName: 'qa.jsonl',
      rows: [
        { q: 'a', a: '1' },
        { q: 'b', a: '2' },
      ],
      lines: [1, 2],
      mapping: { inputs: ['q'], answer: 'a' },
      split: { valFraction: 0.5, seed: 0 },
    },
    metric: { kind: 'exact_match' },
    taskLm: {
      provider: 'openai',
      baseUrl: 'https://api.example.com/v1',
      model: 'm',
      apiKeyEnv: 'OPENAI_API_KEY',
      headers: { Authorization: 'Bearer sk-secret-header', 'X-Trace': 'on' },
    },
    reflectionLm: { provider: 'demo', baseUrl: 'offline', model: 'demo' },
    budget: { maxMetricCalls: 100 },
    options: { ...DEFAULT_RUN_OPTIONS },
  } as RunConfig;
}

function candidate(
  idx: number,
  parentIds: number[],
  text: string,
  valScores: number[],
  origin: CandidateRow['origin'],
) {
  const valsetScore = valScores.reduce((s, x) => s + x, 0) / valScores.length;
  const row: CandidateRow = {
    iteration: idx,
    candidateIdx: idx,
    parentIds,
    valsetScore,
    isBest: idx === 2,
    origin,
    texts: { answer: text },
    metricCallsAtDiscovery: 10 * (idx + 1),
  };
  return { row, valScores, outputs: valScores.map((s, i) => `output ${idx}/${i} ${PAYLOAD}`) };
}

function proposal(id: number, status: ProposalRow['status'], candidateIdx: number, proposedText: string): ProposalRow {
  return {
    proposalId: id,
    iteration: id,
    kind: 'reflective',
    component: 'answer',
    status,
    reason: status === 'accepted' ? '' : `not better ${PAYLOAD}`,
    candidateIdx,
    parentIds: [0],
    subsampleScoreBefore: 1,
    subsampleScoreAfter: status === 'skipped' ? null : 2,
    parentText: 'Answer.',
    prompt: `Reflect on this ${PAYLOAD}`,
    rawLmOutput: `\`\`\`\n${proposedText}\n\`\`\``,
    proposedText,
    minibatchIds: [0],
    feedbackRecords: [],
    metricCallsAt: 10 * id,
  };
}

export function smallRun(): ExportedRun {
  const run = emptyExportedRun('run-1', smallConfig());
  return {
    ...run,
    status: 'finished',
    statusMessage: 'budget spent',
    candidates: [
      candidate(0, [], 'Answer.', [0, 1], 'seed'),
      candidate(1, [0], `Answer briefly. ${PAYLOAD}`, [1, 0], 'reflective'),
      candidate(2, [0, 1], 'Answer briefly and exactly.', [1, 1], 'merge'),
    ],
    proposals: [
      proposal(1, 'accepted', 1, `Answer briefly. ${PAYLOAD}`),
      proposal(2, 'rejected', -1, 'Answer loudly.'),
      proposal(3, 'skipped', -1, ''),
    ],
    front: [
      [1, 2],
      [0, 2],
    ],
    scores: [
      { metricCalls: 10, iteration: 0, bestScore: 0.5, paretoAggregate: 0.5 },
      { metricCalls: 30, iteration: 2, bestScore: 1, paretoAggregate: 1 },
    ],
    budget: { used: 30, cap: 100, iteration: 3 },
    valExamples: [
      { id: 'v0', inputs: { q: 'a' }, answer: '1' },
      { id: 'v1', inputs: { q: PAYLOAD }, answer: '2' },
    ] as unknown as ExportedRun['valExamples'],
    trainCount: 2,
  };
}
