// How many proposals a round makes (and from which parents) and which of its improving ones are kept,
// with the trade-off in one sentence. Rows of the run options' form grid.
import { useSetupStore } from '../../store/setupStore.ts';
import { NumberInput } from './NumberInput.tsx';
import { Select } from './Select.tsx';
import { OptionCheckbox } from './OptionFields.tsx';
import type { Choice } from './Select.tsx';
import { MAX_PER_ROUND, samplingKind, selectionKind, withSamplingKind, withSelectionKind } from './proposalStrategy.ts';
import type { SamplingKind, SelectionKind } from './proposalStrategy.ts';

const SAMPLING: Choice<SamplingKind>[] = [
  { value: 'single', label: 'One' },
  { value: 'same_parent', label: 'n from the same parent' },
  { value: 'independent', label: 'n from different parents' },
  { value: 'pxn', label: 'p parents × n each' },
];

const SELECTION: Choice<SelectionKind>[] = [
  { value: 'all', label: 'every one that beats its parent' },
  { value: 'best', label: 'only the best of the round' },
  { value: 'top_k', label: 'the best k of the round' },
];

function Count({ id, label, value, onValue }: { id: string; label: string; value: number; onValue(v: number): void }) {
  return (
    <NumberInput
      id={id}
      data-testid={id}
      aria-label={label}
      className="short"
      value={value}
      min={1}
      max={MAX_PER_ROUND}
      integer
      onValue={(v) => v !== undefined && onValue(v)}
    />
  );
}

export function ProposalsPerRound() {
  const sampling = useSetupStore((s) => s.options.samplingStrategy);
  const selection = useSetupStore((s) => s.options.selectionStrategy);
  const set = useSetupStore((s) => s.setOptions);
  const single = sampling === 'single';
  return (
    <>
      <label htmlFor="option-sampling">Proposals per round</label>
      <span className="inline-fields">
        <Select
          id="option-sampling"
          data-testid="option-sampling"
          value={samplingKind(sampling)}
          choices={SAMPLING}
          onValue={(kind) => set({ samplingStrategy: withSamplingKind(sampling, kind) })}
        />
        {sampling !== 'single' && sampling.kind === 'pxn' && (
          <>
            <span className="muted">p =</span>
            <Count
              id="option-sampling-p"
              label="parents per round"
              value={sampling.p}
              onValue={(p) => set({ samplingStrategy: { ...sampling, p } })}
            />
          </>
        )}
        {sampling !== 'single' && (
          <>
            <span className="muted">n =</span>
            <Count
              id="option-sampling-n"
              label={sampling.kind === 'pxn' ? 'proposals per parent' : 'proposals per round'}
              value={sampling.n}
              onValue={(n) => set({ samplingStrategy: { ...sampling, n } })}
            />
          </>
        )}
      </span>
      <label htmlFor="option-keep">Keep</label>
      <span className="inline-fields">
        <Select
          id="option-keep"
          data-testid="option-keep"
          aria-label="which improving proposals to keep"
          value={selectionKind(selection)}
          choices={SELECTION}
          disabled={single}
          title={single ? 'one proposal per round: nothing to choose' : undefined}
          onValue={(kind) => set({ selectionStrategy: withSelectionKind(selection, kind) })}
        />
        {typeof selection !== 'string' && (
          <>
            <span className="muted">k =</span>
            <Count
              id="option-keep-k"
              label="proposals kept per round"
              value={selection.k}
              onValue={(k) => set({ selectionStrategy: { kind: 'top_k', k } })}
            />
          </>
        )}
      </span>
      <label htmlFor="option-overlap">Overlap rounds</label>
      <OptionCheckbox
        option="overlapRounds"
        id="option-overlap"
        disabled={single}
        title={single ? 'one proposal per round: rounds do not overlap' : undefined}
      >
        propose the next round while the kept child is scored on the validation set
      </OptionCheckbox>
      <p className="setup-hint" data-testid="proposals-trade-off">
        Several proposals per round wait less when the endpoint takes concurrent calls (a round takes about as long as
        one proposal) and try more varied changes, but each round spends more metric calls before any is accepted, so a
        small budget buys fewer rounds. Overlapping rounds waits less again (the next round builds on the kept child
        before its validation score is in; a child the validation gate stops takes that round with it).
      </p>
    </>
  );
}
