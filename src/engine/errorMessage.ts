// The text of anything thrown: an Error's message, else the thrown value as a string. It lives in the
// engine, the one folder every other folder may import (tools/eslint/importBoundaries.js), so the
// engine, lm, tasks, run, storage, worker, store, cli and ui share this one definition. Pure.

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
