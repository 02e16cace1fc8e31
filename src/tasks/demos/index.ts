// The demo tasks the studio offers under "load a demo task"; they pair with the offline demo model.
import type { DemoTask } from './demoTask.ts';
import { contactCardTask } from './contactCardTask.ts';
import { sentimentTask } from './sentimentTask.ts';
import { unitConversionTask } from './unitConversionTask.ts';

export type { DemoTask } from './demoTask.ts';
export { toJsonl } from './demoTask.ts';
export { sentimentTask, unitConversionTask, contactCardTask };

export const DEMO_TASKS: readonly DemoTask[] = [sentimentTask, unitConversionTask, contactCardTask];

export function demoTaskById(id: string): DemoTask | undefined {
  return DEMO_TASKS.find((t) => t.id === id);
}
