// The reflection prompt on the user's own data: the seed is run on the first training examples (task LM and
// metric, as a run would), and the chosen step's template is filled with the records a first reflection on
// them would see, live as the template or the instruction is edited. Shown as text only.
import { useState } from 'react';
import { useSetupStore } from '../../store/setupStore.ts';
import { PREVIEW_EXAMPLES, previewReflectionRecords } from '../../store/actions.ts';
import {
  reflectionPromptText,
  reflectionTemplateFor,
  reflectionTemplateProblems,
} from '../../store/reflectionPromptDraft.ts';
import type { ReflectionPreview } from '../../worker/protocol.ts';
import { errorMessage } from '../../engine/index.ts';

type PreviewState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; preview: ReflectionPreview }
  | { state: 'failed'; message: string };

export function ReflectionPromptPreview() {
  const [preview, setPreview] = useState<PreviewState>({ state: 'idle' });
  const [chosen, setChosen] = useState(0);
  const steps = useSetupStore((s) => s.program.steps);
  const draft = useSetupStore((s) => s.reflectionPrompt);
  const demo = useSetupStore((s) => s.taskLm.provider === 'demo');
  const index = Math.min(chosen, steps.length - 1);
  const step = steps[index];
  const run = async () => {
    setPreview({ state: 'running' });
    try {
      setPreview({ state: 'done', preview: await previewReflectionRecords() });
    } catch (err) {
      setPreview({ state: 'failed', message: errorMessage(err) });
    }
  };
  const body = () => {
    if (preview.state === 'failed')
      return (
        <p className="problem-line" role="alert" data-testid="reflection-preview-error">
          {preview.message}
        </p>
      );
    if (preview.state !== 'done' || !step) return null;
    const template = reflectionTemplateFor(draft, step.name);
    const problem = reflectionTemplateProblems(template)[0];
    if (problem)
      return <p className="setup-hint warn-text">Fix step “{step.name}”’s reflection prompt to preview it.</p>;
    const records = preview.preview.records[step.name];
    if (!records)
      return (
        <p className="setup-hint">The program changed since this preview: preview again for step “{step.name}”.</p>
      );
    const ran = preview.preview.examples.map((e) => `${e.id} (${e.score.toFixed(2)})`).join(', ');
    return (
      <>
        <p className="setup-hint" data-testid="reflection-preview-examples">
          What the reflection on step “{step.name}” sends for the seed&apos;s run on training examples {ran} (seed score
          in brackets):
        </p>
        <pre className="reflection-preview-text" data-testid="reflection-preview-text">
          {reflectionPromptText(template, step.instruction, records)}
        </pre>
      </>
    );
  };
  return (
    <div className="reflection-preview message-preview" data-testid="reflection-preview">
      <div className="step-head">
        <h3 className="step-name">Preview</h3>
        {steps.length > 1 && (
          <select
            aria-label="step to preview"
            data-testid="reflection-preview-step"
            value={index}
            onChange={(e) => setChosen(Number(e.target.value))}
          >
            {steps.map((s, i) => (
              <option key={i} value={i}>
                {s.name}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          data-testid="reflection-preview-run"
          disabled={preview.state === 'running'}
          onClick={() => void run()}
        >
          {preview.state === 'running'
            ? 'Running…'
            : preview.state === 'done'
              ? 'Run again'
              : `Preview on ${PREVIEW_EXAMPLES} training examples`}
        </button>
      </div>
      {preview.state === 'idle' && (
        <p className="setup-hint">
          Runs the seed program on the first {PREVIEW_EXAMPLES} training examples with the task LM and grades them
          {demo ? '' : ' (real calls to your endpoint)'}, then shows the prompt the reflection LM would get for them.
        </p>
      )}
      {body()}
    </div>
  );
}
