// Text that goes into the report's HTML source. Data never becomes markup: it travels as JSON inside a
// <script type="application/json">, where only "</script" (or "<!--") could end or bend the element, so
// every "<" is written as \u003c; JSON.parse gives the same string back. U+2028/2029 are escaped too,
// so the JSON stays valid JavaScript should anyone paste it into a script.
const UNSAFE = /[<\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** JSON that can sit between <script type="application/json"> and </script> and parse back to `value`. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (c) => ESCAPES[c] as string);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute (the document title). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}
