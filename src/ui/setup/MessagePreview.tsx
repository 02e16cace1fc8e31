// The messages the first example produces, as the task LM will receive them. Dataset text and
// prompts are shown as text only.
import { useSetupStore } from '../../store/setupStore.ts';
import type { Example } from '../../tasks/types.ts';
import { previewMessages } from './messagePreview.ts';

interface MessagePreviewProps {
  example: Example | null;
  /** why there is no example to show */
  reason: string;
}

export function MessagePreview({ example, reason }: MessagePreviewProps) {
  const program = useSetupStore((s) => s.program);
  return (
    <div className="message-preview" data-testid="message-preview">
      <h3>
        Preview <span className="muted">{example ? `— example "${example.id}"` : ''}</span>
      </h3>
      {example ? (
        previewMessages(program, example).map((step, i) => (
          <div key={i} className="preview-step">
            {program.steps.length > 1 && <div className="preview-step-name">{step.step}</div>}
            {step.messages.map((m) => (
              <div key={m.role} className={`preview-message ${m.role}`}>
                <span className="preview-role">{m.role}</span>
                <pre>{m.content || '(empty)'}</pre>
              </div>
            ))}
          </div>
        ))
      ) : (
        <p className="setup-hint">{reason}</p>
      )}
    </div>
  );
}
