// The task LM and the reflection LM, the demo model's simulated latency when it is in use, and the
// opt-in to remember API keys on this device.
import { useSetupStore } from '../../store/setupStore.ts';
import { Section } from './Section.tsx';
import { Checkbox } from './Checkbox.tsx';
import { ModelForm } from './ModelForm.tsx';
import { NumberInput } from './NumberInput.tsx';

const MAX_DEMO_LATENCY_MS = 2000;

export function ModelsPanel() {
  const usesDemo = useSetupStore((s) => s.taskLm.provider === 'demo' || s.reflectionLm.provider === 'demo');
  const usesEndpoint = useSetupStore((s) => s.taskLm.provider !== 'demo' || s.reflectionLm.provider !== 'demo');
  const latency = useSetupStore((s) => s.demoLatencyMs);
  const setLatency = useSetupStore((s) => s.setDemoLatency);
  const remember = useSetupStore((s) => s.rememberKeys);
  const setRemember = useSetupStore((s) => s.setRememberKeys);
  return (
    <Section
      title="Models"
      help={
        'Any OpenAI-compatible endpoint, called from this browser. ' +
        "API keys stay in this tab's memory and never go into exports."
      }
    >
      <ModelForm role="task" />
      <ModelForm role="reflection" />
      {usesDemo && (
        <div className="latency">
          <label htmlFor="demo-latency">Demo model latency</label>
          <input
            id="demo-latency"
            data-testid="demo-latency"
            type="range"
            min={0}
            max={MAX_DEMO_LATENCY_MS}
            step={10}
            value={latency}
            onChange={(e) => setLatency(Number(e.target.value))}
          />
          <NumberInput
            className="short"
            aria-label="demo model latency in ms"
            value={latency}
            min={0}
            max={MAX_DEMO_LATENCY_MS}
            integer
            onValue={(v) => v !== undefined && setLatency(v)}
          />
          <span className="muted" title="simulated, so a demo run is slow enough to watch">
            ms per call
          </span>
        </div>
      )}
      {usesEndpoint && (
        <div className="remember">
          <Checkbox data-testid="remember-keys" checked={remember} onChecked={setRemember}>
            Remember API keys on this device
          </Checkbox>
          <p className="setup-hint warn-text">
            Stored unencrypted in this browser&apos;s local storage: anyone using this browser profile can read them.
          </p>
        </div>
      )}
    </Section>
  );
}
