// An imported run is kept with the stored runs (its record and an event log that folds back into it),
// so the history lists it, it can be compared with another run, and a bookmarked comparison finds it
// after a reload. Its id comes from the file's content: importing the same file again keeps it once.
import type { ExportedRun } from '../run/exportFormat.ts';
import { exportEvents } from '../run/exportEvents.ts';
import { emptySummary, foldSummary, storedStatus } from '../run/recordSummary.ts';
import { runLibrary } from '../worker/runLibrary.ts';
import { importFile } from './actions.ts';
import { useRunStore } from './runStore.ts';
import { errorMessage } from '../engine/index.ts';

/** FNV-1a over the text, twice with different offsets: a stable 16-hex-digit name, not a security hash. */
export function contentId(text: string): string {
  const fnv = (offset: number) => {
    let h = offset;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return `import-${fnv(0x811c9dc5)}${fnv(0x2f2a7d1b)}`;
}

/**
 * Stores the imported run unless the same file already is; returns its id, or null for an export without
 * a config (an old file: it can be viewed, but a stored run needs its config).
 */
export async function keepImportedRun(run: ExportedRun, fileName: string, text: string): Promise<string | null> {
  if (!run.config) return null;
  const id = contentId(text);
  const lib = runLibrary();
  if (await lib.get(id)) return id;
  const events = exportEvents(run);
  const now = Date.now();
  await lib.keep(
    {
      id,
      name: run.config.name || fileName,
      config: run.config,
      status: storedStatus(run.status),
      statusMessage: run.statusMessage,
      createdAt: now,
      updatedAt: now,
      summary: events.reduce(foldSummary, emptySummary(run.budget.cap)),
      bytes: 0,
      importedFrom: fileName,
    },
    events,
  );
  return id;
}

/**
 * Opens an export file read-only (importFile) and keeps it with the stored runs. A run that opened but
 * could not be kept (a full disk) rejects saying so; the run stays shown.
 */
export async function importAndKeep(file: Blob & { name: string }): Promise<void> {
  await importFile(file);
  try {
    await keepImportedRun(useRunStore.getState(), file.name, await file.text());
  } catch (err) {
    throw new Error(`Opened, but not kept in the history: ${errorMessage(err)}`, { cause: err });
  }
}
