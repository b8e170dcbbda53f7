import type { AwsClients } from '../aws/clients.js';
import type { Resource } from './resource.js';

export type CollectorScope = 'regional' | 'global';

/** The AWS services the engine talks to; one SDK client and one concurrency lane each. */
export const SERVICES = [
  'cloudtrail', 'ec2', 'elbv2', 'iam', 'kms', 'lambda', 'logs', 'rds', 's3', 's3control', 'sts',
] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface CollectorContext {
  /** Region this run collects in; for global collectors the partition's home region. */
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  /** SDK clients of this scan (created per scan and region, throttled and counted). */
  readonly aws: AwsClients;
  readonly signal: AbortSignal;
  /**
   * Scan-wide memo for listings several collectors share (e.g. the S3 bucket list), so
   * collectors stay independent of each other yet a listing is fetched once per scan.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export interface Collector<T = unknown> {
  /** `<service>.<resource-plural>`, e.g. `ec2.volumes`. */
  readonly id: string;
  readonly service: ServiceName;
  readonly scope: CollectorScope;
  /** Every IAM action `collect` may call; generates the least-privilege policy. */
  readonly permissions: readonly string[];
  collect(ctx: CollectorContext): AsyncIterable<Resource<T>>;
}

export type AnyCollector = Collector<unknown>;

export function defineCollector<T>(collector: Collector<T>): Collector<T> {
  return Object.freeze(collector);
}
