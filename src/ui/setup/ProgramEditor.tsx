// The program: the seed prompt as one or more steps, their template problems (checked against the
// mapped input fields) and a live preview of the messages the first example produces.
import { useSetupStore } from '../../store/setupStore.ts';
import { Section } from './Section.tsx';
import { StepEditor } from './StepEditor.tsx';
import { MessagePreview } from './MessagePreview.tsx';
import { programProblems, unmappedColumns } from './programProblems.ts';
import type { DatasetSummary } from '../../store/datasetSummary.ts';

export function ProgramEditor({ summary }: { summary: DatasetSummary }) {
  const program = useSetupStore((s) => s.program);
  const steps = program.steps;
  const hasRows = useSetupStore((s) => s.dataset.rows.length > 0);
  const inputs = useSetupStore((s) => s.dataset.mapping.inputs);
  const columns = useSetupStore((s) => s.dataset.columns);
  const addStep = useSetupStore((s) => s.addStep);
  const problems = programProblems(program, hasRows ? inputs : null);
  const reason = !hasRows
    ? 'Load a dataset to preview the messages its first example produces.'
    : `No preview: ${summary.problem ?? 'no example'}`;
  return (
    <Section
      title="Program"
      help={
        <>
          Each step sends its instruction as the system message and its template as the user message; GEPA evolves the
          instructions. Most tasks need one step: paste your prompt as its instruction.
        </>
      }
      aside={
        <button type="button" data-testid="add-step" onClick={addStep}>
          + Add step
        </button>
      }
    >
      {steps.map((step, i) => (
        <StepEditor
          key={i}
          index={i}
          step={step}
          problems={problems.byStep[i] ?? []}
          unmapped={unmappedColumns(step.template, columns, inputs)}
          fields={hasRows ? inputs : []}
          earlierSteps={steps.slice(0, i).map((s) => s.name)}
          removable={steps.length > 1}
        />
      ))}
      {problems.general.length > 0 && (
        <ul className="problems">
          {problems.general.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <MessagePreview example={summary.first} reason={reason} />
    </Section>
  );
}
