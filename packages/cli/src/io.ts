import type { Writable } from 'node:stream';

/** Everything `run` touches outside itself, so it can run in-process in tests. */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: decides between a redrawn progress bar and plain lines. */
  readonly isTTY: boolean;
  /** Aborted on SIGINT: the scan stops and what was found so far is printed. */
  readonly signal?: AbortSignal;
  /** Terminal width for the progress bar; 80 when unknown. */
  readonly columns?: number;
}

export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  cannotRun: 3,
  /** The scan stopped at its deadline: the report holds what was found so far. */
  incomplete: 3,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An expected failure with its exit code. Its message is one line for a person:
 * what was wrong, then what is valid.
 */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError(EXIT.usage, message);
}
