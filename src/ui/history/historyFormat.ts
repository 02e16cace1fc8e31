// How the history page reads: sizes, dates, and why an action is not available for a run (a disabled
// button always says why). Pure, so the table is a layout of these answers.
import type { HistoryRow } from '../../store/storedRun.ts';

/** 0 B, 980 B, 12.3 kB, 4.56 MB, 1.20 GB (powers of 1000, as browsers report storage). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let n = bytes / 1000;
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u++;
  }
  return `${n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0)} ${units[u]}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14:05" today, "Nov 24, 14:05" this year, "Nov 24 2025, 14:05" before; local time. */
export function formatWhen(ms: number, now: number): string {
  const d = new Date(ms);
  const today = new Date(now);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (d.toDateString() === today.toDateString()) return `today ${time}`;
  const day = `${MONTHS[d.getMonth()]} ${d.getDate()}`;
  return d.getFullYear() === today.getFullYear() ? `${day}, ${time}` : `${day} ${d.getFullYear()}, ${time}`;
}

/** Who drives the run, in a few words (shown beside the status). */
export function driverNote(row: HistoryRow): string | null {
  if (row.driver === 'this-tab') return 'in this tab';
  if (row.driver === 'other-tab') return 'in another tab';
  if (row.record.importedFrom) return 'imported';
  return null;
}

/** Why this run cannot be resumed from here, or null when it can. */
export function resumeBlocker(row: HistoryRow, liveRunHere: boolean): string | null {
  if (row.driver === 'other-tab')
    return 'Another tab drives this run: only that tab can pause, resume or stop it (open it here to watch it live).';
  if (row.driver === 'this-tab') return 'This run is in progress in this tab: use the controls in its run view.';
  if (row.status !== 'interrupted')
    return (
      `This run ${row.status === 'error' ? 'ended with an error' : `is ${row.status}`}: ` +
      'nothing to resume (duplicate it to run again).'
    );
  if (liveRunHere) return 'A run is in progress in this tab: stop it (or wait for it to end) before resuming another.';
  return null;
}

/** Why this run cannot be deleted now, or null when it can. */
export function deleteBlocker(row: HistoryRow): string | null {
  if (row.driver === 'this-tab') return 'This run is in progress in this tab: stop it first.';
  if (row.driver === 'other-tab') return 'Another tab drives this run: stop it there first.';
  return null;
}
