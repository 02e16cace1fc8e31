// One LM role's endpoint: provider preset, base URL, model (with the preset's example models), API key
// (memory only unless remembered), temperature, and a connection test. The demo model needs none of it.
import { useSetupStore } from '../../store/setupStore.ts';
import type { LmRole } from '../../store/setupStore.ts';
import { NumberInput } from './NumberInput.tsx';
import { ConnectionTest } from './ConnectionTest.tsx';
import { PROVIDER_CHOICES, modelForProvider, modelProblem, presetOf } from './modelChoice.ts';
import type { ProviderChoice } from './modelChoice.ts';

const ROLE_TEXT: Record<LmRole, { title: string; help: string; demo: string }> = {
  task: {
    title: 'Task LM',
    help: 'runs your program on the examples',
    demo: "Follows a demo task's hidden rules only when the instruction states them.",
  },
  reflection: {
    title: 'Reflection LM',
    help: 'reads outputs and feedback, proposes new instructions',
    demo: 'Reads the feedback and proposes revisions, imperfectly, as a real model would.',
  },
};

export function ModelForm({ role }: { role: LmRole }) {
  const model = useSetupStore((s) => (role === 'task' ? s.taskLm : s.reflectionLm));
  const apiKey = useSetupStore((s) => s.keys[role]);
  const setModel = useSetupStore((s) => s.setModel);
  const setKey = useSetupStore((s) => s.setKey);
  const preset = presetOf(model.provider);
  const id = (field: string) => `model-${field}-${role}`;
  const problem = modelProblem(role, model, apiKey);
  // setModel merges, so the previous preset's headers are cleared explicitly
  const pickProvider = (provider: ProviderChoice) =>
    setModel(role, { headers: undefined, ...modelForProvider(provider, model) });

  return (
    <fieldset className="model-form">
      <legend>
        {ROLE_TEXT[role].title} <span className="muted">— {ROLE_TEXT[role].help}</span>
      </legend>
      <div className="form-grid">
        <label htmlFor={id('provider')}>Provider</label>
        <select
          id={id('provider')}
          data-testid={`model-provider-${role}`}
          value={model.provider}
          onChange={(e) => pickProvider(e.target.value as ProviderChoice)}
        >
          {PROVIDER_CHOICES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        {preset ? (
          <>
            <label htmlFor={id('baseurl')}>Base URL</label>
            <input
              id={id('baseurl')}
              data-testid={`model-baseurl-${role}`}
              className="mono"
              spellCheck={false}
              value={model.baseUrl}
              onChange={(e) => setModel(role, { baseUrl: e.target.value.trim() })}
            />
            <label htmlFor={id('name')}>Model</label>
            <input
              id={id('name')}
              data-testid={`model-name-${role}`}
              className="mono"
              spellCheck={false}
              list={id('models')}
              value={model.model}
              placeholder="model name"
              onChange={(e) => setModel(role, { model: e.target.value.trim() })}
            />
            <datalist id={id('models')}>
              {preset.exampleModels.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
            <label htmlFor={id('key')}>API key</label>
            <input
              id={id('key')}
              data-testid={`model-key-${role}`}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={apiKey}
              placeholder={preset.needsKey ? 'required' : 'not needed for a local server'}
              onChange={(e) => setKey(role, e.target.value.trim())}
            />
            <label htmlFor={id('temperature')}>Temperature</label>
            <NumberInput
              id={id('temperature')}
              data-testid={`model-temperature-${role}`}
              className="short"
              value={model.temperature}
              min={0}
              max={2}
              step={0.1}
              optional
              placeholder="default"
              onValue={(temperature) => setModel(role, { temperature })}
            />
          </>
        ) : (
          <p className="demo-note">
            <span className="badge warn">simulated</span> No key, no network. {ROLE_TEXT[role].demo}
          </p>
        )}
      </div>
      <ConnectionTest role={role} disabledReason={problem} />
    </fieldset>
  );
}
