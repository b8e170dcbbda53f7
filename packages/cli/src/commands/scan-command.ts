import { allChecks, scan, ScanSetupError, severityRank, type ScanSummary, type Severity } from '@cloudsweep/engine';
import { DEFAULT_DEADLINE_MS, parseScanCommand, readScanFlags, type ScanCommand } from '../args/scan-args.js';
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

/**
 * SIGINT wins (130); then failed results at or above the threshold (unknowns never count: they
 * are not findings); then a scan that did not finish, so a CI gate never passes on half a scan.
 */
export function exitCodeOf(summary: ScanSummary, failOn: Severity | undefined, interrupted: boolean): ExitCode {
  if (interrupted) return EXIT.interrupted;
  const threshold = failOn === undefined ? Infinity : severityRank(failOn);
  const hit = Object.entries(summary.failBySeverity).some(
    ([severity, count]) => count > 0 && severityRank(severity as Severity) >= threshold,
  );
  if (hit) return EXIT.findings;
  return summary.incomplete ? EXIT.incomplete : EXIT.ok;
}

function deadlineText(command: ScanCommand): string {
  const seconds = (command.options.deadlineMs ?? DEFAULT_DEADLINE_MS) / 1000;
  return `its deadline (${seconds} s${command.options.deadlineMs === undefined ? ', the default' : ''}) was reached`;
}

/** Why the scan stopped early, on one line: the exit code alone does not say. */
export function incompleteLine(command: ScanCommand, interrupted: boolean): string {
  const why = interrupted ? 'it was interrupted' : `${deadlineText(command)}; raise --timeout to scan more`;
  return `cloudsweep: the scan did not finish: ${why}. The results so far are in the report, marked incomplete.`;
}

/**
 * A set-up failure (before the plan: nothing was scanned). The engine reports the call that
 * the abort cut as whatever the socket said, so the cause is decided here: the user's signal,
 * else the deadline if it has passed.
 */
function setupFailure(error: unknown, command: ScanCommand, signal: AbortSignal, startedAt: number): unknown {
  if (!(error instanceof ScanSetupError)) return error;
  if (signal.aborted) return new CliError(EXIT.interrupted, 'Interrupted before the scan started; nothing was scanned', { cause: error });
  const deadlinePassed = performance.now() - startedAt >= (command.options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  if (error.code === 'aborted' || deadlinePassed) {
    return new CliError(EXIT.incomplete, `The scan did not start: ${deadlineText(command)} first; nothing was scanned. Raise --timeout`, { cause: error });
  }
  return error;
}

async function pump(command: ScanCommand, sink: ResultSink, progress: ProgressReporter, signal: AbortSignal): Promise<ScanSummary | undefined> {
  // The engine closes its clients on abort, so an in-flight set-up call ends at once on Ctrl-C.
  const events = scan(command.options, { signal });
  let summary: ScanSummary | undefined;
  for await (const event of events) {
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

function reportEnd(command: ScanCommand, summary: ScanSummary, io: CliIo, interrupted: boolean): void {
  // The table already ends with the full summary; machine formats get a line for the person watching.
  const machineOnStdout = command.format !== 'table' && command.output === undefined;
  if (!command.quiet && (command.output !== undefined || machineOnStdout)) {
    io.stderr.write(`${shortSummary(summary, command.output)}\n`);
  }
  // Even with --quiet: it explains the exit code.
  if (summary.incomplete) io.stderr.write(`${incompleteLine(command, interrupted)}\n`);
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
  const startedAt = performance.now();
  let summary: ScanSummary | undefined;
  try {
    summary = await pump(command, sink, progress, signal);
    if (!summary) throw new Error('the scan ended without a summary');
    await file?.commit();
  } catch (error) {
    progress.stop();
    await file?.discard();
    throw setupFailure(error, command, signal, startedAt);
  }
  reportEnd(command, summary, io, signal.aborted);
  return exitCodeOf(summary, command.failOn, signal.aborted);
}
