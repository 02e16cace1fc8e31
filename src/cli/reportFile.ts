// The CLI's HTML report: the run's self-contained report (src/report/), written next to the result at the
// end of a run, also after a stop (by default RUN_DIR/report.html, or where --report says). A report that
// cannot be written is a warning: the result file, already written, is what the run is for.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../engine/index.ts';
import type { ExportedRun } from '../run/exportFormat.ts';
import { buildReportHtml } from '../report/index.ts';
import { RUN_FILES, writeFileAtomic } from './runDir.ts';

/** Where the report goes: the --report file (relative to the working directory), else the run directory. */
export function reportPath(cwd: string, runDir: string, report: string | undefined): string {
  return report ? path.resolve(cwd, report) : path.join(runDir, RUN_FILES.report);
}

/** Writes the report; returns null, or why it could not be written. */
export function writeReport(run: ExportedRun, file: string): string | null {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, buildReportHtml(run));
    return null;
  } catch (err) {
    return `could not write the HTML report to ${file}: ${errorMessage(err)}`;
  }
}
