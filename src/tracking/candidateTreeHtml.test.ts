import { describe, expect, it } from 'vitest';
import type { CandidateRow } from '../engine/index.ts';
import { candidateTreeHtml, escapeHtml } from './candidateTreeHtml.ts';

const row = (idx: number, parentIds: number[], text: string): CandidateRow => ({
  iteration: idx,
  candidateIdx: idx,
  parentIds,
  valsetScore: idx / 10,
  isBest: false,
  origin: idx === 0 ? 'seed' : parentIds.length > 1 ? 'merge' : 'reflective',
  texts: { system: text },
  metricCallsAtDiscovery: 0,
});

describe('candidateTreeHtml', () => {
  it('escapes every text, so a prompt renders as text', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    const html = candidateTreeHtml({ candidates: [row(0, [], '<img src=x onerror=alert(1)>')], bestIdx: 0 });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|https?:/);
  });

  it('nests children under their first parent, names a merge’s parents and marks the best', () => {
    const html = candidateTreeHtml({
      candidates: [row(0, [], 'a'), row(1, [0], 'b'), row(2, [0], 'c'), row(3, [1, 2], 'd')],
      bestIdx: 3,
    });
    expect(html).toContain('4 candidates; best #3');
    expect(html.indexOf('id="c1"')).toBeLessThan(html.indexOf('id="c3"'));
    expect(html).toMatch(/id="c1">.*<ul><li><div class="c best" id="c3">/);
    expect(html).toContain('merge of #1 and #2');
  });
});
