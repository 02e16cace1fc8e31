import { describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import { DEFAULT_RUN_OPTIONS, RunConfigError, validateRunConfig } from './runConfig.ts';

const config = (options: Record<string, unknown>) => ({ ...demoRunConfig(sentimentTask), options });

const fieldOf = (options: Record<string, unknown>): string => {
  try {
    validateRunConfig(config(options));
  } catch (err) {
    expect(err).toBeInstanceOf(RunConfigError);
    return (err as RunConfigError).field;
  }
  throw new Error('expected a RunConfigError');
};

describe('run options: proposals per round', () => {
  it('an old config without them loads as one proposal per round, lock-step', () => {
    const { options } = validateRunConfig(config({ seed: 3 }));
    expect(options.samplingStrategy).toBe('single');
    // matters only with several proposals a round, which no config without these fields could ask for
    expect(options.selectionStrategy).toBe('best');
    // a config written before overlapped rounds existed ran lock-step rounds and resumes so
    expect(options.overlapRounds).toBe(false);
    expect(validateRunConfig(config({ overlapRounds: true })).options.overlapRounds).toBe(true);
    expect(DEFAULT_RUN_OPTIONS.overlapRounds).toBe(true);
    expect(options.seed).toBe(3);
    expect(validateRunConfig({ ...config({}), options: undefined }).options.samplingStrategy).toBe('single');
  });

  it('keeps every strategy the engine knows', () => {
    for (const samplingStrategy of [
      'single',
      { kind: 'same_parent', n: 4 },
      { kind: 'independent', n: 64 },
      { kind: 'pxn', p: 2, n: 3 },
    ])
      expect(validateRunConfig(config({ samplingStrategy })).options.samplingStrategy).toEqual(samplingStrategy);
    for (const selectionStrategy of ['all', 'best', { kind: 'top_k', k: 2 }])
      expect(validateRunConfig(config({ selectionStrategy })).options.selectionStrategy).toEqual(selectionStrategy);
  });

  it('refuses a bad value, naming the option as a config field and saying why', () => {
    expect(fieldOf({ overlapRounds: 'yes' })).toBe('options.overlapRounds');
    expect(fieldOf({ samplingStrategy: { kind: 'independent', n: 0 } })).toBe('options.samplingStrategy');
    expect(fieldOf({ samplingStrategy: { kind: 'pxn', p: 2, n: 65 } })).toBe('options.samplingStrategy');
    expect(fieldOf({ samplingStrategy: 'many' })).toBe('options.samplingStrategy');
    expect(fieldOf({ samplingStrategy: { kind: 'same_parent', n: 1.5 } })).toBe('options.samplingStrategy');
    expect(fieldOf({ selectionStrategy: { kind: 'top_k', k: 0 } })).toBe('options.selectionStrategy');
    expect(fieldOf({ selectionStrategy: 'worst' })).toBe('options.selectionStrategy');
    expect(() => validateRunConfig(config({ samplingStrategy: { kind: 'independent', n: 0 } }))).toThrow(
      /^options\.samplingStrategy: n must be a whole number from 1 to 64, got 0/,
    );
  });
});

describe('run options: valset gate and reflection retries', () => {
  it('an old config without them loads as it ran: the gate off, no reflection retry', () => {
    const { options } = validateRunConfig(config({ seed: 3 }));
    expect(options.valsetGateSize).toBe(0);
    expect(options.reflectionRetries).toBe(0);
    const noOptions = validateRunConfig({ ...config({}), options: undefined }).options;
    expect(noOptions).toMatchObject({ valsetGateSize: 0, reflectionRetries: 0 });
  });

  it('keeps whole numbers, 0 included', () => {
    expect(validateRunConfig(config({ valsetGateSize: 4, reflectionRetries: 0 })).options).toMatchObject({
      valsetGateSize: 4,
      reflectionRetries: 0,
    });
  });

  it('refuses a bad value, naming the option as a config field', () => {
    for (const bad of [-1, 1.5, '2', null, Number.NaN]) {
      expect(fieldOf({ valsetGateSize: bad })).toBe('options.valsetGateSize');
      expect(fieldOf({ reflectionRetries: bad })).toBe('options.reflectionRetries');
    }
    expect(() => validateRunConfig(config({ valsetGateSize: -1 }))).toThrow(
      /^options\.valsetGateSize: must be a whole number \(0 or more\), got -1$/,
    );
    expect(() => validateRunConfig(config({ reflectionRetries: 0.5 }))).toThrow(/^options\.reflectionRetries: /);
  });
});
