import { setMaxListeners } from 'node:events';
import type { Check } from '../core/check.js';
import { emptyApiStats, type ApiStats } from '../aws/api-stats.js';
import { CallGovernor } from '../aws/call-governor.js';
import { AwsClients } from '../aws/clients.js';
import { confirmIdentity, credentialProvider, type CallerIdentity } from '../aws/credentials.js';
import { classifyAwsError, errorFacts } from '../aws/error-kind.js';
import { resolveRegions, validateRegionNames } from '../aws/regions.js';
import { DEFAULT_RETRY_POLICY } from '../aws/retry-strategy.js';
import { allChecks } from '../checks/registry.js';
import { Channel } from './channel.js';
import type { ScanEvent, ScanPlan } from './events.js';
import { executePlan, type ExecutionContext } from './execute.js';
import { parseScanOptions, ScanSetupError, type ParsedScanOptions, type ScanOptions, type ScanSetupErrorCode } from './options.js';
import { collectorsOf, planExecution, type ExecutionPlan } from './plan.js';
import { parseCheckSettings, selectChecks } from './select-checks.js';
import { startHeapTrim } from './heap-trim.js';
import { SummaryBuilder } from './summary.js';

export interface ScanControls {
  /** Cancels the scan: calls stop, the summary says `incomplete`. */
  readonly signal?: AbortSignal;
  /** The checks to choose from; the built-in catalogue by default. */
  readonly catalogue?: readonly Check[];
}

const HOME_REGION: Readonly<Record<string, string>> = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };

function setupErrorCode(error: unknown, signal: AbortSignal): ScanSetupErrorCode {
  // Cancelling closes the sockets, so the call fails as a network error: the signal knows better.
  if (signal.aborted) return 'aborted';
  const kind = classifyAwsError(error, false);
  if (kind === 'access-denied') return 'access-denied';
  if (kind === 'network' || kind === 'timeout') return 'network';
  if (kind === 'throttled' || (errorFacts(error).httpStatus ?? 0) >= 500) return 'unavailable';
  return 'credentials';
}

function setupError(step: SetupStep, error: unknown, signal: AbortSignal): ScanSetupError {
  const code = setupErrorCode(error, signal);
  if (code === 'aborted') return new ScanSetupError('aborted', 'The scan was cancelled before it started', { cause: error });
  const facts = errorFacts(error);
  const details = {
    step: step.name,
    service: step.service,
    awsErrorCode: facts.code,
    ...(facts.httpStatus !== undefined ? { httpStatus: facts.httpStatus } : {}),
    ...(facts.requestId !== undefined ? { requestId: facts.requestId } : {}),
  };
  return new ScanSetupError(code, `${step.name} failed: ${facts.message} (${facts.code})`, { cause: error, details });
}

interface SetupStep {
  readonly name: string;
  readonly service: string;
}

const CONFIRM_IDENTITY: SetupStep = { name: 'Confirming the AWS identity (sts:GetCallerIdentity)', service: 'sts' };
const LIST_REGIONS: SetupStep = { name: 'Listing the account regions (ec2:DescribeRegions)', service: 'ec2' };

async function step<T>(which: SetupStep, signal: AbortSignal, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw setupError(which, error, signal);
  }
}

function linkedAbort(options: ParsedScanOptions, signal: AbortSignal | undefined): AbortController {
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(new Error('scan deadline reached')), options.deadlineMs);
  deadline.unref();
  controller.signal.addEventListener('abort', () => clearTimeout(deadline), { once: true });
  if (signal?.aborted) controller.abort(signal.reason);
  signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller;
}

function buildPlan(identity: CallerIdentity, regions: Awaited<ReturnType<typeof resolveRegions>>, checks: readonly Check[], tasks: number): ScanPlan {
  return {
    accountId: identity.accountId,
    callerArn: identity.arn,
    partition: identity.partition,
    regions: regions.regions,
    skippedRegions: regions.skipped,
    checkIds: checks.map((c) => c.id),
    collectorIds: collectorsOf(checks).map((c) => c.id),
    totalTasks: tasks,
  };
}

/** Everything a scan owns from its first call to its last: closed in one place. */
interface ScanSession {
  readonly options: ParsedScanOptions;
  readonly checks: readonly Check[];
  readonly settings: Map<string, object>;
  readonly controller: AbortController;
  readonly stats: ApiStats;
  readonly aws: AwsClients;
  readonly firstRegion: string;
}

