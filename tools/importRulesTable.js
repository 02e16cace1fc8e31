// The import rules as the Markdown table ARCHITECTURE.md shows, generated from the lint rule's data
// (tools/eslint/importBoundaries.js), so the document cannot drift from what `npm run lint` enforces.
// `node tools/importRulesTable.js` prints it; importRulesTable.test.ts checks ARCHITECTURE.md holds it.
import { fileURLToPath } from 'node:url';
import { FOLDER_RULES, LIBRARY_HOMES } from './eslint/importBoundaries.js';

const code = (items) => (items && items.length ? items.map((i) => `\`${i}\``).join(', ') : '—');

function namesCell(names) {
  if (!names) return '—';
  return Object.entries(names)
    .map(([file, list]) => `from \`${file}\`: ${list.map((n) => `\`${n}\``).join(', ')}`)
    .join('; ');
}

export function importRulesTable() {
  const rules = Object.entries(FOLDER_RULES);
  const rows = rules.map(([folder, r]) => {
    const libraries = r.packages.filter((p) => LIBRARY_HOMES.includes(p) || p === 'node:*');
    const cells = [`\`src/${folder}/\``, code(r.imports), code(r.types), namesCell(r.names), code(libraries)];
    return `| ${cells.join(' | ')} |`;
  });
  const reasons = rules.filter(([, r]) => r.why).map(([folder, r]) => `- \`src/${folder}/\`: ${r.why}.`);
  return [
    '| folder | may use code from | may import types from (`import type`) | may take only these | libraries |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Why the exceptions:',
    '',
    ...reasons,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(importRulesTable());
