// The setup view as a page object: the steps a user takes to configure a run, by the view's test ids.
import type { Locator, Page } from 'playwright-core';
import { chooseMany, setControl } from './fields.ts';

export interface ModelSettings {
  provider: string;
  baseUrl?: string;
  model?: string;
  apiKey?: string;
}

export interface TrackingSettings {
  trackingUri: string;
  experimentName: string;
  runName?: string;
  /** one key=value a line */
  tags?: string;
  keyPrefix?: string;
  token?: string;
}

export class SetupPage {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-setup').click();
    await this.id('start-run').waitFor();
  }

  async loadDemo(taskId: string): Promise<void> {
    await this.id('demo-task-select').selectOption(taskId);
    await this.id('load-demo').click();
  }

  async setInstruction(step: number, text: string): Promise<void> {
    await this.id(`step-instruction-${step}`).fill(text);
  }

  async setTemplate(step: number, text: string): Promise<void> {
    await this.id(`step-template-${step}`).fill(text);
  }

  /** A real file from disk through the file input, as the picker would give it. */
  async uploadDataset(file: string): Promise<void> {
    await this.id('dataset-file-input').setInputFiles(file);
  }

  async mapFields(mapping: { inputs: string[]; answer: string; id?: string }): Promise<void> {
    await chooseMany(this.id('mapping-inputs'), mapping.inputs);
    await setControl(this.id('mapping-answer'), mapping.answer);
    if (mapping.id !== undefined) await setControl(this.id('mapping-id'), mapping.id);
  }

  async setModel(role: 'task' | 'reflection', settings: ModelSettings): Promise<void> {
    await setControl(this.id(`model-provider-${role}`), settings.provider);
    if (settings.baseUrl !== undefined) await setControl(this.id(`model-baseurl-${role}`), settings.baseUrl);
    if (settings.model !== undefined) await setControl(this.id(`model-name-${role}`), settings.model);
    if (settings.apiKey !== undefined) await this.id(`model-key-${role}`).fill(settings.apiKey);
  }

  /** The offline demo model's simulated latency, in ms per call (the slider steps by 10). */
  async setDemoLatency(ms: number): Promise<void> {
    await setControl(this.id('demo-latency'), String(ms));
  }

  async setBudget(mode: 'auto' | 'maxMetricCalls' | 'maxFullEvals', value: string | number): Promise<void> {
    await this.id('budget-mode').selectOption(mode);
    await setControl(this.id('budget-value'), String(value));
  }

  /** Unfolds "Experiment tracking" and sets MLflow up (on, where, and a token when given). */
  async setUpTracking(settings: TrackingSettings): Promise<void> {
    if (!(await this.id('tracking-enabled').isVisible())) await this.id('tracking-toggle').click();
    await this.id('tracking-enabled').check();
    await this.id('tracking-uri').fill(settings.trackingUri);
    await this.id('tracking-experiment').fill(settings.experimentName);
    if (settings.runName !== undefined) await this.id('tracking-run-name').fill(settings.runName);
    if (settings.tags !== undefined) await this.id('tracking-tags').fill(settings.tags);
    if (settings.keyPrefix !== undefined) await this.id('tracking-prefix').fill(settings.keyPrefix);
    if (settings.token !== undefined) {
      await this.id('tracking-auth').selectOption('token');
      await this.id('tracking-token').fill(settings.token);
    }
  }

  /** Clicks the tracking section's "Test connection" and returns what it says. */
  async testTracking(): Promise<string> {
    await this.id('tracking-test').click();
    const result = this.id('tracking-test-result');
    await result.waitFor({ timeout: 30_000 });
    return (await result.textContent()) ?? '';
  }

  /** Starts the run and waits until the run view shows it. */
  async start(): Promise<void> {
    await this.id('start-run').click();
    await this.page.getByTestId('run-status').waitFor();
  }
}
