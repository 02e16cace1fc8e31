// Where the test server's answers come from. By default the offline demo model answers (so a run against
// the server behaves like the studio's embedded demo, only over HTTP); a deterministic echo is there for
// tests that want to predict the text exactly.
import { DemoLanguageModel } from '../../src/lm/demo/index.ts';
import type { ChatMessage } from '../../src/lm/types.ts';

export type Responder = (messages: ChatMessage[], model: string) => Promise<string> | string;

/** Answers with the last user message, prefixed so a test can tell it came from the server. */
export const echoResponder: Responder = (messages) => {
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  return `echo: ${lastUser?.content ?? ''}`;
};

const demo = new DemoLanguageModel();

/** The demo model's answer; max_tokens is applied by the server, like any endpoint would. */
export const demoResponder: Responder = async (messages) => (await demo.complete({ messages })).text;

export const defaultResponder: Responder = demoResponder;
