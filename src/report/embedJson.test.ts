import { describe, expect, it } from 'vitest';
import { embedJson, escapeHtml } from './embedJson.ts';

describe('embedJson', () => {
  it('leaves no "<" and parses back to the same value', () => {
    const value = { text: '</script><!-- <img src=x onerror=alert(1)> \u2028\u2029 &amp;' };
    const json = embedJson(value);
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
