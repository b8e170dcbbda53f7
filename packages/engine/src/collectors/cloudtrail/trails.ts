import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type AdvancedEventSelector,
  type CloudTrailClient,
  type EventSelector,
  type GetTrailStatusResponse,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import { defineCollector, type CollectorContext } from '../../core/collector.js';
import type { Resource } from '../../core/resource.js';
import { orError, type CallError } from '../call-errors.js';

/** A detail call that failed for this trail (e.g. AccessDenied); checks answer unknown. */
export type TrailError = CallError;

export interface TrailSelectors {
  readonly eventSelectors: readonly EventSelector[];
  readonly advancedEventSelectors: readonly AdvancedEventSelector[];
}

/** A trail as seen from one region, with its status and event selectors. */
export interface TrailRecord {
  readonly trail: Trail;
  readonly status: GetTrailStatusResponse | TrailError;
  readonly selectors: TrailSelectors | TrailError;
}

type TrailDetails = Omit<TrailRecord, 'trail'>;

export const cloudtrailTrails = defineCollector<TrailRecord>({
  id: 'cloudtrail.trails',
  service: 'cloudtrail',
  scope: 'regional',
  permissions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  async *collect(ctx) {
    // DescribeTrails is not paginated. Shadow trails (multi-region trails homed elsewhere) are
    // included because they are what covers this region.
    const client = ctx.aws.client('cloudtrail', ctx.region);
    const { trailList = [] } = await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
    const records = await Promise.all(
      trailList.map(async (trail) => ({ trail, ...(await trailDetails(ctx, trail)) })),
    );
    for (const record of records) yield trailResource(ctx, record);
  },
});

/**
 * Status and selectors live in the trail's home region. A multi-region trail appears in every
 * region's listing, so its details are memoised by ARN and read once per scan.
 */
function trailDetails(ctx: CollectorContext, trail: Trail): Promise<TrailDetails> {
  const name = trail.TrailARN ?? trail.Name ?? '';
  const client = ctx.aws.client('cloudtrail', trail.HomeRegion ?? ctx.region);
  return ctx.memo(`cloudtrail:details:${name}`, async () => {
    const [status, selectors] = await Promise.all([
      orError(ctx.signal, readStatus(client, name)),
      orError(ctx.signal, readSelectors(client, name)),
    ]);
    return { status, selectors };
  });
}

async function readStatus(client: CloudTrailClient, name: string): Promise<GetTrailStatusResponse> {
  const { $metadata: _metadata, ...status } = await client.send(new GetTrailStatusCommand({ Name: name }));
  return status;
}

async function readSelectors(client: CloudTrailClient, name: string): Promise<TrailSelectors> {
  const output = await client.send(new GetEventSelectorsCommand({ TrailName: name }));
  return {
    eventSelectors: output.EventSelectors ?? [],
    advancedEventSelectors: output.AdvancedEventSelectors ?? [],
  };
}

function trailResource(ctx: CollectorContext, record: TrailRecord): Resource<TrailRecord> {
  const { TrailARN, Name = '' } = record.trail;
  return {
    arn: TrailARN ?? `arn:${ctx.partition}:cloudtrail:${ctx.region}:${ctx.accountId}:trail/${Name}`,
    id: Name,
    type: 'AWS::CloudTrail::Trail',
    region: ctx.region,
    accountId: ctx.accountId,
    tags: {},
    data: record,
  };
}
