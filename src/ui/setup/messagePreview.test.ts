import { describe, expect, it } from 'vitest';
import { previewMessages, stepOutputMarker } from './messagePreview.ts';

describe('message preview', () => {
  it('renders each step as a system and a user message, with markers for earlier outputs', () => {
    const program = {
      steps: [
        { name: 'extract', instruction: 'Pull out the name.', template: 'Message: {{message}}' },
        { name: 'format', instruction: 'Format it.', template: 'Fields: {{steps.extract}} (from {{id}})' },
      ],
    };
    const steps = previewMessages(program, { id: 'c-1', message: 'Hi, <img src=x onerror=alert(1)>' });
    expect(steps.map((s) => s.step)).toEqual(['extract', 'format']);
    expect(steps[0]?.messages).toEqual([
      { role: 'system', content: 'Pull out the name.' },
      { role: 'user', content: 'Message: Hi, <img src=x onerror=alert(1)>' },
    ]);
    expect(steps[1]?.messages[1]?.content).toBe(`Fields: ${stepOutputMarker('extract')} (from c-1)`);
  });

  it('leaves a reference to a later step empty, as the runner would', () => {
    const steps = previewMessages({ steps: [{ name: 'a', instruction: '', template: '{{steps.b}}!' }] }, { id: 'x' });
    expect(steps[0]?.messages[1]?.content).toBe('!');
  });
});
