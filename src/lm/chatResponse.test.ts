import { describe, expect, it } from 'vitest';
import { estimateTokens, parseChatBody } from './chatResponse.ts';
import { LmError } from './types.ts';

const fail = (message: string) => new LmError(message, 'http://x', 'bad_response');
const parse = (raw: string, type = 'application/json') => parseChatBody(raw, type, 'prompt text!', fail);
const body = (over: object) =>
  JSON.stringify({
    model: 'm',
    choices: [{ message: { role: 'assistant', content: 'hi' } }],
    usage: { prompt_tokens: 5, completion_tokens: 1 },
    ...over,
  });

describe('parseChatBody', () => {
  it("takes the first choice's text, the reported usage and model", () => {
    expect(parse(body({}))).toEqual({ text: 'hi', usage: { promptTokens: 5, completionTokens: 1 }, model: 'm' });
  });

  it('estimates usage at ~4 characters a token when the server omits it', () => {
    expect(parse(body({ usage: undefined })).usage).toEqual({ promptTokens: 3, completionTokens: 1 });
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('12345')).toBe(2);
  });

  it('a refusal is the answer', () => {
    expect(parse(body({ choices: [{ message: { content: null, refusal: 'I cannot.' } }] })).text).toBe('I cannot.');
  });

  it.each([
    ['{"choices": [{"mess', 'application/json', 'truncated or invalid JSON'],
    ['<html>oops</html>', 'text/html', 'not JSON (text/html)'],
    [JSON.stringify({ choices: [] }), 'application/json', 'no choices'],
    [JSON.stringify({ error: 'x' }), 'application/json', 'no choices'],
    [JSON.stringify({ choices: [{ message: { content: null } }] }), 'application/json', 'no text content'],
  ])('%s is a bad response', (raw, type, why) => {
    expect(() => parse(raw, type)).toThrow(why);
  });
});
