// A new candidate is one tracking row with everything known about it: consumers (the studio, trackers)
// need not stitch its valset scores and outputs together from other events.
import { describe, expect, it } from 'vitest';
import { optimize } from './optimize.ts';
import type { CandidateTrackingRow } from './tracking.ts';
import { KEYWORD_VAL, keywordRunOptions } from './__fixtures__/keywordTask.ts';

describe('candidate tracking rows', () => {
  it('carry each candidate’s val scores and outputs, one row per candidate', async () => {
    const rows: CandidateTrackingRow[] = [];
    const outputs = new Map<number, Record<number, unknown>>();
    const r = await optimize(
      keywordRunOptions({
        maxMetricCalls: 400,
        onTrackingEvent: (e) => void (e.type === 'candidate' && rows.push(e.row)),
        callbacks: { onValsetEvaluated: (e) => void outputs.set(e.candidateIdx, e.outputsByValId ?? {}) },
      }),
    );
    expect(rows.map((row) => row.candidateIdx)).toEqual(r.candidates.map((_, i) => i));
    for (const row of rows) {
      expect(row.valScores).toEqual(r.valSubscores[row.candidateIdx]);
      expect(row.outputs).toHaveLength(KEYWORD_VAL.length);
      expect(row.outputs).toEqual(KEYWORD_VAL.map((_, v) => outputs.get(row.candidateIdx)?.[v]));
    }
  });
});
