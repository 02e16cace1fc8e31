// A plain, self-contained HTML page of the candidate lineage: one nested list item per candidate under its
// first parent (a merge also names its second parent), with its valset score, origin and the text of every
// component. No script, no external resource; every prompt is escaped, so it renders as text. The HTML
// report (src/report/) can replace it through the tracker's injected renderer.
import type { CandidateRow } from '../engine/index.ts';
import type { CandidateTree } from './candidateTree.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#1f2328}
ul{list-style:none;padding-left:1.4rem;border-left:1px solid #d0d7de}body>ul{border:0;padding:0}
li{margin:.4rem 0}.c{border:1px solid #d0d7de;border-radius:6px;padding:.3rem .6rem;display:inline-block}
.best{border-color:#1a7f37;background:#dafbe1}.m{color:#656d76;font-size:12px}
pre{white-space:pre-wrap;max-width:80ch;margin:.2rem 0;font-size:12px;background:#f6f8fa;padding:.3rem}`;

function node(c: CandidateRow, bestIdx: number, children: Map<number, CandidateRow[]>): string {
  const merged = c.parentIds.length > 1 ? ` · merge of ${c.parentIds.map((p) => `#${p}`).join(' and ')}` : '';
  const texts = Object.entries(c.texts)
    .map(([name, text]) => `<details><summary>${escapeHtml(name)}</summary><pre>${escapeHtml(text)}</pre></details>`)
    .join('');
  const kids = children.get(c.candidateIdx) ?? [];
  return (
    `<li><div class="c${c.candidateIdx === bestIdx ? ' best' : ''}" id="c${c.candidateIdx}">` +
    `<b>#${c.candidateIdx}</b> ${c.valsetScore.toFixed(3)}${c.candidateIdx === bestIdx ? ' (best)' : ''} ` +
    `<span class="m">${escapeHtml(c.origin)} · iteration ${c.iteration}${merged}</span>${texts}</div>` +
    (kids.length ? `<ul>${kids.map((k) => node(k, bestIdx, children)).join('')}</ul>` : '') +
    '</li>'
  );
}

export function candidateTreeHtml(tree: CandidateTree): string {
  const children = new Map<number, CandidateRow[]>();
  const roots: CandidateRow[] = [];
  for (const c of tree.candidates) {
    const parent = c.parentIds[0];
    if (parent === undefined) roots.push(c);
    else children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>GEPA candidate tree</title>' +
    `<style>${STYLE}</style></head><body><h1>Candidate tree</h1>` +
    `<p class="m">${tree.candidates.length} candidates; best #${tree.bestIdx}</p>` +
    `<ul>${roots.map((r) => node(r, tree.bestIdx, children)).join('')}</ul></body></html>`
  );
}
