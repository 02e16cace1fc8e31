// Entry point: `npm run cli -- run …` (tsx) and the `gepa-studio` bin (bin/gepa-studio.js). Binds the CLI
// to this process: its streams, environment, signals and exit code.
import { runCli } from './cli.ts';
import type { StopSignal } from './runCommand.ts';

// a closed pipe on stdout (e.g. `| head`) must not crash a run that is still writing its checkpoints
process.stdout.on('error', () => {});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  onSignal(handler) {
    const on = (signal: StopSignal) => () => handler(signal);
    const onInt = on('SIGINT');
    const onTerm = on('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    return () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    };
  },
  exit: (c) => process.exit(c),
});
// let stdout drain (a pipe may be asynchronous), then end even if an idle HTTP keep-alive socket lingers
process.stdout.write('', () => process.exit(code));
