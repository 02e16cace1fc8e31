// The text of anything thrown: an Error's message, else the thrown value as a string. It lives in the
// engine because that is the one folder every other may use code from (the store and the UI take it by
// name: tools/eslint/importBoundaries.js), so all folders share this one definition. Pure.

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
