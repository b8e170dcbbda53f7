import { loadBalancerHasTargets } from './load-balancer-has-targets.js';

/** Sorted by id. */
export const elbv2Checks = [loadBalancerHasTargets] as const;
