// A run aborted at its n-th adapter call, for resume tests: what it returned and the last state its
// checkpoint saved (the state a resume starts from).
import { optimize } from '../optimize.ts';
import type { GepaResult } from '../result.ts';
import type { GepaState } from '../state.ts';
import type { AbortSignalLike, GepaOptions } from '../types.ts';
import type { KeywordAdapterOptions, KeywordExample } from './keywordTask.ts';

export type KeywordRunMaker = (
  over?: Partial<GepaOptions<KeywordExample>>,
  adapterOpts?: KeywordAdapterOptions,
) => GepaOptions<KeywordExample>;

export async function abortedAt(
  make: KeywordRunMaker,
  over: Partial<GepaOptions<KeywordExample>>,
  abortAt: number,
  wait: () => Promise<void>,
  // the caller's AbortController (the engine compiles without the platform's types)
  ctrl: { signal: AbortSignalLike; abort(): void },
): Promise<{ partial: GepaResult; saved: GepaState }> {
  let saved = '';
  const partial = await optimize(
    make(
      { ...over, signal: ctrl.signal, checkpoint: (s) => void (saved = JSON.stringify(s)) },
      {
        beforeEvaluate: async (call) => {
          if (call === abortAt) ctrl.abort();
          await wait();
        },
      },
    ),
  );
  return { partial, saved: JSON.parse(saved) as GepaState };
}
