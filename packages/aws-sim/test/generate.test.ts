import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { countResources, generateAccount, STANDARD_REGIONS } from '../src/index.js';
import { clientConfig, withSim } from './helpers.js';

describe('generateAccount', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateAccount({ seed: 77 });
    const b = generateAccount({ seed: 77 });
    const c = generateAccount({ seed: 78 });
    expect(JSON.stringify(a, mapReplacer)).toBe(JSON.stringify(b, mapReplacer));
    expect(JSON.stringify(a, mapReplacer)).not.toBe(JSON.stringify(c, mapReplacer));
  });

  it('defaults to a small account over the 17 standard regions at a fixed now', () => {
    const account = generateAccount();
    expect(account.enabledRegions).toEqual([...STANDARD_REGIONS]);
    expect(account.now).toBe(Date.parse('2026-12-01T00:00:00Z'));
    const counts = countResources(account);
    expect(counts.instances).toBe(40);
    expect(counts.total).toBeLessThan(1000);
  });

  it('keeps the model consistent: attached volumes point at instances that list them', () => {
    const account = generateAccount({ seed: 3, size: { instances: 200, volumes: 260 } });
    for (const region of Object.values(account.byRegion)) {
      const byId = new Map(region.ec2.instances.map((i) => [i.id, i]));
      for (const v of region.ec2.volumes) {
        if (!v.attachment) continue;
        expect(byId.get(v.attachment.instanceId)?.blockDevices.some((b) => b.volumeId === v.id)).toBe(true);
      }
    }
    const ids = Object.values(account.byRegion).flatMap((r) => [...r.ec2.instances.map((i) => i.id), ...r.ec2.volumes.map((v) => v.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('large preset: ~50k resources across 17 regions', () => {
    const started = performance.now();
    const account = generateAccount({ seed: 1, size: 'large' });
    const elapsed = performance.now() - started;
    const counts = countResources(account);
    expect(account.enabledRegions).toHaveLength(17);
    expect(counts).toMatchObject({ instances: 12_000, volumes: 13_000, snapshots: 5_000, buckets: 400, users: 2_000, roles: 700 });
    expect(counts.total).toBeGreaterThan(45_000);
    expect(counts.total).toBeLessThan(55_000);
    for (const region of Object.values(account.byRegion)) {
      expect(region.ec2.securityGroups.length).toBeGreaterThan(0);
      expect(region.ec2.vpcs.length).toBeGreaterThan(0);
    }
    expect(elapsed).toBeLessThan(10_000); // the < 3 s budget is measured in docs, not asserted under CI load
  });

  it('serves a 1000-instance page of the large account', async () => {
    await withSim({ size: 'large', regions: ['us-east-1'], seed: 2 }, async (sim) => {
      const out = await new EC2Client(clientConfig(sim)).send(new DescribeInstancesCommand({ MaxResults: 1000 }));
      const count = (out.Reservations ?? []).reduce((n, r) => n + (r.Instances?.length ?? 0), 0);
      expect(count).toBe(1000);
      expect(out.NextToken).toBeTruthy();
    });
  });
});

function mapReplacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? [...value.keys()] : value;
}
