// `npm run bench`: runs every benchmark, prints a summary with the machine it ran on, and writes
// bench/results/<name>.json. Figures are absolute times on this machine, plus ratios where an issue
// asks for them; compare runs on the same machine only.
// `npm run bench -- engine lm` runs only the benchmarks whose key contains one of the words given.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { engineOverheadBench } from './engineOverhead.bench.ts';
import { lmThroughputBench } from './lmThroughput.bench.ts';
import { uiRenderBench } from './uiRender.bench.ts';
import { storageBench } from './storage.bench.ts';
import { qualityBench } from './quality.bench.ts';
import { trackingBench } from './tracking.bench.ts';
import type { BenchReport } from './report.ts';

const allBenches: Record<string, () => Promise<BenchReport>> = {
  engine: engineOverheadBench,
  lm: lmThroughputBench,
  ui: uiRenderBench,
  storage: storageBench,
  quality: qualityBench,
  tracking: trackingBench,
};
const filters = process.argv.slice(2).map((a) => a.toLowerCase());
const benches = Object.entries(allBenches)
  .filter(([key]) => filters.length === 0 || filters.some((f) => key.includes(f)))
  .map(([, bench]) => bench);
if (benches.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}; choose from ${Object.keys(allBenches).join(', ')}`);
  process.exit(2);
}

const cpus = os.cpus();
const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
const machine = `${cpus[0]?.model ?? 'unknown CPU'} ×${cpus.length}, ${memory}, Node ${process.version}`;
console.log(`machine: ${machine}`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
let failed = 0;
for (const bench of benches) {
  const report = await bench();
  console.log(`\n[${report.pass ? 'meets target' : 'MISSES TARGET'}] ${report.name}: ${report.summary}`);
  console.log(JSON.stringify(report.details, null, 2));
  writeFileSync(
    new URL(`./results/${report.name.replace(/\W+/g, '-')}.json`, import.meta.url),
    JSON.stringify({ machine, ...report }, null, 2),
  );
  if (!report.pass) failed++;
}
console.log(`\n${benches.length - failed} of ${benches.length} benchmarks meet their targets`);
