import type { Instance, LambdaFunction, LoadBalancer, LogGroup, TargetGroup, Vpc } from '../model.js';
import { mix32 } from '../random.js';
import { DAY_MS } from '../time.js';
import { arnOf, kmsKeyArn } from './context.js';
import type { RegionalInput } from './rds-kms.js';

/** Deprecated runtimes (python3.7, nodejs14.x, ...) mixed with supported ones. */
const RUNTIMES = [['python3.12', 5], ['nodejs20.x', 5], ['python3.7', 1], ['nodejs14.x', 1], ['java8', 1], ['go1.x', 1], ['java21', 2], ['nodejs22.x', 3], ['python3.9', 1], ['ruby2.7', 1]] as const;

export function generateLambdas(input: RegionalInput, count: number): LambdaFunction[] {
  const { ctx, rng, region } = input;
  return Array.from({ length: count }, (_, i) => {
    const name = `${rng.pick(['ingest', 'resize', 'notify', 'cron', 'api'])}-fn-${i}`;
    const runtime = rng.weighted(RUNTIMES);
    return {
      name, arn: arnOf('lambda', region, ctx.accountId, `function:${name}`), region, runtime,
      role: `arn:aws:iam::${ctx.accountId}:role/lambda-role-${i % 5}`, handler: runtime.startsWith('python') ? 'app.handler' : 'index.handler',
      memory: rng.pick([128, 256, 512, 1024]), timeout: rng.pick([3, 30, 300]), codeSize: rng.int(1_000, 50_000_000),
      lastModified: ctx.now - rng.int(1, 1200) * DAY_MS - rng.int(0, 86_399) * 1000,
    };
  });
}

export function generateLoadBalancers(input: RegionalInput, count: number, vpcs: Vpc[], instances: Instance[]): { loadBalancers: LoadBalancer[]; targetGroups: TargetGroup[] } {
  const { ctx, rng, region, salt } = input;
  const loadBalancers: LoadBalancer[] = [];
  const targetGroups: TargetGroup[] = [];
  for (let i = 0; i < count; i++) {
    const type = rng.chance(0.7) ? 'application' as const : 'network' as const;
    const name = `${type === 'application' ? 'alb' : 'nlb'}-${i}`;
    const hash = mix32(salt + i).toString(16).padStart(8, '0');
    const lb: LoadBalancer = {
      arn: arnOf('elasticloadbalancing', region, ctx.accountId, `loadbalancer/${type === 'application' ? 'app' : 'net'}/${name}/${hash}${hash}`),
      name, region, type, scheme: rng.chance(0.6) ? 'internet-facing' : 'internal', state: rng.chance(0.95) ? 'active' : 'provisioning',
      vpcId: rng.pick(vpcs).id, createTime: ctx.now - rng.int(10, 900) * DAY_MS, dnsName: `${name}-${hash}.${region}.elb.amazonaws.com`, securityGroupIds: [],
    };
    loadBalancers.push(lb);
    // Some load balancers have no target groups at all (an idle-cost finding).
    const groupCount = rng.weighted([[0, 2], [1, 6], [2, 2]] as const);
    for (let g = 0; g < groupCount; g++) targetGroups.push(targetGroup(input, lb, targetGroups.length, instances));
  }
  return { loadBalancers, targetGroups };
}

function targetGroup(input: RegionalInput, lb: LoadBalancer, index: number, instances: Instance[]): TargetGroup {
  const { ctx, rng, region, salt } = input;
  const name = `tg-${lb.name}-${index}`;
  const targetCount = instances.length === 0 ? 0 : rng.weighted([[0, 2], [1, 3], [2, 3], [3, 2]] as const);
  return {
    arn: arnOf('elasticloadbalancing', region, ctx.accountId, `targetgroup/${name}/${mix32(salt ^ index).toString(16).padStart(8, '0')}`),
    name, region, protocol: lb.type === 'application' ? 'HTTP' : 'TCP', port: 80, vpcId: lb.vpcId, loadBalancerArns: [lb.arn],
    targets: Array.from({ length: targetCount }, () => {
      const instance = rng.pick(instances);
      return { id: instance.id, port: 80, state: instance.state === 'stopped' ? 'unused' as const : rng.chance(0.8) ? 'healthy' as const : 'unhealthy' as const };
    }),
  };
}

export function generateLogGroups(input: RegionalInput, count: number): LogGroup[] {
  const { ctx, rng, region } = input;
  return Array.from({ length: count }, (_, i) => {
    const name = `/${rng.pick(['aws/lambda', 'ecs', 'app', 'aws/rds'])}/${rng.pick(['orders', 'users', 'ingest', 'web'])}-${i}`;
    const arn = arnOf('logs', region, ctx.accountId, `log-group:${name}`);
    return {
      name, arn, region, createTime: ctx.now - rng.int(1, 1500) * DAY_MS,
      // "Never expire" retention is the default and the cost finding.
      ...(rng.chance(0.5) ? { retentionInDays: rng.pick([1, 7, 14, 30, 90, 365, 3653]) } : {}),
      storedBytes: rng.int(0, 500) * rng.int(0, 100_000_000),
      ...(rng.chance(0.2) ? { kmsKeyId: kmsKeyArn(rng, region, ctx.accountId) } : {}),
    };
  });
}
