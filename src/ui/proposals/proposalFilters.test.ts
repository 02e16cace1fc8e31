import { describe, expect, it } from 'vitest';
import type { ProposalRow } from '../../engine/tracking.ts';
import {
  componentOptions,
  componentsOf,
  filterProposals,
  isFiltered,
  matchesQuery,
  NO_FILTER,
  statusCounts,
} from './proposalFilters.ts';

const row = (over: Partial<ProposalRow>): ProposalRow => ({
  proposalId: 0,
  iteration: 1,
  kind: 'reflective',
  component: 'system_prompt',
  status: 'rejected',
  reason: '',
  candidateIdx: -1,
  parentIds: [0],
  subsampleScoreBefore: 1,
  subsampleScoreAfter: 1,
  parentText: '',
  prompt: '',
  rawLmOutput: '',
  proposedText: '',
  minibatchIds: [0, 1, 2],
  feedbackRecords: [],
  metricCallsAt: 10,
  ...over,
});

const rows = [
  row({ proposalId: 1, status: 'accepted', component: 'extract', proposedText: 'Always convert Miles to km.' }),
  row({ proposalId: 2, status: 'rejected', component: 'answer', reason: 'no fenced block in the reflection output' }),
  row({ proposalId: 3, status: 'skipped', component: '', reason: 'all_scores_perfect' }),
  row({ proposalId: 4, status: 'rejected', kind: 'merge', component: 'extract, answer', rawLmOutput: '' }),
  row({ proposalId: 5, status: 'rejected', component: 'extract', rawLmOutput: '```\nMention SARCASM\n```' }),
];
const ids = (r: ProposalRow[]) => r.map((p) => p.proposalId);

describe('componentsOf', () => {
  it('is the one component of a reflective row', () => expect(componentsOf(rows[0]!)).toEqual(['extract']));
  it('splits the component list of a merge row', () => expect(componentsOf(rows[3]!)).toEqual(['extract', 'answer']));
  it('is empty for a skipped row', () => expect(componentsOf(rows[2]!)).toEqual([]));
});

describe('componentOptions', () => {
  it('lists every component once, sorted', () => expect(componentOptions(rows)).toEqual(['answer', 'extract']));
});

describe('statusCounts', () => {
  it('counts each status', () => expect(statusCounts(rows)).toEqual({ accepted: 1, rejected: 3, skipped: 1 }));
});

describe('matchesQuery', () => {
  it('matches any row on an empty or blank query', () => expect(matchesQuery(rows[0]!, '  ')).toBe(true));
  it('searches the proposed text, case-insensitively', () => expect(matchesQuery(rows[0]!, 'miles TO')).toBe(true));
  it('searches the reason', () => expect(matchesQuery(rows[1]!, 'fenced block')).toBe(true));
  it('searches the raw output', () => expect(matchesQuery(rows[4]!, 'sarcasm')).toBe(true));
  it('searches a skip reason as shown', () => expect(matchesQuery(rows[2]!, 'already perfect')).toBe(true));
  it('searches the component', () => expect(matchesQuery(rows[1]!, 'answer')).toBe(true));
  it('ignores surrounding whitespace', () => expect(matchesQuery(rows[1]!, ' fenced ')).toBe(true));
  it('does not search the prompt', () => expect(matchesQuery(row({ prompt: 'secret words' }), 'secret')).toBe(false));
});

describe('filterProposals', () => {
  it('returns the same array when nothing filters', () => expect(filterProposals(rows, NO_FILTER)).toBe(rows));
  it('filters by status', () =>
    expect(ids(filterProposals(rows, { ...NO_FILTER, status: 'rejected' }))).toEqual([2, 4, 5]));
  it('filters by component, merges included', () =>
    expect(ids(filterProposals(rows, { ...NO_FILTER, component: 'answer' }))).toEqual([2, 4]));
  it('combines status, component and search', () =>
    expect(ids(filterProposals(rows, { status: 'rejected', component: 'extract', query: 'sarcasm' }))).toEqual([5]));
  it('is empty when nothing matches', () =>
    expect(filterProposals(rows, { ...NO_FILTER, query: 'zebra' })).toEqual([]));
});

describe('isFiltered', () => {
  it('is false for no filter or a blank query', () => expect(isFiltered({ ...NO_FILTER, query: ' ' })).toBe(false));
  it('is true for a status', () => expect(isFiltered({ ...NO_FILTER, status: 'skipped' })).toBe(true));
});
