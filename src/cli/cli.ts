// The CLI as a function of its arguments and surroundings (streams, environment, signals), returning the
// exit code: main.ts binds it to the process, tests call it directly. Every expected failure ends as
// one line on stderr that names the field, file or flag at fault.
import { GepaConfigError } from '../engine/index.ts';
import { RunConfigError } from '../run/runConfig.ts';
import { DatasetError } from '../tasks/types.ts';
import { HELP, UsageError, parseCommand } from './args.ts';
import { CliError, EXIT, runCommand } from './runCommand.ts';
import type { CliIo } from './runCommand.ts';
import { resendCommand } from './resendCommand.ts';

export type { CliIo } from './runCommand.ts';

function describe(err: unknown, configFile: string | undefined): { message: string; code: number } {
  if (err instanceof UsageError)
    return { message: `${err.message}\nRun "gepa-studio --help" for the options.`, code: EXIT.usage };
  if (err instanceof CliError) return { message: err.message, code: err.exitCode };
  if (err instanceof RunConfigError || err instanceof GepaConfigError) {
    // a flag's problem names the flag; a config field's gets the config file as context
    if (err.field.startsWith('--')) return { message: err.message, code: EXIT.usage };
    return {
      message: configFile
        ? `invalid run configuration in ${configFile}: ${err.message}`
        : `invalid run configuration: ${err.message}`,
      code: EXIT.usage,
    };
  }
  if (err instanceof DatasetError) return { message: `dataset: ${err.message}`, code: EXIT.usage };
  return { message: err instanceof Error ? (err.stack ?? err.message) : String(err), code: EXIT.failed };
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let configFile: string | undefined;
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (command.kind === 'resend') return await resendCommand(command.args, io);
    configFile = command.args.config ?? (command.args.resume ? `${command.args.resume}/config.json` : undefined);
    return await runCommand(command.args, io);
  } catch (err) {
    const { message, code } = describe(err, configFile);
    io.stderr.write(`gepa-studio: ${message}\n`);
    return code;
  }
}
