// ARCHITECTURE.md shows the import rules the lint rule enforces: regenerate its table with
// `node tools/importRulesTable.js` when the rule's data changes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importRulesTable } from './importRulesTable.js';

describe('ARCHITECTURE.md', () => {
  it("holds the import rules table generated from the lint rule's data", () => {
    const doc = readFileSync(new URL('../ARCHITECTURE.md', import.meta.url), 'utf8');
    const shown = /<!-- import-rules:start -->\n([\s\S]*?)\n<!-- import-rules:end -->/.exec(doc)?.[1];
    expect(shown).toBe(importRulesTable());
  });
});
