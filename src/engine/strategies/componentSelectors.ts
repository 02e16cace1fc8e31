// Which components of the selected parent the reflection LM rewrites this iteration.
// Round-robin keeps a pointer per candidate; a child inherits its parents' pointer (see loop), so a
// lineage keeps cycling through components instead of restarting at the first one.
import type { GepaState } from '../state.ts';
import type { Candidate, ModuleSelector } from '../types.ts';
import type { Rng } from '../rng.ts';

export type ComponentPicker = (state: GepaState, candidateIdx: number, candidate: Candidate, rng: Rng) => string[];

export const roundRobin: ComponentPicker = (state, idx) => {
  const n = state.componentNames.length;
  const pos = (state.roundRobinNext[idx] ?? 0) % n;
  state.roundRobinNext[idx] = (pos + 1) % n;
  return [state.componentNames[pos] as string];
};

export const allComponents: ComponentPicker = (state) => [...state.componentNames];

export function makeComponentPicker(selector: ModuleSelector): ComponentPicker {
  if (selector === 'round_robin') return roundRobin;
  if (selector === 'all') return allComponents;
  return (state, candidateIdx, candidate, rng) => {
    const picked = selector({ state, candidateIdx, candidate, rng });
    const unknown = picked.filter((c) => !state.componentNames.includes(c));
    if (picked.length === 0 || unknown.length > 0) {
      throw new Error(
        'moduleSelector returned ' +
          `${picked.length === 0 ? 'no components' : `unknown components: ${unknown.join(', ')}`}`,
      );
    }
    return picked;
  };
}
