import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CachedEntry } from '../lm/evaluationCache.ts';
import { createRunRepository } from './index.ts';
import { uniqueDbName } from './__fixtures__/testRuns.ts';

const entry = (text: string): CachedEntry => ({
  text,
  usage: { promptTokens: 120, completionTokens: 30 },
  model: 'demo-task',
});
// real cache keys hold whole messages: long, with quotes and newlines
const longKey = JSON.stringify([
  'demo|t=0',
  0,
  null,
  [
    ['system', 'Classify the sentiment.\n"Be careful" with negation.'],
    ['user', 'x'.repeat(5000)],
  ],
]);

describe('IndexedDbCacheStore', () => {
  it('returns what was set, and nothing for an unknown key', async () => {
    const store = createRunRepository(uniqueDbName('cache')).cacheStore();
    await store.set(longKey, entry('positive'));
    await store.set('other', entry('negative'));
    expect(await store.get(longKey)).toEqual(entry('positive'));
    expect(await store.get('other')).toEqual(entry('negative'));
    expect(await store.get('missing')).toBeUndefined();
  });

  it('a later set of the same key replaces the entry', async () => {
    const store = createRunRepository(uniqueDbName('cache-replace')).cacheStore();
    await store.set('k', entry('one'));
    await store.set('k', entry('two'));
    expect(await store.get('k')).toEqual(entry('two'));
  });

  it('is shared by every repository on the database: a reload still finds the answers', async () => {
    const dbName = uniqueDbName('cache-shared');
    const worker = createRunRepository(dbName);
    await worker.cacheStore().set(longKey, entry('positive'));
    await worker.close();
    const reloaded = createRunRepository(dbName);
    expect(await reloaded.cacheStore().get(longKey)).toEqual(entry('positive'));
    await reloaded.close();
  });

  it('stores a copy: changing the entry afterwards changes nothing stored', async () => {
    const store = createRunRepository(uniqueDbName('cache-copy')).cacheStore();
    const e = entry('positive');
    await store.set('k', e);
    e.usage.promptTokens = 0;
    e.text = 'changed';
    expect(await store.get('k')).toEqual(entry('positive'));
  });
});
