import {
  paginateGetAccountAuthorizationDetails,
  type EntityType,
  type GetAccountAuthorizationDetailsCommandOutput,
} from '@aws-sdk/client-iam';
import type { CollectorContext } from '../../core/collector.js';

/**
 * Pages of GetAccountAuthorizationDetails for one entity type. One bulk listing returns every
 * user's (or role's, policy's) attached and inline policies in ~1 call per 1000 entities,
 * instead of 3-4 calls per entity, which keeps IAM (throttled per account) calm.
 */
export function authorizationDetailsPages(
  ctx: CollectorContext,
  filter: EntityType,
): AsyncIterable<GetAccountAuthorizationDetailsCommandOutput> {
  const client = ctx.aws.client('iam', ctx.region);
  return paginateGetAccountAuthorizationDetails({ client, pageSize: 1000 }, { Filter: [filter] });
}
