// The setup view as a page object: the steps a user takes to configure a run, by the view's test ids.
import type { Locator, Page } from 'playwright-core';
import { chooseMany, setControl } from './fields.ts';

export interface ModelSettings {
  provider: string;
  baseUrl?: string;
  model?: string;
  apiKey?: string;
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

  /** Starts the run and waits until the run view shows it. */
  async start(): Promise<void> {
    await this.id('start-run').click();
    await this.page.getByTestId('run-status').waitFor();
  }
}
