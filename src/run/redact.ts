// Secret redaction for every text a run reports: an API key that an endpoint echoes in an error message
// becomes *** before it reaches an event, a log, the terminal or a file. Keys shorter than 4 characters
// are left alone: replacing them would mangle ordinary words and they are not real keys anyway.
import type { RunSecrets } from './buildRun.ts';

export function redactor(secrets: RunSecrets): (text: string) => string {
  const values = Object.values(secrets).filter((s): s is string => typeof s === 'string' && s.length >= 4);
  return (text) => values.reduce((t, s) => t.split(s).join('***'), text);
}
