// Which columns the program reads, which holds the expected answer, and (optionally) the example id.
// The store preselects its guesses; edits keep a field from being both input and answer.
import { useSetupStore } from '../../store/setupStore.ts';
import { chooseAnswer, chooseId, toggleInput } from './mappingEdit.ts';

export function FieldMappingEditor() {
  const columns = useSetupStore((s) => s.dataset.columns);
  const mapping = useSetupStore((s) => s.dataset.mapping);
  const setMapping = useSetupStore((s) => s.setMapping);
  return (
    <div className="mapping">
      <fieldset className="mapping-inputs" data-testid="mapping-inputs">
        <legend>Inputs</legend>
        {columns.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              value={c}
              checked={mapping.inputs.includes(c)}
              onChange={(e) => setMapping(toggleInput(mapping, columns, c, e.target.checked))}
            />
            {c}
          </label>
        ))}
      </fieldset>
      <label className="mapping-select">
        <span>Expected answer</span>
        <select
          data-testid="mapping-answer"
          value={mapping.answer}
          onChange={(e) => setMapping(chooseAnswer(mapping, e.target.value))}
        >
          <option value="">— choose —</option>
          {columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="mapping-select">
        <span>Example id</span>
        <select
          data-testid="mapping-id"
          value={mapping.id ?? ''}
          onChange={(e) => setMapping(chooseId(e.target.value))}
        >
          <option value="">none (row numbers)</option>
          {columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