function openSession(input: ScanOptions, controls: ScanControls): ScanSession {
  const options = parseScanOptions(input);
  if (options.regions !== 'all') validateRegionNames(options.regions);
  const checks = selectChecks(controls.catalogue ?? allChecks, options.checks);
  const settings = parseCheckSettings(checks, options.checkSettings);
  const controller = linkedAbort(options, controls.signal);
  // Every queued call listens for cancel; thousands at once is expected, not a leak.
  setMaxListeners(0, controller.signal);
  const stats = emptyApiStats();
  const firstRegion = options.regions === 'all' ? 'us-east-1' : (options.regions[0] ?? 'us-east-1');
  const aws = new AwsClients(
    {
      credentials: credentialProvider(options.credentials, { region: firstRegion, endpoint: options.endpoint }),
      endpoint: options.endpoint,
      callTimeoutMs: options.callTimeoutMs,
      retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: options.maxAttempts },
      maxSocketsPerClient: options.concurrency.perRegionService,
    },
    new CallGovernor(options.concurrency, stats, controller.signal),
    controller.signal,
  );
  // Closing the clients ends in-flight calls at once, so a cancel never waits on a slow call.
  controller.signal.addEventListener('abort', () => aws.destroy(), { once: true });
  return { options, checks, settings, controller, stats, aws, firstRegion };
}

async function planScan(session: ScanSession): Promise<{ plan: ScanPlan; execution: ExecutionPlan; homeRegion: string }> {
  const { options, aws, firstRegion, checks, settings, controller } = session;
  const { signal } = controller;
  const identity = await step(CONFIRM_IDENTITY, signal, () => confirmIdentity(aws, firstRegion));
  const homeRegion = HOME_REGION[identity.partition] ?? 'us-east-1';
  const regions = await step(LIST_REGIONS, signal, () =>
    resolveRegions(options.regions, aws, options.regions === 'all' ? homeRegion : firstRegion),
  );
  const execution = planExecution(checks, settings, regions.regions);
  return { plan: buildPlan(identity, regions, checks, execution.tasks.length), execution, homeRegion };
}

function executionContext(session: ScanSession, plan: ScanPlan, homeRegion: string, emit: (e: ScanEvent) => void): ExecutionContext {
  const memo = new Map<string, Promise<unknown>>();
  const { signal } = session.controller;
  return {
    collector: {
      accountId: plan.accountId,
      partition: plan.partition,
      aws: session.aws,
      signal,
      memo: <T>(key: string, load: () => Promise<T>) => {
        if (!memo.has(key)) memo.set(key, load());
        return memo.get(key) as Promise<T>;
      },
    },
    homeRegion,
    now: session.options.now ?? new Date(),
    signal,
    emit,
  };
}

/**
 * Scans one AWS account and streams what it finds. Throws ScanSetupError before the first
 * event when the options are invalid or the account cannot be reached; after that, failures
 * are events (collection issues and unknown results) and the summary always comes last.
 */
export async function* scan(input: ScanOptions, controls: ScanControls = {}): AsyncGenerator<ScanEvent> {
  const summary = new SummaryBuilder(performance.now());
  const session = openSession(input, controls);
  const { stats, controller } = session;
  const stopHeapTrim = startHeapTrim();
  try {
    const { plan, execution, homeRegion } = await planScan(session);
    yield { type: 'planned', plan };
    const events = new Channel<ScanEvent>();
    const context = executionContext(session, plan, homeRegion, (event) => events.push(event));
    const done = executePlan(execution, context, session.options.concurrency.regions).finally(() => events.close());
    for await (const event of events) {
      summary.observe(event);
      if (event.type !== 'progress') yield event;
      else yield { ...event, apiCalls: stats.attempts };
    }
    await done;
    const aborted = controller.signal.aborted;
    if (!aborted) yield { type: 'progress', done: plan.totalTasks, total: plan.totalTasks, phase: 'done', apiCalls: stats.attempts };
    yield { type: 'summary', summary: summary.build(plan, stats, aborted) };
  } finally {
    stopHeapTrim();
    controller.abort(new Error('scan finished'));
    session.aws.destroy();
  }
}
