// The order the LM wrappers go in, kept in one place because it matters: the limiter sits innermost so
// only real requests take a slot (a cache hit never waits behind one, and identical calls in flight share
// one slot); the cache sits around it; the meter sits outermost so it sees every call, paid or cached,
// and counts each paid request once.
import { cachedModel, type CachedLanguageModel, type CacheStore } from './evaluationCache.ts';
import { limitedModel, type ConcurrencyLimiter } from './limiter.ts';
import type { LanguageModel } from './types.ts';
import type { LmRole, UsageMeter } from './usage.ts';

export interface ModelStackOptions {
  role: LmRole;
  /** the endpoint's shared limiter (see LimiterPool) */
  limiter?: ConcurrencyLimiter;
  /** caching is for the task LM and judge; a reflection LM is asked for something new each time */
  cache?: CacheStore;
  meter?: UsageMeter;
}

export interface ModelStack {
  model: LanguageModel;
  /** present when a cache store was given: its hit counts and money saved */
  cache?: CachedLanguageModel;
}

export function stackModel(base: LanguageModel, options: ModelStackOptions): ModelStack {
  let model = options.limiter ? limitedModel(base, options.limiter) : base;
  let cache: CachedLanguageModel | undefined;
  if (options.cache) {
    cache = cachedModel(model, options.cache, options.meter ? { pricing: options.meter } : {});
    model = cache;
  }
  if (options.meter) model = options.meter.wrap(model, options.role);
  return cache ? { model, cache } : { model };
}
