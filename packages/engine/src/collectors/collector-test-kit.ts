// Test-only: runs collectors against canned AWS answers. The scan's real governed clients are
// used (any service, any region), each with a first middleware that answers every call before it
// reaches the governor, retries or the network.
import { emptyApiStats } from '../aws/api-stats.js';
import { CallGovernor, DEFAULT_CONCURRENCY } from '../aws/call-governor.js';
import { AwsClients } from '../aws/clients.js';
import { DEFAULT_RETRY_POLICY } from '../aws/retry-strategy.js';
import type { Collector, CollectorContext, ServiceName } from '../core/collector.js';
import type { Resource } from '../core/resource.js';

export interface SentCall {
  readonly service: ServiceName;
  /** The region of the client the call went through (a bucket's or trail's home region, say). */
  readonly region: string;
  /** Operation name without the `Command` suffix, e.g. `DescribeSnapshots`. */
  readonly command: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** Returns the output of one call (without `$metadata`), or throws (see `awsError`) to fail it. */
export type Responder = (call: SentCall) => object | Promise<object>;

/** An error shaped like the SDK's: AWS's error code is its `name`. */
export function awsError(code: string, message = `${code} (simulated)`): Error {
  return Object.assign(new Error(message), { name: code });
}

interface StubStack {
  add(middleware: unknown, options: { step: 'initialize'; priority: 'high'; name: string }): void;
}

/** The scan's clients, each answered by the responder as it is created. */
class StubbedClients extends AwsClients {
  readonly #stubbed = new WeakSet<object>();

  constructor(
    private readonly respond: Responder,
    private readonly calls: SentCall[],
    signal: AbortSignal,
  ) {
    const settings = {
      credentials: async () => ({ accessKeyId: 'AKIDSTUB', secretAccessKey: 'stub' }),
      // Never reached: the stub answers first. A closed local port if it ever were.
      endpoint: 'http://127.0.0.1:9',
      callTimeoutMs: 1_000,
      retry: DEFAULT_RETRY_POLICY,
      maxSocketsPerClient: 1,
    };
    super(settings, new CallGovernor(DEFAULT_CONCURRENCY, emptyApiStats(), signal), signal);
  }

  override client<S extends ServiceName>(service: S, region: string) {
    const created = super.client(service, region);
    if (!this.#stubbed.has(created)) {
      this.#stubbed.add(created);
      const stack: StubStack = created.middlewareStack as never;
      stack.add(this.#answer(service, region), { step: 'initialize', priority: 'high', name: 'cloudsweepTestStub' });
    }
    return created;
  }

  #answer(service: ServiceName, region: string) {
    return (_next: unknown, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      // Paginators reuse one input object across pages: record a copy.
      const call = { service, region, command: String(context.commandName).replace(/Command$/, ''), input: { ...args.input } };
      this.calls.push(call);
      return { output: { $metadata: {}, ...(await this.respond(call)) }, response: {} };
    };
  }
}

/**
 * A context for one region whose every AWS call is answered by `respond` and recorded in
 * `calls`, in the order sent. Its memo is scan-wide like a real scan's, so spreading the context
 * into another region (`{ ...ctx, region }`) behaves like the next region of the same scan.
 */
export function stubbedContext(respond: Responder, region = 'us-east-1'): { ctx: CollectorContext; calls: SentCall[] } {
  const signal = new AbortController().signal;
  const calls: SentCall[] = [];
  const memos = new Map<string, Promise<unknown>>();
  const ctx: CollectorContext = {
    region,
    accountId: '123456789012',
    partition: 'aws',
    aws: new StubbedClients(respond, calls, signal),
    signal,
    memo<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (!memos.has(key)) memos.set(key, load());
      return memos.get(key) as Promise<T>;
    },
  };
  return { ctx, calls };
}

export async function collectAll<T>(collector: Collector<T>, ctx: CollectorContext): Promise<Resource<T>[]> {
  const resources: Resource<T>[] = [];
  for await (const resource of collector.collect(ctx)) resources.push(resource);
  return resources;
}
