import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider, Pluggable } from '@smithy/types';
import type { ServiceName } from '../core/collector.js';
import type { CallGovernor } from './call-governor.js';
import { ScanRetryStrategy, type RetryPolicy } from './retry-strategy.js';

interface ClientTypes {
  cloudtrail: CloudTrailClient;
  ec2: EC2Client;
  elbv2: ElasticLoadBalancingV2Client;
  iam: IAMClient;
  kms: KMSClient;
  lambda: LambdaClient;
  logs: CloudWatchLogsClient;
  rds: RDSClient;
  s3: S3Client;
  s3control: S3ControlClient;
  sts: STSClient;
}

/** The options every SDK client constructor accepts. */
interface CommonConfig {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  retryStrategy: ScanRetryStrategy;
  requestHandler: NodeHttpHandler;
  forcePathStyle?: boolean;
  disableHostPrefix?: boolean;
  endpointProvider?: () => { url: URL };
}

type Constructors = { [S in ServiceName]: new (config: CommonConfig) => ClientTypes[S] };
const CONSTRUCTORS: Constructors = {
  cloudtrail: CloudTrailClient,
  ec2: EC2Client,
  elbv2: ElasticLoadBalancingV2Client,
  iam: IAMClient,
  kms: KMSClient,
  lambda: LambdaClient,
  logs: CloudWatchLogsClient,
  rds: RDSClient,
  s3: S3Client,
  s3control: S3ControlClient,
  sts: STSClient,
};

export interface ClientSettings {
  readonly credentials: AwsCredentialIdentityProvider;
  /** Overrides every service's endpoint (moto, the simulator, a VPC endpoint proxy). */
  readonly endpoint?: string | undefined;
  readonly callTimeoutMs: number;
  readonly retry: RetryPolicy;
  readonly maxSocketsPerClient: number;
}

/**
 * The SDK clients of one scan, one per (service, region), created on first use. Every client
 * sends through the scan's CallGovernor, so caps, token buckets and counters see each attempt.
 */
export class AwsClients {
  readonly #clients = new Map<string, { destroy(): void }>();

  constructor(
    private readonly settings: ClientSettings,
    private readonly governor: CallGovernor,
    private readonly signal: AbortSignal,
  ) {}

  client<S extends ServiceName>(service: S, region: string): ClientTypes[S] {
    const key = `${service}:${region}`;
    const existing = this.#clients.get(key);
    if (existing) return existing as ClientTypes[S];
    const created = new CONSTRUCTORS[service](this.#config(service, region));
    // Each client's stack is typed by its own service's inputs; ours handles any of them.
    const stack: { use(pluggable: Pluggable<object, object>): void } = created.middlewareStack as never;
    stack.use(this.#governed(service, region));
    this.#clients.set(key, created);
    return created;
  }

  /** Closes every socket; in-flight calls of an aborted scan fail at once. */
  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }

  #config(service: ServiceName, region: string): CommonConfig {
    const { endpoint, callTimeoutMs, maxSocketsPerClient } = this.settings;
    const agentOptions = { keepAlive: true, maxSockets: maxSocketsPerClient };
    return {
      region,
      credentials: this.settings.credentials,
      retryStrategy: new ScanRetryStrategy(this.settings.retry, this.governor.stats, this.signal),
      requestHandler: new NodeHttpHandler({
        connectionTimeout: Math.min(callTimeoutMs, 5_000),
        requestTimeout: callTimeoutMs,
        // Without this the SDK only logs a warning when a call hangs past its timeout.
        throwOnRequestTimeout: true,
        httpAgent: new HttpAgent(agentOptions),
        httpsAgent: new HttpsAgent(agentOptions),
      }),
      ...(endpoint ? { endpoint } : {}),
      // A custom endpoint has no virtual-host DNS: buckets go in the path, and S3 Control's
      // account-id host prefix would not resolve.
      ...(endpoint && service === 's3' ? { forcePathStyle: true } : {}),
      // S3 Control's endpoint rules put the account id in front of any custom host
      // (`123456789012.127.0.0.1`), so with an override the endpoint is taken as given.
      ...(endpoint && service === 's3control'
        ? { disableHostPrefix: true, endpointProvider: () => ({ url: new URL(endpoint) }) }
        : {}),
    };
  }

  #governed(service: ServiceName, region: string): Pluggable<object, object> {
    const governor = this.governor;
    return {
      applyToStack(stack) {
        stack.add(
          (next) => async (args) => {
            governor.stats.operations += 1;
            return next(args);
          },
          { step: 'initialize', name: 'cloudsweepCountOperations' },
        );
        stack.add(
          (next, context) => (args) =>
            governor.run(service, region, String(context.commandName ?? 'Unknown').replace(/Command$/, ''), () => next(args)),
          { step: 'finalizeRequest', priority: 'low', name: 'cloudsweepGovernor' },
        );
      },
    };
  }
}
