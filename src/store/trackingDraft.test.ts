import { describe, expect, it } from 'vitest';
import {
  credentialsOf,
  emptyTrackingAuth,
  emptyTrackingDraft,
  parseTags,
  trackingConfigOf,
  trackingDraftOf,
  trackingProblem,
} from './trackingDraft.ts';

const on = { ...emptyTrackingDraft(), enabled: true };

describe('tracking draft', () => {
  it('parses key=value tags a line, naming the first bad line', () => {
    expect(parseTags('team = search\n\nowner=ana=b')).toEqual({
      tags: { team: 'search', owner: 'ana=b' },
      problem: null,
    });
    expect(parseTags('ok=1\nnot a tag').problem).toBe('tag line 2 is not key=value: "not a tag"');
  });

  it('is no config when off, and the studio run name when no MLflow run name is typed', () => {
    expect(trackingConfigOf(emptyTrackingDraft(), 'x')).toBeUndefined();
    expect(trackingConfigOf({ ...on, tags: 'a=b', keyPrefix: 'gepa/' }, 'My run')).toEqual({
      keyPrefix: 'gepa/',
      mlflow: {
        trackingUri: 'http://localhost:5000',
        experimentName: 'gepa-studio',
        runName: 'My run',
        tags: { a: 'b' },
      },
    });
  });

  it('round-trips a saved config, leaving the studio name as an empty run name', () => {
    const config = trackingConfigOf({ ...on, runId: 'abc', tags: 'a=b' }, 'My run');
    expect(trackingDraftOf(config, emptyTrackingDraft(), 'My run')).toEqual({ ...on, runId: 'abc', tags: 'a=b' });
    expect(trackingDraftOf(undefined, on, 'x').enabled).toBe(false);
  });

  it('names what keeps tracking from running', () => {
    const auth = emptyTrackingAuth();
    expect(trackingProblem(emptyTrackingDraft(), auth)).toBeNull();
    expect(trackingProblem({ ...on, trackingUri: 'localhost:5000' }, auth)).toMatch(/http\(s\) URL/);
    expect(trackingProblem({ ...on, trackingUri: 'http://u:p@host' }, auth)).toMatch(/not in the URI/);
    expect(trackingProblem({ ...on, experimentName: ' ' }, auth)).toMatch(/experiment/);
    expect(trackingProblem(on, { ...auth, kind: 'token' })).toMatch(/token/);
    expect(trackingProblem(on, { ...auth, kind: 'basic', username: 'u' })).toMatch(/both/);
  });

  it('sends credentials only for the chosen kind', () => {
    const auth = { kind: 'token' as const, token: 't', username: 'u', password: 'p' };
    expect(credentialsOf(auth)).toEqual({ token: 't' });
    expect(credentialsOf({ ...auth, kind: 'basic' })).toEqual({ username: 'u', password: 'p' });
    expect(credentialsOf({ ...auth, kind: 'none' })).toBeUndefined();
  });
});
