// Test-only: a CollectorContext whose SDK clients answer from a handler instead of AWS.
// (Used by the S3, CloudTrail and KMS collector tests; could move up to collectors/ if shared.)
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { Pluggable } from '@smithy/types';
import type { AwsClients } from '../../aws/clients.js';
import type { CollectorContext } from '../../core/collector.js';
import type { Resource } from '../../core/resource.js';

export interface FakeCall {
  readonly service: string;
  readonly region: string;
  readonly command: string;
  readonly input: Record<string, unknown>;
}

/** Returns the command's output, or throws (use `awsError`) to simulate an AWS error. */
export type FakeHandler = (call: FakeCall) => unknown;

export function awsError(code: string): Error {
  const error = new Error(`${code} (simulated)`);
  error.name = code;
  return error;
}

const CLIENTS = { s3: S3Client, s3control: S3ControlClient, cloudtrail: CloudTrailClient, kms: KMSClient, logs: CloudWatchLogsClient };

/** A real SDK client (paginators check the class) whose requests never leave the process. */
function fakeClient(service: string, region: string, handler: FakeHandler, calls: FakeCall[]): unknown {
  const Client = CLIENTS[service as keyof typeof CLIENTS];
  const client = new Client({ region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const stack: { use(pluggable: Pluggable<object, object>): void } = client.middlewareStack as never;
  stack.use({
    applyToStack(s) {
      s.add(
        (_next, context) => async (args) => {
          const input = args.input as Record<string, unknown>;
          const call = { service, region, command: String(context.commandName).replace(/Command$/, ''), input };
          calls.push(call);
          return { output: { $metadata: {}, ...(handler(call) as object) }, response: {} };
        },
        { step: 'initialize', name: 'fakeAws' },
      );
    },
  });
  return client;
}

export function fakeContext(handler: FakeHandler, region = 'us-east-1'): { ctx: CollectorContext; calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const clients = new Map<string, unknown>();
  const client = (service: string, clientRegion: string) => {
    const key = `${service}:${clientRegion}`;
    if (!clients.has(key)) clients.set(key, fakeClient(service, clientRegion, handler, calls));
    return clients.get(key);
  };
  const memos = new Map<string, Promise<unknown>>();
  const ctx: CollectorContext = {
    region,
    accountId: '123456789012',
    partition: 'aws',
    // Stands in for AwsClients structurally: collectors only call client(service, region).
    aws: { client } as unknown as AwsClients,
    signal: new AbortController().signal,
    memo<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (!memos.has(key)) memos.set(key, load());
      return memos.get(key) as Promise<T>;
    },
  };
  return { ctx, calls };
}

export async function collectAll<T>(iterable: AsyncIterable<Resource<T>>): Promise<Array<Resource<T>>> {
  const out: Array<Resource<T>> = [];
  for await (const item of iterable) out.push(item);
  return out;
}
