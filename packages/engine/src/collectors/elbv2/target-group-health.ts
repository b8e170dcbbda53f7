import {
  DescribeTargetHealthCommand,
  paginateDescribeTargetGroups,
  type ElasticLoadBalancingV2Client,
  type TargetGroup,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { deniedOrGone } from '../call-errors.js';

export interface TargetGroupHealth {
  readonly group: TargetGroup;
  readonly health: readonly TargetHealthDescription[];
  /** Set when DescribeTargetHealth was refused; `health` is then empty and means nothing. */
  readonly error?: string;
}

// 400 is the largest ELBv2 page; its paginators take the size only in the input (PageSize).
export const ELBV2_PAGE_SIZE = 400;

async function readTargetHealth(
  client: ElasticLoadBalancingV2Client,
  group: TargetGroup,
): Promise<TargetGroupHealth | undefined> {
  try {
    const output = await client.send(new DescribeTargetHealthCommand({ TargetGroupArn: group.TargetGroupArn }));
    return { group, health: output.TargetHealthDescriptions ?? [] };
  } catch (error) {
    const outcome = deniedOrGone(error, ['TargetGroupNotFoundException', 'TargetGroupNotFound']);
    return outcome === 'gone' ? undefined : { group, health: [], error: outcome.error };
  }
}

/** Every target group of one load balancer with its targets' health; `gone` if the LB was deleted. */
export async function readTargetGroups(
  client: ElasticLoadBalancingV2Client,
  loadBalancerArn: string,
): Promise<TargetGroupHealth[] | { error: string } | 'gone'> {
  const groups: TargetGroup[] = [];
  try {
    const input = { LoadBalancerArn: loadBalancerArn, PageSize: ELBV2_PAGE_SIZE };
    for await (const page of paginateDescribeTargetGroups({ client }, input)) groups.push(...(page.TargetGroups ?? []));
  } catch (error) {
    return deniedOrGone(error, ['LoadBalancerNotFoundException', 'LoadBalancerNotFound']);
  }
  const healths = await Promise.all(groups.map((group) => readTargetHealth(client, group)));
  return healths.filter((health) => health !== undefined);
}
