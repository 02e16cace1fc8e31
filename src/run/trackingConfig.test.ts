import { describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import { validateRunConfig } from './runConfig.ts';

const withTracking = (tracking: unknown) => ({ ...demoRunConfig(sentimentTask), tracking });
const problem = (tracking: unknown) => {
  try {
    validateRunConfig(withTracking(tracking));
    return null;
  } catch (err) {
    return (err as Error).message;
  }
};

describe('the run config’s tracking', () => {
  it('accepts MLflow and W&B settings, attach run ids and a key prefix', () => {
    const tracking = {
      keyPrefix: 'gepa/',
      mlflow: {
        trackingUri: 'http://localhost:5000',
        experimentName: 'e',
        runName: 'r',
        runId: 'abc',
        tags: { a: 'b' },
      },
      wandb: { project: 'p', entity: 'me', name: 'n', tags: ['x'], notes: '', config: { k: 1 }, runId: 'w1' },
    };
    expect(validateRunConfig(withTracking(tracking)).tracking).toEqual(tracking);
    expect(validateRunConfig(demoRunConfig(sentimentTask)).tracking).toBeUndefined();
  });

  it('names the field at fault', () => {
    expect(problem('yes')).toMatch(/^tracking: must be an object/);
    expect(problem({ mlflow: { experimentName: 'e' } })).toMatch(
      /^tracking\.mlflow\.trackingUri: must be the http\(s\) URL/,
    );
    expect(problem({ mlflow: { trackingUri: './mlruns', experimentName: 'e' } })).toMatch(/trackingUri/);
    expect(problem({ mlflow: { trackingUri: 'http://h', experimentName: ' ' } })).toMatch(
      /^tracking\.mlflow\.experimentName: must be a non-empty string/,
    );
    expect(problem({ mlflow: { trackingUri: 'http://h', experimentName: 'e', tags: { a: 1 } } })).toMatch(
      /^tracking\.mlflow\.tags: must be an object of string values/,
    );
    expect(problem({ mlflow: { trackingUrl: 'http://h', experimentName: 'e' } })).toMatch(
      /^tracking\.mlflow\.trackingUrl: unknown field \(known: trackingUri, /,
    );
    expect(problem({ keyPrefix: 3 })).toMatch(/^tracking\.keyPrefix: must be a string/);
    expect(problem({ wandb: { entity: 'me' } })).toMatch(/^tracking\.wandb\.project: must be a non-empty string/);
    expect(problem({ wandb: { project: 'p', tags: 'x' } })).toMatch(
      /^tracking\.wandb\.tags: must be a list of strings/,
    );
  });

  it('refuses secrets: a token, a password, an API key or a user:password in the URI', () => {
    expect(problem({ mlflow: { trackingUri: 'http://h', experimentName: 'e', token: 't' } })).toMatch(
      /^tracking\.mlflow\.token: secrets do not belong in a run config; the CLI reads MLFLOW_TRACKING_TOKEN/,
    );
    expect(problem({ wandb: { project: 'p', apiKey: 'k' } })).toMatch(
      /^tracking\.wandb\.apiKey: secrets do not belong/,
    );
    expect(problem({ mlflow: { trackingUri: 'https://u:pw@h', experimentName: 'e' } })).toMatch(
      /^tracking\.mlflow\.trackingUri: must not hold a user or password/,
    );
  });
});
