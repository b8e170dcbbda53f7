// Test-only: runs a collector against canned AWS answers. The real governed clients are used,
// with a first middleware that answers each call before it reaches the network (and retries).
import { emptyApiStats } from '../aws/api-stats.js';
import { CallGovernor, DEFAULT_CONCURRENCY } from '../aws/call-governor.js';
import { AwsClients } from '../aws/clients.js';
import { DEFAULT_RETRY_POLICY } from '../aws/retry-strategy.js';
import { SERVICES, type Collector, type CollectorContext } from '../core/collector.js';
import type { Resource } from '../core/resource.js';

export interface SentCall {
  /** Operation name without the `Command` suffix, e.g. `DescribeSnapshots`. */
  readonly command: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** Returns the output of one call (without `$metadata`), or throws an SDK-like error. */
export type Responder = (call: SentCall) => object | Promise<object>;

export function awsError(name: string, message = `${name} (stub)`): Error {
  return Object.assign(new Error(message), { name });
}

interface StubStack {
  add(middleware: unknown, options: { step: 'initialize'; priority: 'high'; name: string }): void;
}

export function stubbedContext(respond: Responder, region = 'us-east-1'): { ctx: CollectorContext; calls: SentCall[] } {
  const signal = new AbortController().signal;
  const governor = new CallGovernor(DEFAULT_CONCURRENCY, emptyApiStats(), signal);
  const settings = {
    credentials: async () => ({ accessKeyId: 'AKIDSTUB', secretAccessKey: 'stub' }),
    endpoint: 'http://127.0.0.1:9',
    callTimeoutMs: 1_000,
    retry: DEFAULT_RETRY_POLICY,
    maxSocketsPerClient: 1,
  };
  const aws = new AwsClients(settings, governor, signal);
  const calls: SentCall[] = [];
  const answer = (next: unknown, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
    // Paginators reuse one input object across pages: record a copy.
    const call = { command: String(context.commandName).replace(/Command$/, ''), input: { ...args.input } };
    calls.push(call);
    return { output: { $metadata: {}, ...(await respond(call)) }, response: {} };
  };
  for (const service of SERVICES) {
    const stack: StubStack = aws.client(service, region).middlewareStack as never;
    stack.add(answer, { step: 'initialize', priority: 'high', name: 'cloudsweepTestStub' });
  }
  const ctx: CollectorContext = {
    region,
    accountId: '123456789012',
    partition: 'aws',
    aws,
    signal,
    memo: (_key, load) => load(),
  };
  return { ctx, calls };
}

export async function collectAll<T>(collector: Collector<T>, ctx: CollectorContext): Promise<Resource<T>[]> {
  const resources: Resource<T>[] = [];
  for await (const resource of collector.collect(ctx)) resources.push(resource);
  return resources;
}
