import { ScanSetupError, UnknownRegionError } from '@cloudsweep/engine';
import { CliError, EXIT } from './io.js';

const SETUP_HINT = {
  'invalid-options': '',
  credentials:
    'Provide credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, --profile P, `aws sso login`, or --role-arn',
  'access-denied': 'Grant the scanning identity the policy printed by `cloudsweep policy`',
  network: 'Check the network, proxy settings and --endpoint-url',
  unavailable: 'AWS had a temporary problem; try again in a few minutes',
  aborted: '',
} as const;

/** Messages are printed on one line; an SDK message can carry newlines. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function joinSentences(what: string, valid: string): string {
  const head = what.replace(/\.$/, '');
  return valid ? `${head}. ${valid}` : head;
}

/** Maps anything a command throws to an exit code and one line for a person. */
export function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof UnknownRegionError) return new CliError(EXIT.usage, error.message.replace(/\.$/, ''), { cause: error });
  if (error instanceof ScanSetupError) {
    const message = joinSentences(oneLine(error.message), SETUP_HINT[error.code]);
    if (error.code === 'invalid-options') return new CliError(EXIT.usage, message, { cause: error });
    return new CliError(EXIT.cannotRun, message, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CliError(
    EXIT.cannotRun,
    `Unexpected error: ${oneLine(detail)}. Set CLOUDSWEEP_DEBUG=1 for details and report it if it persists`,
    { cause: error },
  );
}
