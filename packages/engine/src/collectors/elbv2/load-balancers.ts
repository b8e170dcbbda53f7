import {
  paginateDescribeLoadBalancers,
  type ElasticLoadBalancingV2Client,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { defineCollector, type CollectorContext } from '../../core/collector.js';
import type { Resource } from '../../core/resource.js';
import { ELBV2_PAGE_SIZE, readTargetGroups, type TargetGroupHealth } from './target-group-health.js';

/** One load balancer with its target groups and their targets' health, read together. */
export interface LoadBalancerRecord {
  readonly loadBalancer: LoadBalancer;
  readonly targetGroups: readonly TargetGroupHealth[];
  /** Set when DescribeTargetGroups was refused; `targetGroups` is then empty and means nothing. */
  readonly error?: string;
}

export type { TargetGroupHealth };

function loadBalancerResource(record: LoadBalancerRecord, ctx: CollectorContext): Resource<LoadBalancerRecord> {
  const { loadBalancer } = record;
  const id = loadBalancer.LoadBalancerName ?? '';
  return {
    arn: loadBalancer.LoadBalancerArn ?? `arn:${ctx.partition}:elasticloadbalancing:${ctx.region}:${ctx.accountId}:loadbalancer/${id}`,
    id,
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    region: ctx.region,
    accountId: ctx.accountId,
    // DescribeLoadBalancers returns no tags; DescribeTags would cost one call per 20 LBs.
    tags: {},
    data: record,
  };
}

async function readRecord(
  client: ElasticLoadBalancingV2Client,
  loadBalancer: LoadBalancer,
): Promise<LoadBalancerRecord | undefined> {
  const groups = await readTargetGroups(client, loadBalancer.LoadBalancerArn ?? '');
  if (groups === 'gone') return undefined;
  return Array.isArray(groups)
    ? { loadBalancer, targetGroups: groups }
    : { loadBalancer, targetGroups: [], error: groups.error };
}

export const elbv2LoadBalancers = defineCollector<LoadBalancerRecord>({
  id: 'elbv2.load-balancers',
  service: 'elbv2',
  scope: 'regional',
  permissions: [
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeTargetGroups',
    'elasticloadbalancing:DescribeTargetHealth',
  ],
  async *collect(ctx) {
    const client = ctx.aws.client('elbv2', ctx.region);
    for await (const page of paginateDescribeLoadBalancers({ client }, { PageSize: ELBV2_PAGE_SIZE })) {
      // The load balancers of one page are read concurrently (the call governor caps them).
      const records = await Promise.all((page.LoadBalancers ?? []).map((lb) => readRecord(client, lb)));
      for (const record of records) if (record) yield loadBalancerResource(record, ctx);
    }
  },
});
