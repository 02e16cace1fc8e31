import { describe, expect, it } from 'vitest';
import { proposalTone, scoreTone, statusTone } from './tone.ts';

describe('tone', () => {
  it('colours a run the same live and stored', () => {
    const statuses = ['running', 'finished', 'error', 'paused', 'stopped', 'interrupted', 'idle'] as const;
    expect(statuses.map((s) => statusTone(s))).toEqual(['good', 'good', 'bad', 'warn', 'warn', 'warn', 'neutral']);
  });

  it('colours proposals by their outcome', () => {
    expect(proposalTone('accepted')).toBe('good');
    expect(proposalTone('rejected')).toBe('bad');
    expect(proposalTone('skipped')).toBe('neutral');
  });

  it('colours full, partial and no marks', () => {
    expect([1, 0.5, 0].map(scoreTone)).toEqual(['good', 'warn', 'bad']);
  });
});
