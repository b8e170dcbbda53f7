import { EXIT } from './io.js';
import { run } from './run.js';

// First Ctrl-C stops the scan and prints what was found so far; a second one quits at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
  process.stderr.write('\ncloudsweep: interrupted; stopping the scan (Ctrl-C again to quit now).\n');
  interrupt.abort(new Error('interrupted by the user'));
});

// `cloudsweep scan --format json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  throw error;
});

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  signal: interrupt.signal,
  columns: process.stderr.columns,
});

process.exitCode = code;
