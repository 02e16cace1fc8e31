// The HTML report's public face: the studio's "Export report", the CLI's report.html and the trackers'
// candidate-tree artifact all come from here, from an exported run (foldRunEvents into emptyExportedRun
// turns a stream of run events into one).
export { buildCandidateTreeHtml, buildReportHtml } from './reportHtml.ts';
export type { ReportOptions } from './reportHtml.ts';
export { candidateTreeHtml } from './candidateTreeHtml.ts';
export type { CandidateRowsTree } from './candidateTreeHtml.ts';
export { ALL_SECTIONS, DEFAULT_LIMITS } from './reportData.ts';
export type { ReportLimits, ReportSection } from './reportData.ts';
