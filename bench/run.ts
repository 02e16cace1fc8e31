// `npm run bench`: runs every benchmark, prints a summary with the machine it ran on, and writes
// bench/results/<name>.json. Figures are absolute times on this machine, plus ratios where an issue
// asks for them; compare runs on the same machine only.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { engineOverheadBench } from './engineOverhead.bench.ts';
import { lmThroughputBench } from './lmThroughput.bench.ts';
import { uiRenderBench } from './uiRender.bench.ts';
import { storageBench } from './storage.bench.ts';
import type { BenchReport } from './report.ts';

const benches: (() => Promise<BenchReport>)[] = [engineOverheadBench, lmThroughputBench, uiRenderBench, storageBench];

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
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
