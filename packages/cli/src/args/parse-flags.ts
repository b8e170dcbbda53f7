import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../io.js';

/** node 20's typings name the options map only through ParseArgsConfig. */
export type FlagOptions = NonNullable<ParseArgsConfig['options']>;

export type FlagValues = Record<string, string | boolean | undefined>;

function listFlags(options: FlagOptions): string {
  return Object.entries(options)
    .map(([name, option]) => (option.type === 'string' ? `--${name} <value>` : `--${name}`))
    .join(', ');
}

/** node:util errors quote the offending flag; the rest of their text is not for end users. */
function offendingFlag(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? message.split('\n')[0] ?? '';
  return quoted.split(' ')[0] ?? quoted;
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** parseArgs in strict mode, its errors turned into one-line usage errors listing valid flags. */
export function parseFlags(command: string, args: readonly string[], options: FlagOptions): FlagValues {
  try {
    const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
    return values as FlagValues;
  } catch (error) {
    const flag = offendingFlag(error);
    const valid = `Valid flags for \`cloudsweep ${command}\`: ${listFlags(options)}`;
    switch (codeOf(error)) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw usageError(`Unknown flag ${flag}. ${valid}.`);
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
        throw usageError(`Unexpected argument "${flag}". ${valid}; lists are comma-separated.`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        throw usageError(
          options[flag.replace(/^-+/, '')]?.type === 'boolean'
            ? `Flag ${flag} takes no value. ${valid}.`
            : `Flag ${flag} needs a value. ${valid}.`,
        );
      default:
        throw usageError(`Could not read the arguments (${flag}). ${valid}.`);
    }
  }
}
