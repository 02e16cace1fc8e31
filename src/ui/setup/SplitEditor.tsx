// The seeded train/val split and the sizes it gives. Most of a run's budget goes to validation
// evaluations, so a cap on the valset is offered right here.
import { useSetupStore } from '../../store/setupStore.ts';
import { NumberInput } from './NumberInput.tsx';
import type { DatasetSummary } from '../../store/datasetSummary.ts';

export function SplitEditor({ summary }: { summary: DatasetSummary }) {
  const split = useSetupStore((s) => s.dataset.split);
  const setSplit = useSetupStore((s) => s.setSplit);
  return (
    <div className="split">
      <label>
        <span>Validation share</span>
        <NumberInput
          data-testid="split-val-fraction"
          value={split.valFraction}
          min={0.01}
          max={0.99}
          step={0.05}
          onValue={(v) => v !== undefined && setSplit({ valFraction: v })}
        />
      </label>
      <label>
        <span>Max val examples</span>
        <NumberInput
          value={split.maxVal}
          min={1}
          integer
          optional
          placeholder="no cap"
          onValue={(v) => setSplit({ maxVal: v })}
        />
      </label>
      <label>
        <span>Seed</span>
        <NumberInput
          data-testid="split-seed"
          value={split.seed}
          integer
          onValue={(v) => v !== undefined && setSplit({ seed: v })}
        />
      </label>
      <output className="split-counts" data-testid="split-counts">
        {summary.examples > 0 && !summary.problem ? (
          <>
            <strong>{summary.train}</strong> train · <strong>{summary.val}</strong> val
          </>
        ) : (
          '—'
        )}
      </output>
    </div>
  );
}
