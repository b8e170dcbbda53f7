import { describe, expect, it } from 'vitest';
import { ebsStorageCost, gp2ToGp3Saving, hourlyCost } from './estimate.js';
import { US_EAST_1 } from './price-table.js';

describe('cost estimates, checked against hand-computed figures', () => {
  it('prices 100 GiB of gp2 in us-east-1 at $10.00 a month', () => {
    const cost = ebsStorageCost(100, 'gp2', 'us-east-1');
    expect(cost.monthlyUsd).toBe(10);
    expect(cost.basis).toContain('100 GiB x $0.100/GB-month gp2 (us-east-1 list price of');
  });

  it('applies the regional factor: 50 GiB gp3 in sa-east-1 = 50 x 0.08 x 1.9 = $7.60', () => {
    expect(ebsStorageCost(50, 'gp3', 'sa-east-1').monthlyUsd).toBe(7.6);
  });

  it('prices an unknown volume type as gp2 rather than as free', () => {
    expect(ebsStorageCost(10, 'future-type', 'us-east-1').monthlyUsd).toBe(1);
  });

  it('saves $0.02/GB-month moving gp2 to gp3 in us-east-1: 500 GiB -> $10.00', () => {
    expect(gp2ToGp3Saving(500, 'us-east-1').monthlyUsd).toBe(10);
  });

  it('prices an idle public IPv4 at $0.005 x 730 = $3.65 a month, not hourly', () => {
    const cost = hourlyCost(US_EAST_1.publicIpv4Hour, 'public IPv4 address', 'us-east-1');
    expect(cost.monthlyUsd).toBe(3.65);
    expect(cost.basis).toContain('x 730 hours');
  });
});
