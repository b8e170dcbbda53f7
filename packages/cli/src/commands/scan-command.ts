import { allChecks, scan, severityRank, type ScanEvent, type ScanSummary, type Severity } from '@cloudsweep/engine';
import { readScanFlags, parseScanCommand, type ScanCommand } from '../args/scan-args.js';
import { oneLine } from '../errors.js';
import { createSink } from '../format/create-sink.js';
import { streamWriter, type ResultSink } from '../format/sink.js';
import { shortSummary } from '../format/summary-text.js';
import { SCAN_HELP } from '../help.js';
import { CliError, EXIT, type CliIo, type ExitCode } from '../io.js';
import { openAtomicFile, type AtomicFile } from '../output/atomic-file.js';
import { createProgress, silentProgress, type ProgressReporter } from '../progress.js';
import { cliVersion } from '../version.js';

async function openOutput(path: string | undefined): Promise<AtomicFile | undefined> {
  if (path === undefined) return undefined;
  try {
    return await openAtomicFile(path);
  } catch (error) {
    const reason = error instanceof Error ? oneLine(error.message) : String(error);
    throw new CliError(EXIT.usage, `Cannot write --output ${path}: ${reason}. Give a path in an existing, writable directory`);
  }
}

/** Failed results at or above the threshold; unknowns never count (they are not findings). */
export function exitCodeOf(summary: ScanSummary, failOn: Severity | undefined, interrupted: boolean): ExitCode {
  if (interrupted) return EXIT.interrupted;
  if (failOn === undefined) return EXIT.ok;
  const threshold = severityRank(failOn);
  const hit = Object.entries(summary.failBySeverity).some(
    ([severity, count]) => count > 0 && severityRank(severity as Severity) >= threshold,
  );
  return hit ? EXIT.findings : EXIT.ok;
}

/**
 * Before the plan there is nothing to report, and the engine's in-flight set-up call does not
 * watch the signal (it would wait out its timeout), so an interrupt there ends at once.
 */
async function firstEvent(events: AsyncGenerator<ScanEvent>, signal: AbortSignal): Promise<IteratorResult<ScanEvent>> {
  if (signal.aborted) throw interrupted();
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_resolve, reject) => (onAbort = () => reject(interrupted())));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([events.next(), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function interrupted(): CliError {
  return new CliError(EXIT.interrupted, 'Interrupted before the scan started; nothing was scanned');
}

async function pump(command: ScanCommand, sink: ResultSink, progress: ProgressReporter, signal: AbortSignal): Promise<ScanSummary | undefined> {
  const events = scan(command.options, { signal });
  let summary: ScanSummary | undefined;
  for (let next = await firstEvent(events, signal); !next.done; next = await events.next()) {
    const event = next.value;
    progress.observe(event);
    if (event.type === 'planned') await sink.planned(event.plan);
    else if (event.type === 'result') await sink.result(event.result);
    else if (event.type === 'issue') await sink.issue(event.issue);
    else if (event.type === 'summary') {
      summary = event.summary;
      progress.stop();
      await sink.finish(event.summary);
    }
  }
  return summary;
}

function progressFor(command: ScanCommand, io: CliIo): ProgressReporter {
  if (command.quiet) return silentProgress;
  return createProgress({ write: (text) => io.stderr.write(text), isTTY: io.isTTY, columns: io.columns });
}

function reportEnd(command: ScanCommand, summary: ScanSummary, io: CliIo): void {
  // The table already ends with the full summary; machine formats get a line for the person watching.
  const machineOnStdout = command.format !== 'table' && command.output === undefined;
  if (!command.quiet && (command.output !== undefined || machineOnStdout)) {
    io.stderr.write(`${shortSummary(summary, command.output)}\n`);
  } else if (summary.incomplete) {
    io.stderr.write('cloudsweep: the scan stopped early; the results are incomplete.\n');
  }
}

export async function runScanCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const values = readScanFlags(args);
  if (values['help'] === true) {
    io.stdout.write(SCAN_HELP);
    return EXIT.ok;
  }
  const command = parseScanCommand(values, io.env);
  const file = await openOutput(command.output);
  const writer = file?.writer ?? streamWriter(io.stdout);
  const sink = createSink(command.format, writer, { catalogue: allChecks, toolVersion: cliVersion() });
  const progress = progressFor(command, io);
  const signal = io.signal ?? new AbortController().signal;
  let summary: ScanSummary | undefined;
  try {
    summary = await pump(command, sink, progress, signal);
    if (!summary) throw new Error('the scan ended without a summary');
    await file?.commit();
  } catch (error) {
    progress.stop();
    await file?.discard();
    throw error;
  }
  reportEnd(command, summary, io);
  return exitCodeOf(summary, command.failOn, signal.aborted);
}
