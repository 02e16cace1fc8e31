// What the demo model "knows" about a task: its steps, and the hidden rules that decide whether an
// answer is right. A rule counts as stated when the instruction matches one of its cues (several
// regexes, so paraphrases count too); every phrasing the reflection role writes must match a cue.
// Misleading rules sound plausible but make answers worse when an instruction states them.

/** One example as the reflection role reads it out of the reflection prompt. */
export interface FeedbackRecord {
  /** the step's user message (or the example's input fields) */
  inputs: string;
  /** what the step produced */
  output: string;
  /** the program's final output when it differs from the step's */
  finalOutput: string;
  feedback: string;
  /** whether the feedback says the example was not (fully) right */
  failed: boolean;
}

export interface DemoRule {
  id: string;
  /** the program step whose instruction must state it */
  step: string;
  /** stating it makes answers worse (the reflection role sometimes proposes it by mistake) */
  misleading?: boolean;
  /** matched against the lower-cased instruction */
  cues: readonly RegExp[];
  /** how the reflection role words the rule; each matches one of the cues */
  phrasings: readonly string[];
  /** what the reflection role says it noticed */
  lesson: string;
  /** does this example show the mistake the rule prevents (or, when misleading, the one it causes)? */
  symptom(rec: FeedbackRecord): boolean;
}

export interface DemoStep {
  name: string;
  /** matches the instructions written for this step (the seed and most rewrites keep these words) */
  hint: RegExp;
  /** recognises the step's user message by its content */
  recognizes(text: string): boolean;
  /** the model's answer as this step; `has(ruleId)` says whether the instruction states a rule */
  answer(user: string, has: (ruleId: string) => boolean, h: number): string;
}

export interface DemoSkill {
  id: string;
  steps: readonly DemoStep[];
  rules: readonly DemoRule[];
}

export function isStated(rule: DemoRule, instruction: string): boolean {
  const text = instruction.toLowerCase();
  return rule.cues.some((re) => re.test(text));
}

/** The ids of the rules of one step that an instruction states. */
export function statedRuleIds(skill: DemoSkill, step: string, instruction: string): Set<string> {
  return new Set(skill.rules.filter((r) => r.step === step && isStated(r, instruction)).map((r) => r.id));
}
