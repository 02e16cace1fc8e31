// The offline demo model's public surface.
export { DemoLanguageModel, DEMO_MODEL_LABEL, DEMO_MODEL_NAME, DEMO_MODEL_VERSION } from './demoLanguageModel.ts';
export type { DemoLanguageModelOptions } from './demoLanguageModel.ts';
export { demoRoleOf } from './respond.ts';
export type { DemoRole } from './respond.ts';
export { DEMO_SKILLS } from './skills/index.ts';
export type { DemoRule, DemoSkill, DemoStep } from './rules.ts';
export { isStated } from './rules.ts';
