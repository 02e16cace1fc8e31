// The reflection prompt, folded away until wanted: the prompt the reflection LM gets to rewrite each step's
// instruction, shown read-only as the engine's default until the user customises it for a step; then
// editable, checked as they type (placeholders missing, unknown or empty, each problem naming the step),
// with a reset back to the default, and a preview on the first training examples. Prompts are text only.
import { useSetupStore } from '../../store/setupStore.ts';
import {
  DEFAULT_REFLECTION_TEMPLATE,
  reflectionPromptProblems,
  reflectionTemplateProblems,
  withStepTemplate,
} from '../../store/reflectionPromptDraft.ts';
import { ReflectionPromptPreview } from './ReflectionPromptPreview.tsx';

interface TemplateBlockProps {
  /** test id suffix: the step's index, or "all" for the template of every step */
  slot: string;
  title: string;
  /** the user's own template, or undefined: the inherited one shows read-only */
  own: string | undefined;
  inherited: string;
  inheritedLabel: string;
  /** how a problem of this template starts, e.g. step “answer”’s reflection prompt */
  subject: string;
  onChange(template: string | undefined): void;
}

function TemplateBlock({ slot, title, own, inherited, inheritedLabel, subject, onChange }: TemplateBlockProps) {
  const problems = own === undefined ? [] : reflectionTemplateProblems(own);
  return (
    <div className="step-editor reflection-template" data-testid={`reflection-template-${slot}`}>
      <div className="step-head">
        <span className="step-number step-name">{title}</span>
        <span className={`badge${own === undefined ? '' : ' good'}`}>
          {own === undefined ? inheritedLabel : 'custom'}
        </span>
        {own === undefined ? (
          <button type="button" data-testid={`reflection-customize-${slot}`} onClick={() => onChange(inherited)}>
            Customize
          </button>
        ) : (
          <button type="button" data-testid={`reflection-reset-${slot}`} onClick={() => onChange(undefined)}>
            Reset to default
          </button>
        )}
      </div>
      {own === undefined ? (
        <pre className="reflection-template-text" data-testid={`reflection-readonly-${slot}`}>
          {inherited}
        </pre>
      ) : (
        <textarea
          data-testid={`reflection-edit-${slot}`}
          className="mono reflection-template-edit"
          rows={14}
          spellCheck={false}
          aria-label={`${title}: reflection prompt`}
          value={own}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {problems.length > 0 && (
        <ul className="problems" data-testid={`reflection-problems-${slot}`} aria-label={`${title}: prompt problems`}>
          {problems.map((p) => (
            <li key={p}>
              {subject} {p}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ReflectionPromptPanel() {
  const draft = useSetupStore((s) => s.reflectionPrompt);
  const steps = useSetupStore((s) => s.program.steps);
  const set = useSetupStore((s) => s.setReflectionPrompt);
  const names = steps.map((s) => s.name);
  const problems = reflectionPromptProblems(draft, names);
  const custom = names.filter((n) => draft.perStep?.[n] !== undefined).length + (draft.default !== undefined ? 1 : 0);
  const inherited = draft.default ?? DEFAULT_REFLECTION_TEMPLATE;
  return (
    <section
      className="panel setup-section tracking-panel reflection-panel"
      aria-label="Reflection prompt"
      data-testid="reflection-section"
    >
      <details>
        <summary data-testid="reflection-toggle">
          <h2>Reflection prompt</h2>
          <span className={`badge${problems.length ? ' warn' : custom ? ' good' : ''}`} data-testid="reflection-badge">
            {problems.length
              ? `${problems.length} problem${problems.length > 1 ? 's' : ''}`
              : custom
                ? `custom · ${custom} of ${names.length + (draft.default !== undefined ? 1 : 0)}`
                : 'default'}
          </span>
        </summary>
        <p className="setup-help">
          What the reflection LM is asked each time it rewrites a step&apos;s instruction.{' '}
          <code>{'{{current_instruction}}'}</code> becomes the step&apos;s instruction as it stands,{' '}
          <code>{'{{examples}}'}</code> the examples it ran on with their inputs, outputs and feedback. The reply&apos;s
          first fenced block (<code>```</code>) becomes the new instruction, so keep asking for one.
        </p>
        {draft.default !== undefined && (
          <TemplateBlock
            slot="all"
            title="Every step without its own"
            own={draft.default}
            inherited={DEFAULT_REFLECTION_TEMPLATE}
            inheritedLabel="default"
            subject="the reflection prompt for every step"
            onChange={(template) => {
              const { default: _old, ...rest } = draft;
              set(template === undefined ? rest : { ...draft, default: template });
            }}
          />
        )}
        {steps.map((step, i) => (
          <TemplateBlock
            key={i}
            slot={String(i)}
            title={steps.length > 1 ? `Step ${i + 1} · ${step.name}` : `Step · ${step.name}`}
            own={draft.perStep?.[step.name]}
            inherited={inherited}
            inheritedLabel={draft.default !== undefined ? 'as every step' : 'default'}
            subject={`step “${step.name}”’s reflection prompt`}
            onChange={(template) => set(withStepTemplate(draft, step.name, template))}
          />
        ))}
        <ReflectionPromptPreview />
      </details>
    </section>
  );
}
