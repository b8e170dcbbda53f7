import { createRng, type Rng } from './random.js';
import type { FaultRule } from './types.js';

/** Accept the SDK client names too, so `elbv2` or `cloudwatch-logs` in a rule match what we route. */
const ALIASES: Record<string, string> = {
  elbv2: 'elasticloadbalancing', 'elastic-load-balancing-v2': 'elasticloadbalancing', 'cloudwatch-logs': 'logs', s3control: 's3-control',
};

export class FaultInjector {
  private rules: FaultRule[];
  private readonly rng: Rng;

  constructor(rules: FaultRule[] = [], seed = 1) {
    this.rules = [...rules];
    this.rng = createRng(seed, 'faults');
  }

  set(rules: FaultRule[]): void {
    this.rules = [...rules];
  }

  /** First matching rule applies; its probability then decides whether this call is hit. */
  pick(call: { service: string; region: string; action: string }): FaultRule | undefined {
    const rule = this.rules.find((r) => matches(r, call));
    if (!rule) return undefined;
    const p = rule.probability ?? 1;
    return p >= 1 || this.rng.next() < p ? rule : undefined;
  }
}

function matches(rule: FaultRule, call: { service: string; region: string; action: string }): boolean {
  const service = rule.service === undefined ? undefined : (ALIASES[rule.service] ?? rule.service);
  return (service === undefined || service === call.service)
    && (rule.region === undefined || rule.region === call.region)
    && (rule.action === undefined || rule.action === call.action);
}
