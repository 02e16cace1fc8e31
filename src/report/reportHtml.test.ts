import { describe, expect, it } from 'vitest';
import { buildCandidateTreeHtml, buildReportHtml } from './reportHtml.ts';
import { candidateTreeHtml } from './candidateTreeHtml.ts';
import { ALL_SECTIONS } from './reportData.ts';
import type { ReportData } from './reportData.ts';
import { PAYLOAD, smallRun } from './__fixtures__/smallRun.ts';
import { PAGE_SCRIPT } from './page/pageScript.ts';
import { emptyExportedRun } from '../run/exportFormat.ts';
import { foldRunEvents } from '../run/foldRunEvents.ts';
import { syntheticBatches, syntheticRunConfig } from '../../bench/ui/syntheticRun.ts';

const DATA_OPEN = '<script type="application/json" id="report-data">';

/** The JSON the page reads, as its script reads it (the element's text). */
function embedded(html: string): { data: ReportData; rest: string } {
  const start = html.indexOf(DATA_OPEN) + DATA_OPEN.length;
  const end = html.indexOf('</script>', start);
  return { data: JSON.parse(html.slice(start, end)) as ReportData, rest: html.slice(0, start) + html.slice(end) };
}

describe('buildReportHtml', () => {
  const html = buildReportHtml(smallRun(), { now: new Date('2026-01-02T03:04:05Z'), nonce: 'n0nce' });

  it('keeps every payload inside the JSON: no element, no early end of a script', () => {
    expect(html).not.toMatch(/<img/i);
    // the data's end tag and the page script's: nothing in the data closes an element
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    const { data } = embedded(html);
    expect(data.candidates[1]?.texts.answer).toContain(PAYLOAD);
    expect(data.proposals[0]?.prompt).toContain(PAYLOAD);
  });

  it('escapes the run name in the title', () => {
    expect(html).toContain('<title>Payload run &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; — GEPA Studio report');
  });

  it('loads nothing: no external script, style, font or image, and a CSP that forbids any request', () => {
    const { rest } = embedded(html);
    expect(rest).not.toMatch(/<[a-z]+\s[^>]*\bsrc=|<link|@import|url\(/i);
    // the only URL outside the data is the SVG namespace, which names, not fetches
    expect(rest.match(/https?:\/\/[^\s'"]+/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toContain(`content="default-src 'none'; script-src 'nonce-n0nce'; style-src 'nonce-n0nce';`);
    expect(html).toContain('<script nonce="n0nce">');
  });

  it('holds every section, with the accepted, rejected and skipped proposals and their diffs', () => {
    const { data } = embedded(html);
    expect(data.sections).toEqual([...ALL_SECTIONS]);
    expect(data.proposals.map((p) => p.status)).toEqual(['accepted', 'rejected', 'skipped']);
    expect(data.proposals[1]?.diff).toEqual([
      [0, 'Answer'],
      [1, ' loudly'],
      [0, '.'],
    ]);
    expect(data.candidates).toHaveLength(3);
    expect(data.tree.positions).toHaveLength(3);
    expect(data.run.bestIdx).toBe(2);
    expect(data.scores).toHaveLength(2);
    expect(data.front).toEqual([
      [1, 2],
      [0, 2],
    ]);
    expect(data.examples.map((e) => e.id)).toEqual(['v0', 'v1']);
    expect(data.bestDiff.answer?.length).toBeGreaterThan(0);
    expect(data.generatedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('shows the config without keys, auth headers or the dataset rows', () => {
    const { data } = embedded(html);
    expect(html).not.toContain('sk-secret-header');
    expect(data.config?.taskLm).toMatchObject({ apiKeyEnv: 'OPENAI_API_KEY', headers: { 'X-Trace': 'on' } });
    expect(data.config?.dataset).toMatchObject({ fileName: 'qa.jsonl', inlineRows: 2 });
    expect(data.config?.dataset).not.toHaveProperty('rows');
  });

  it('makes a tree-only page for trackers, without the proposals and outputs', () => {
    const tree = buildCandidateTreeHtml(smallRun());
    const { data } = embedded(tree);
    expect(data.sections).toEqual(['tree']);
    expect(data.proposals).toEqual([]);
    expect(data.candidates.map((c) => c.outputs)).toEqual([[], [], []]);
    expect(data.candidates[2]?.texts.answer).toBe('Answer briefly and exactly.');
    expect(tree.length).toBeLessThan(html.length);
  });

  it('shortens LM texts past the limit, saying so', () => {
    const run = smallRun();
    run.proposals[0]!.prompt = 'x'.repeat(50);
    const { data } = embedded(buildReportHtml(run, { limits: { lmText: 10, exampleText: 2000 } }));
    expect(data.proposals[0]?.prompt).toMatch(/^x{10}\n… \[40 more characters/);
    expect(data.cut).toBeGreaterThan(0);
  });

  it('reports a run before its first candidate', () => {
    const { data } = embedded(buildReportHtml(emptyExportedRun(null, null)));
    expect(data.candidates).toEqual([]);
    expect(data.config).toBeNull();
    expect(data.title).toBe('GEPA run');
  });

  it('holds a 1,000-candidate run of 5,000 proposals whole', () => {
    const size = { candidates: 1000, proposals: 5000, proposalsPerBatch: 100 };
    const run = emptyExportedRun('big', syntheticRunConfig(size));
    Object.assign(run, foldRunEvents(run, syntheticBatches(size).flat()));
    const big = buildReportHtml(run);
    const { data } = embedded(big);
    expect(data.candidates).toHaveLength(1000);
    expect(data.proposals).toHaveLength(5000);
    expect(new Set(data.tree.positions.map((p) => p.join())).size).toBe(1000);
    // ~15 MB, nearly all of it reflection prompts: it must stay well within what a browser opens quickly
    expect(big.length).toBeLessThan(20_000_000);
  });
});

describe('the page script', () => {
  it('compiles, and never parses text as HTML', () => {
    expect(() => new Function(PAGE_SCRIPT)).not.toThrow();
    expect(PAGE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(PAGE_SCRIPT).not.toMatch(/<\/script/i);
  });
});

describe('candidateTreeHtml', () => {
  it('draws the tree from tracking rows alone, the given best flagged', () => {
    const rows = smallRun().candidates.map((c) => c.row);
    const { data } = embedded(candidateTreeHtml({ candidates: rows, bestIdx: 1, title: 'live tree' }));
    expect(data.sections).toEqual(['tree']);
    expect(data.title).toBe('live tree');
    expect(data.run.bestIdx).toBe(1);
    expect(data.candidates.map((c) => c.parents)).toEqual([[], [0], [0, 1]]);
    expect(data.candidates[1]?.texts.answer).toContain(PAYLOAD);
  });
});
