import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateStorage, isQuotaError, requestPersistentStorage, toStorageError } from './quota.ts';
import { StorageQuotaError } from './types.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const abort = () => new DOMException('The transaction was aborted.', 'AbortError');

describe('isQuotaError / toStorageError', () => {
  it('recognises a QuotaExceededError DOMException', () => expect(isQuotaError(quota())).toBe(true));
  it("recognises Firefox's old name", () => expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true));
  it('recognises an abort error whose transaction failed for quota', () =>
    expect(isQuotaError(abort(), quota())).toBe(true));
  it('recognises an abort error that wraps one as its cause', () =>
    expect(isQuotaError(Object.assign(abort(), { cause: quota() }))).toBe(true));
  it('recognises an abort event whose transaction holds one', () =>
    expect(isQuotaError({ type: 'abort', target: { error: null, transaction: { error: quota() } } })).toBe(true));
  it('does not take other failures for quota', () => {
    expect(isQuotaError(abort())).toBe(false);
    expect(isQuotaError(new DOMException('bad key', 'DataError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('maps quota failures to StorageQuotaError with a message a user can act on, keeping the cause', () => {
    const err = toStorageError(abort(), 'the checkpoint of run "r1"', quota());
    expect(err).toBeInstanceOf(StorageQuotaError);
    expect((err as Error).name).toBe('StorageQuotaError');
    expect((err as Error).message).toMatch(
      /storage is full: saving the checkpoint of run "r1" was refused\. Everything saved before is intact/i,
    );
    expect((err as Error).message).toMatch(/delete old runs/);
    expect((err as Error).cause).toBeInstanceOf(DOMException);
  });

  it('returns any other error unchanged', () => {
    const other = new Error('boom');
    expect(toStorageError(other, 'x')).toBe(other);
  });
});

describe('persistent storage and estimates', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for persistence once, and reports an origin already persistent', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => true } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('says no where the browser refuses or has no storage manager', async () => {
    vi.stubGlobal('navigator', { storage: { persist: async () => false, persisted: async () => false } });
    expect(await requestPersistentStorage()).toBe(false);
    vi.stubGlobal('navigator', {});
    expect(await requestPersistentStorage()).toBe(false);
    expect(await estimateStorage()).toBeNull();
  });

  it('estimates usage and quota', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 1234, quota: 10_000_000 }) } });
    expect(await estimateStorage()).toEqual({ usage: 1234, quota: 10_000_000 });
    vi.stubGlobal('navigator', {
      storage: {
        estimate: async () => {
          throw new Error('denied');
        },
      },
    });
    expect(await estimateStorage()).toBeNull();
  });
});
