import { runChecksCommand } from './commands/checks-command.js';
import { runPolicyCommand } from './commands/policy-command.js';
import { runScanCommand } from './commands/scan-command.js';
import { oneLine, toCliError } from './errors.js';
import { MAIN_HELP } from './help.js';
import { EXIT, usageError, type CliIo, type ExitCode } from './io.js';
import { cliVersion } from './version.js';

const COMMANDS = ['scan', 'checks', 'policy'] as const;

async function dispatch(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      io.stderr.write(MAIN_HELP);
      return EXIT.usage;
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(MAIN_HELP);
      return EXIT.ok;
    case '--version':
    case '-V':
      io.stdout.write(`cloudsweep ${cliVersion()}\n`);
      return EXIT.ok;
    case 'scan':
      return runScanCommand(rest, io);
    case 'checks':
      return runChecksCommand(rest, io);
    case 'policy':
      return runPolicyCommand(rest, io);
    default:
      throw usageError(
        command.startsWith('-')
          ? `Unknown flag ${command}. Valid here: --help, --version, or a command (${COMMANDS.join(', ')})`
          : `Unknown command "${command}". Valid commands: ${COMMANDS.join(', ')}`,
      );
  }
}

/**
 * The whole CLI behind an explicit io, so tests can run it in-process. Never throws: every
 * failure becomes one line on stderr and an exit code (a stack trace only with CLOUDSWEEP_DEBUG).
 */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const failure = toCliError(error);
    io.stderr.write(`cloudsweep: ${oneLine(failure.message)}.\n`.replace(/\.\.\n$/, '.\n'));
    if (io.env['CLOUDSWEEP_DEBUG'] && failure.cause instanceof Error) io.stderr.write(`${failure.cause.stack ?? ''}\n`);
    return failure.exitCode;
  }
}
