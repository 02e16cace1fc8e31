// The budget panel's stop limits (options.stop): a time limit, no improvement for N iterations, a target score,
// at most N candidates or proposals, each off while its field is empty, and whether the first one reached ends
// the run or only all of them together. The budget's cap holds whatever they say.
import { useSetupStore } from '../../store/setupStore.ts';
import { NumberInput } from './NumberInput.tsx';
import { Select } from './Select.tsx';
import type { Choice } from './Select.tsx';
import { STOP_FIELDS, stopLimitCount, withCombine, withStopLimit } from './stopLimits.ts';
import './stopLimits.css';

const COMBINE: Choice<'any' | 'all'>[] = [
  { value: 'any', label: 'the first limit reached ends the run (any)' },
  { value: 'all', label: 'only all limits together end the run (all)' },
];

export function StopLimits() {
  const stop = useSetupStore((s) => s.options.stop);
  const setOptions = useSetupStore((s) => s.setOptions);
  const set = (next: typeof stop) => setOptions({ stop: next });
  const count = stopLimitCount(stop);
  return (
    <fieldset className="stop-limits" data-testid="stop-limits">
      <legend>
        Stop sooner <span className="muted">(optional: an empty field is no limit)</span>
      </legend>
      <div className="form-grid stop-limits-grid">
        {STOP_FIELDS.map((f) => (
          <StopField key={f.key} field={f} value={stop?.[f.key]} onValue={(v) => set(withStopLimit(stop, f.key, v))} />
        ))}
        <label htmlFor="stop-combine">Combine</label>
        <Select
          id="stop-combine"
          data-testid="stop-combine"
          value={stop?.combine ?? 'any'}
          choices={COMBINE}
          disabled={count < 2}
          title={count < 2 ? 'set two limits or more to combine them' : undefined}
          onValue={(v) => set(withCombine(stop, v))}
        />
      </div>
    </fieldset>
  );
}

function StopField({
  field,
  value,
  onValue,
}: {
  field: (typeof STOP_FIELDS)[number];
  value: number | undefined;
  onValue(v: number | undefined): void;
}) {
  const id = `stop-${field.key}`;
  return (
    <>
      <label htmlFor={id}>{field.label}</label>
      <span className="inline-fields">
        <NumberInput
          id={id}
          data-testid={id}
          className="short"
          value={value}
          optional
          integer={field.integer}
          {...(Number.isFinite(field.min) ? { min: field.min } : {})}
          {...(field.step ? { step: field.step } : {})}
          placeholder="off"
          onValue={onValue}
        />
        <span className="muted option-help">{field.unit}</span>
      </span>
    </>
  );
}
