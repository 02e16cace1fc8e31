// Prettier wraps code at printWidth but leaves long strings and comments alone; this check holds every
// source line to the same width, so no line in the repository is wider than the formatter's limit.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const WIDTH = JSON.parse(readFileSync(new URL('../.prettierrc.json', import.meta.url), 'utf8')).printWidth;
const files = execFileSync(
  'git',
  ['ls-files', '-co', '--exclude-standard', '*.ts', '*.tsx', '*.js', '*.mjs', '*.css', '*.html'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter(Boolean);
const over = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed by git but deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    if ([...line].length > WIDTH) over.push(`${file}:${i + 1}: ${[...line].length} characters`);
  });
}
if (over.length) {
  console.error(`${over.length} source lines are wider than ${WIDTH} characters (.prettierrc.json printWidth):`);
  console.error(over.join('\n'));
  process.exit(1);
}
console.log(`line width: every source line fits in ${WIDTH} characters`);
