// The HTML report: one self-contained file (styles and script inline, no fonts, images or requests) that
// shows a run offline in any browser: the lineage tree, the score chart, the best and seed texts, the
// proposals with their diffs, the per-example matrix, the config and the usage. Generating it needs no DOM
// (the studio, the CLI and the trackers all call it), and it works from an exported run, so live, stored,
// imported and headless runs give the same report.
// Invariants: run data is only ever JSON in a <script type="application/json"> ("<" escaped) that the page
// reads with textContent and draws with textContent, so no prompt or LM output can become markup or
// script; a Content-Security-Policy allows only the page's own script and style (by a fresh nonce) and no
// network at all, as a second guard.
import type { ExportedRun } from '../run/exportFormat.ts';
import { buildReportData } from './reportData.ts';
import type { ReportLimits, ReportSection } from './reportData.ts';
import { embedJson, escapeHtml } from './embedJson.ts';
import { REPORT_STYLES } from './reportStyles.ts';
import { PAGE_SCRIPT } from './page/pageScript.ts';

export interface ReportOptions {
  /** which sections, in order (default: all) */
  sections?: readonly ReportSection[];
  limits?: ReportLimits;
  /** the page's title (default: the run config's name) */
  title?: string | undefined;
  /** the generation time shown in the report (default: now) */
  now?: Date;
  /** the CSP nonce (default: random); fixed only in tests */
  nonce?: string;
}

function randomNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The whole report as an HTML document. */
export function buildReportHtml(run: ExportedRun, options: ReportOptions = {}): string {
  const data = buildReportData(run, options);
  const nonce = options.nonce ?? randomNonce();
  const csp =
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:; ` +
    "base-uri 'none'; form-action 'none'";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="GEPA Studio">
<title>${escapeHtml(data.title)} — GEPA Studio report</title>
<style nonce="${nonce}">${REPORT_STYLES}</style>
</head>
<body>
<noscript>This report draws its views with JavaScript; its data is the JSON in the element "report-data".</noscript>
<div id="app"></div>
<script type="application/json" id="report-data">${embedJson(data)}</script>
<script nonce="${nonce}">${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * The candidate tree alone (the seed's "candidate tree" HTML artifact that trackers log after each accepted
 * candidate): the header and the interactive lineage, with each candidate's texts and scores.
 */
export function buildCandidateTreeHtml(run: ExportedRun, options: Omit<ReportOptions, 'sections'> = {}): string {
  return buildReportHtml(run, { ...options, sections: ['tree'] });
}
