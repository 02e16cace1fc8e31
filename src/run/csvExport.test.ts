import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { CandidateRow, ProposalRow } from '../engine/index.ts';
import { candidatesCsv, proposalsCsv } from './csvExport.ts';

const row = (idx: number, texts: Record<string, string>, patch: Partial<CandidateRow> = {}): CandidateRow => ({
  iteration: idx,
  candidateIdx: idx,
  parentIds: idx === 0 ? [] : [idx - 1],
  valsetScore: idx / 10,
  isBest: false,
  origin: idx === 0 ? 'seed' : 'reflective',
  texts,
  metricCallsAtDiscovery: idx * 10,
  ...patch,
});

const proposal = (patch: Partial<ProposalRow>): ProposalRow => ({
  proposalId: 0,
  iteration: 1,
  kind: 'reflective',
  component: 'system_prompt',
  status: 'rejected',
  reason: "minibatch score 1 did not beat the parent's 2",
  candidateIdx: -1,
  parentIds: [0],
  subsampleScoreBefore: 2,
  subsampleScoreAfter: 1,
  parentText: 'old',
  proposedText: 'new',
  prompt: 'the prompt',
  rawLmOutput: '```new```',
  minibatchIds: [3, 1, 4],
  feedbackRecords: [],
  metricCallsAt: 12,
  ...patch,
});

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true });

describe('CSV export', () => {
  it('writes the candidates table with the reference columns and one text:<component> column per component', () => {
    const csv = candidatesCsv([
      { row: row(0, { system_prompt: 'Be brief.', extract: 'Find, then "quote".' }), valScores: [], outputs: [] },
      {
        row: row(1, { system_prompt: 'Be brief.\nCite units.', extract: 'x' }, { isBest: true, parentIds: [0] }),
        valScores: [],
        outputs: [],
      },
      {
        row: row(2, { system_prompt: 'merged', extract: 'y' }, { origin: 'merge', parentIds: [0, 1] }),
        valScores: [],
        outputs: [],
      },
    ]);
    const { data } = parse(csv);
    const header = 'iteration,candidate_idx,parent_ids,valset_score,is_best,origin,metric_calls_at_discovery';
    expect(csv.split('\r\n')[0]).toBe(`${header},text:extract,text:system_prompt`);
    expect(data[0]).toMatchObject({ candidate_idx: '0', parent_ids: '[]', 'text:extract': 'Find, then "quote".' });
    expect(data[1]).toMatchObject({ is_best: 'true', 'text:system_prompt': 'Be brief.\nCite units.' });
    expect(data[2]).toMatchObject({ parent_ids: '[0, 1]', origin: 'merge' });
  });

  it('writes one proposals row per proposal, with blank scores where none were measured', () => {
    const csv = proposalsCsv([
      proposal({}),
      proposal({ proposalId: 1, status: 'skipped', subsampleScoreAfter: null, reason: 'no usable proposal' }),
    ]);
    const { data } = parse(csv);
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({
      proposal_id: '0',
      status: 'rejected',
      subsample_score_before: '2',
      subsample_score_after: '1',
      minibatch_ids: '[3, 1, 4]',
      raw_lm_output: '```new```',
    });
    expect(data[1]).toMatchObject({ status: 'skipped', subsample_score_after: '' });
  });

  it('defuses LM text that a spreadsheet would run as a formula', () => {
    const csv = proposalsCsv([proposal({ proposedText: '=HYPERLINK("http://evil")', rawLmOutput: '@SUM(A1)' })]);
    const { data } = parse(csv);
    expect(data[0]!.proposed_text).toBe('\'=HYPERLINK("http://evil")');
    expect(data[0]!.raw_lm_output).toBe("'@SUM(A1)");
  });
  it('adds one objective:<name> column per objective mean when the run has objectives', () => {
    const objectives = (aggregate: Record<string, number>) => ({ perExample: [aggregate], aggregate });
    const csv = candidatesCsv([
      { row: row(0, { p: 'a' }), valScores: [0.5], outputs: ['x'], objectives: objectives({ speed: 0.25, acc: 1 }) },
      { row: row(1, { p: 'b' }), valScores: [1], outputs: ['y'], objectives: objectives({ acc: 0.5, speed: 0.75 }) },
      { row: row(2, { p: 'c' }), valScores: [0], outputs: ['z'] },
    ]);
    const header = 'iteration,candidate_idx,parent_ids,valset_score,is_best,origin,metric_calls_at_discovery';
    expect(csv.split('\r\n')[0]).toBe(`${header},objective:acc,objective:speed,text:p`);
    const { data } = parse(csv);
    expect(data[0]).toMatchObject({ 'objective:acc': '1', 'objective:speed': '0.25', 'text:p': 'a' });
    expect(data[1]).toMatchObject({ 'objective:acc': '0.5', 'objective:speed': '0.75' });
    // a candidate without objective scores gets blank cells
    expect(data[2]).toMatchObject({ 'objective:acc': '', 'objective:speed': '', 'text:p': 'c' });
  });
});
