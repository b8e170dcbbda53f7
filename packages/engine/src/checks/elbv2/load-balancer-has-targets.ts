import { elbv2LoadBalancers, type TargetGroupHealth } from '../../collectors/elbv2/load-balancers.js';
import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { hourlyCost } from '../../pricing/estimate.js';
import { US_EAST_1 } from '../../pricing/price-table.js';

const HOURLY: Readonly<Record<string, { price: number; what: string }>> = {
  application: { price: US_EAST_1.albHour, what: 'Application Load Balancer' },
  network: { price: US_EAST_1.nlbHour, what: 'Network Load Balancer' },
  gateway: { price: US_EAST_1.gwlbHour, what: 'Gateway Load Balancer' },
};
const UNKNOWN_TYPE = { price: US_EAST_1.albHour, what: 'load balancer (type unknown, ALB price)' };

// With health checks off (e.g. some Lambda targets) targets report "unavailable" yet get traffic.
function servingTargets({ group, health }: TargetGroupHealth): number {
  return health.filter(
    (h) => h.TargetHealth?.State === 'healthy' || (group.HealthCheckEnabled === false && h.TargetHealth?.State === 'unavailable'),
  ).length;
}

export const loadBalancerHasTargets = defineCheck({
  id: 'elbv2.load-balancer-has-targets',
  title: 'Load balancers have healthy targets',
  kind: 'cost',
  severity: 'low',
  description:
    'A load balancer is billed by the hour whether or not it serves anything. One with no healthy ' +
    'target in any target group serves no traffic, and is usually left over from a removed service.',
  remediation: {
    text: 'If nothing should be behind it, delete the load balancer (check DNS records first); otherwise fix the targets or their health checks.',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-delete.html',
  },
  compliance: [],
  uses: { loadBalancers: elbv2LoadBalancers },
  settings: noSettings,
  evaluate: ({ loadBalancers }) =>
    loadBalancers.map((lb) => {
      const { loadBalancer, targetGroups, error } = lb.data;
      const name = `Load balancer ${lb.id}`;
      if (error) return unknown(lb, `Could not read the target groups of ${name} (${error})`);
      const serving = targetGroups.reduce((sum, group) => sum + servingTargets(group), 0);
      if (serving > 0) return pass(lb, `${name} has ${serving} healthy target(s)`);
      if (loadBalancer.State?.Code === 'provisioning') return pass(lb, `${name} is still being provisioned`);
      const denied = targetGroups.find((group) => group.error);
      if (denied) return unknown(lb, `Could not read target health of ${name} (${denied.error ?? 'error'})`);
      const { price, what } = HOURLY[loadBalancer.Type ?? ''] ?? UNKNOWN_TYPE;
      const cost = hourlyCost(price, what, lb.region);
      const groups = targetGroups.length === 0 ? 'no target groups' : `${targetGroups.length} target group(s), none healthy`;
      return fail(lb, `${name} has ${groups}; it costs $${cost.monthlyUsd.toFixed(2)} a month before capacity-unit charges`, cost);
    }),
});
