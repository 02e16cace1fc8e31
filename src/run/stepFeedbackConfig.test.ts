import { describe, expect, it } from 'vitest';
import { validateRunConfig } from './runConfig.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import { contactCardTask } from '../tasks/demos/index.ts';
import { stepFeedbackOptions } from './stepFeedbackConfig.ts';

type Raw = { options: Record<string, unknown>; metric: Record<string, unknown> };
const base = () => JSON.parse(JSON.stringify(demoRunConfig(contactCardTask))) as Raw;

describe('the feedback-per-step config', () => {
  it('loads a config without the fields as before, with the defaults at run time', () => {
    const config = validateRunConfig(base());
    expect(config.options).not.toHaveProperty('addFormatFailureAsFeedback');
    expect(config.options).not.toHaveProperty('warnOnScoreMismatch');
    expect(stepFeedbackOptions(config.options)).toEqual({
      addFormatFailureAsFeedback: true,
      warnOnScoreMismatch: true,
    });
  });

  it('keeps the options and the judge asked per step', () => {
    const raw = base();
    raw.options.addFormatFailureAsFeedback = false;
    raw.options.warnOnScoreMismatch = false;
    raw.metric = { kind: 'llm_judge', rubric: 'All three fields right.', perStep: true };
    const config = validateRunConfig(raw);
    expect(stepFeedbackOptions(config.options)).toEqual({
      addFormatFailureAsFeedback: false,
      warnOnScoreMismatch: false,
    });
    expect(config.metric).toEqual({ kind: 'llm_judge', rubric: 'All three fields right.', perStep: true });
  });

  it('names the field at fault', () => {
    const bad = (patch: (c: Raw) => void) => {
      const raw = base();
      patch(raw);
      return () => validateRunConfig(raw);
    };
    expect(bad((c) => (c.options.addFormatFailureAsFeedback = 1))).toThrow(
      'options.addFormatFailureAsFeedback: must be true or false, got 1',
    );
    expect(bad((c) => (c.options.warnOnScoreMismatch = 'no'))).toThrow(
      'options.warnOnScoreMismatch: must be true or false',
    );
    expect(bad((c) => (c.metric = { kind: 'llm_judge', rubric: 'r', perStep: 'yes' }))).toThrow(
      'metric.perStep: must be true or false, got "yes"',
    );
    expect(bad((c) => (c.metric.perStep = true))).toThrow(
      "metric.perStep: only the LLM judge (kind 'llm_judge') is asked per step, not 'json_field'",
    );
  });
});
