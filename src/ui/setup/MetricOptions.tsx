// The options of the chosen metric kind: case sensitivity, a pattern, a tolerance, JSON fields,
// labels, a judge rubric or custom code.
import type { ComponentProps } from 'react';
import type { MetricConfig } from '../../tasks/types.ts';
import { Checkbox } from './Checkbox.tsx';
import { ListInput } from './ListInput.tsx';
import { NumberInput } from './NumberInput.tsx';

interface MetricOptionsProps {
  metric: MetricConfig;
  onChange(metric: MetricConfig): void;
}

function CaseSensitive({ checked, onChange }: { checked: boolean; onChange(v: boolean): void }) {
  return (
    <Checkbox data-testid="metric-case-sensitive" checked={checked} onChecked={onChange}>
      Case sensitive
    </Checkbox>
  );
}

/** A labelled list field of the metric's form grid; its id is also its test id. */
function ListField({ id, label, ...rest }: { id: string; label: string } & ComponentProps<typeof ListInput>) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <ListInput {...rest} id={id} data-testid={id} />
    </>
  );
}

export function MetricOptions({ metric: m, onChange }: MetricOptionsProps) {
  switch (m.kind) {
    case 'exact_match':
    case 'contains':
      return (
        <CaseSensitive checked={!!m.caseSensitive} onChange={(caseSensitive) => onChange({ ...m, caseSensitive })} />
      );
    case 'regex':
      return (
        <div className="form-grid">
          <label htmlFor="metric-pattern">Pattern</label>
          <input
            id="metric-pattern"
            data-testid="metric-pattern"
            className="mono"
            spellCheck={false}
            value={m.pattern}
            placeholder="^\d+(\.\d+)?$"
            onChange={(e) => onChange({ ...m, pattern: e.target.value })}
          />
          <label htmlFor="metric-flags">Flags</label>
          <input
            id="metric-flags"
            className="mono short"
            spellCheck={false}
            value={m.flags ?? ''}
            placeholder="i, m, s, u"
            onChange={(e) => onChange({ ...m, flags: e.target.value || undefined })}
          />
        </div>
      );
    case 'numeric':
      return (
        <div className="inline-fields">
          <label>
            Tolerance{' '}
            <NumberInput
              data-testid="metric-tolerance"
              className="short"
              value={m.tolerance ?? 0}
              min={0}
              step={0.001}
              onValue={(tolerance) => tolerance !== undefined && onChange({ ...m, tolerance })}
            />
          </label>
          <Checkbox checked={!!m.relative} onChecked={(relative) => onChange({ ...m, relative })}>
            Relative (a share of the expected value)
          </Checkbox>
        </div>
      );
    case 'json_field':
      return (
        <div className="form-grid">
          <ListField
            id="metric-fields"
            label="Fields"
            className="mono"
            placeholder="name, company, phone"
            value={m.fields}
            onValue={(fields) => onChange({ ...m, fields })}
          />
        </div>
      );
    case 'token_f1':
      return null;
    case 'choice':
      return (
        <div className="form-grid">
          <ListField
            id="metric-labels"
            label="Labels"
            placeholder="positive, negative, neutral"
            value={m.labels}
            onValue={(labels) => onChange({ ...m, labels })}
          />
          <span />
          <CaseSensitive checked={!!m.caseSensitive} onChange={(caseSensitive) => onChange({ ...m, caseSensitive })} />
        </div>
      );
    case 'llm_judge':
      return (
        <>
          <label className="stacked" htmlFor="metric-rubric">
            Rubric <span className="muted">(the judge is the reflection LM)</span>
          </label>
          <textarea
            id="metric-rubric"
            data-testid="metric-rubric"
            className="prose"
            rows={4}
            value={m.rubric}
            onChange={(e) => onChange({ ...m, rubric: e.target.value })}
          />
          <Checkbox
            data-testid="metric-judge-per-step"
            checked={!!m.perStep}
            onChecked={(perStep) => onChange(perStep ? { ...m, perStep } : { kind: m.kind, rubric: m.rubric })}
          >
            One feedback line per step <span className="muted">(the judge sees each step's input and output)</span>
          </Checkbox>
        </>
      );
    case 'custom':
      return (
        <>
          <label className="stacked" htmlFor="metric-code">
            Code
          </label>
          <textarea
            id="metric-code"
            data-testid="metric-code"
            className="code"
            rows={11}
            spellCheck={false}
            value={m.code}
            onChange={(e) => onChange({ ...m, code: e.target.value })}
          />
          <label className="inline-fields">
            <span className="muted">Time limit per call (ms)</span>
            <NumberInput
              className="short"
              value={m.timeoutMs}
              min={1}
              integer
              optional
              placeholder="5000"
              onValue={(timeoutMs) => onChange({ ...m, timeoutMs })}
            />
          </label>
        </>
      );
  }
}
