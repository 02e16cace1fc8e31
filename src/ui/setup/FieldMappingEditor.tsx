// Which columns the program reads, which holds the expected answer, and (optionally) the example id.
// The store preselects its guesses; edits keep a field from being both input and answer.
import { useSetupStore } from '../../store/setupStore.ts';
import { Checkbox } from './Checkbox.tsx';
import { chooseAnswer, chooseId, toggleInput } from './mappingEdit.ts';
import { Select } from './Select.tsx';

export function FieldMappingEditor() {
  const columns = useSetupStore((s) => s.dataset.columns);
  const mapping = useSetupStore((s) => s.dataset.mapping);
  const setMapping = useSetupStore((s) => s.setMapping);
  const columnChoices = columns.map((c) => ({ value: c, label: c }));
  return (
    <div className="mapping">
      <fieldset className="mapping-inputs" data-testid="mapping-inputs">
        <legend>Inputs</legend>
        {columns.map((c) => (
          <Checkbox
            key={c}
            value={c}
            checked={mapping.inputs.includes(c)}
            onChecked={(on) => setMapping(toggleInput(mapping, columns, c, on))}
          >
            {c}
          </Checkbox>
        ))}
      </fieldset>
      <label className="mapping-select">
        <span>Expected answer</span>
        <Select
          data-testid="mapping-answer"
          value={mapping.answer}
          choices={[{ value: '', label: '— choose —' }, ...columnChoices]}
          onValue={(answer) => setMapping(chooseAnswer(mapping, answer))}
        />
      </label>
      <label className="mapping-select">
        <span>Example id</span>
        <Select
          data-testid="mapping-id"
          value={mapping.id ?? ''}
          choices={[{ value: '', label: 'none (row numbers)' }, ...columnChoices]}
          onValue={(id) => setMapping(chooseId(id))}
        />
      </label>
    </div>
  );
}
