// What the examples are for: optimize a prompt (train on some, select on the held-out rest), or find the
// best answer for each of them (the DSPy seed's inference-time search: every example is a task, both
// trainset and valset, and the run keeps the best output found per task). In search mode the split
// controls give way to a note saying why there is no split.
import { useSetupStore } from '../../store/setupStore.ts';
import type { RunMode } from '../../run/runMode.ts';
import './runMode.css';

const CHOICES: { mode: RunMode; title: string; detail: string }[] = [
  {
    mode: 'optimize',
    title: 'Optimize a prompt',
    detail: 'Learn from a training share, select on the held-out rest: the result is a prompt for new inputs.',
  },
  {
    mode: 'search',
    title: 'Find the best answer for each of these tasks',
    detail:
      'Inference-time search: every example is a task to solve, both learned from and scored on; the result ' +
      'is the best output found for each task, with the prompt that produced it.',
  },
];

export function RunModePicker() {
  const mode = useSetupStore((s) => s.mode);
  const setMode = useSetupStore((s) => s.setMode);
  return (
    <div className="run-mode" role="radiogroup" aria-label="What the examples are for">
      {CHOICES.map((c) => (
        <label key={c.mode} className={`run-mode-choice${mode === c.mode ? ' selected' : ''}`}>
          <input
            type="radio"
            name="run-mode"
            data-testid={`run-mode-${c.mode}`}
            checked={mode === c.mode}
            onChange={() => setMode(c.mode)}
          />
          <span>
            <strong>{c.title}</strong>
            <span className="setup-hint">{c.detail}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

/** Instead of the split editor in search mode: why there is none, and what one evaluation costs. */
export function SearchSplitNote({ examples }: { examples: number }) {
  return (
    <p className="search-split-note" data-testid="search-split-note">
      No split: all <strong>{examples}</strong> examples are the tasks, each used both to learn from (minibatches) and
      to score every candidate on (validation), so one full evaluation takes {examples} metric calls. The run keeps, per
      task, the best output any candidate gave.
    </p>
  );
}
