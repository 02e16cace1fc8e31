// One program step: its name (the component GEPA evolves), the instruction (the seed system prompt)
// and the user-message template, with its template problems right underneath.
import type { ProgramStep } from '../../tasks/types.ts';
import { useSetupStore } from '../../store/setupStore.ts';

interface StepEditorProps {
  index: number;
  step: ProgramStep;
  problems: string[];
  /** columns the template reads that are not mapped as inputs */
  unmapped: readonly string[];
  /** names usable as {{field}} and {{steps.<name>}} in this step's template */
  fields: readonly string[];
  earlierSteps: readonly string[];
  removable: boolean;
}

export function StepEditor({ index, step, problems, unmapped, fields, earlierSteps, removable }: StepEditorProps) {
  const setStep = useSetupStore((s) => s.setStep);
  const removeStep = useSetupStore((s) => s.removeStep);
  const id = `step-${index}`;
  const refs = [...fields.map((f) => `{{${f}}}`), ...earlierSteps.map((s) => `{{steps.${s}}}`)];
  return (
    <div className="step-editor">
      <div className="step-head">
        <span className="step-number">Step {index + 1}</span>
        <label className="step-name">
          <span className="visually-hidden">Step {index + 1} name</span>
          <input
            data-testid={`step-name-${index}`}
            value={step.name}
            spellCheck={false}
            onChange={(e) => setStep(index, { name: e.target.value })}
            aria-label={`step ${index + 1} name`}
          />
        </label>
        {removable && (
          <button
            type="button"
            className="quiet"
            onClick={() => removeStep(index)}
            aria-label={`remove step ${index + 1}`}
          >
            Remove
          </button>
        )}
      </div>
      <label className="stacked" htmlFor={`${id}-instruction`}>
        Instruction <span className="muted">(system prompt; GEPA rewrites this)</span>
      </label>
      <textarea
        id={`${id}-instruction`}
        data-testid={`step-instruction-${index}`}
        className="prose"
        rows={6}
        value={step.instruction}
        placeholder="Paste your seed prompt here"
        onChange={(e) => setStep(index, { instruction: e.target.value })}
      />
      <label className="stacked" htmlFor={`${id}-template`}>
        User message template
      </label>
      <textarea
        id={`${id}-template`}
        data-testid={`step-template-${index}`}
        rows={2}
        spellCheck={false}
        value={step.template}
        onChange={(e) => setStep(index, { template: e.target.value })}
      />
      <p className="setup-hint">
        {refs.length ? <>Available: {refs.join('  ')}</> : 'Load a dataset to see the fields you can use.'}
      </p>
      {problems.length > 0 && (
        <ul className="problems" aria-label={`step ${index + 1} problems`}>
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
          {unmapped.length > 0 && (
            <li className="fix-hint">
              To use {unmapped.join(', ')}, tick {unmapped.length > 1 ? 'them' : 'it'} under Dataset → Field mapping →
              Inputs.
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
