import type { Volume } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { ec2Instances } from '../../collectors/ec2/instances.js';
import { ec2Volumes } from '../../collectors/ec2/volumes.js';
import { defineCheck, fail, pass, unknown, type Savings } from '../../core/check.js';
import type { Resource } from '../../core/resource.js';
import { ebsStorageCost } from '../../pricing/estimate.js';
import { daysSince, isoDay } from '../ages.js';

// EC2 records when an instance stopped only inside free text, e.g.
// "User initiated (2024-05-01 12:30:00 GMT)"; some stop reasons carry no date at all.
const STOP_TIME = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) GMT\)/;

/** When the instance last changed state, read from its StateTransitionReason. */
export function stoppedSince(stateTransitionReason: string | undefined): Date | undefined {
  const match = STOP_TIME.exec(stateTransitionReason ?? '');
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A stopped instance keeps paying for its EBS volumes; that is what stopping longer wastes. */
function attachedStorageCost(instanceId: string, volumes: ReadonlyArray<Resource<Volume>>): Savings | undefined {
  const attached = volumes.filter((v) => v.data.Attachments?.some((a) => a.InstanceId === instanceId));
  if (attached.length === 0) return undefined;
  const costs = attached.map((v) => ({ id: v.id, ...ebsStorageCost(v.data.Size ?? 0, v.data.VolumeType, v.region) }));
  const total = costs.reduce((sum, cost) => sum + cost.monthlyUsd, 0);
  return { monthlyUsd: Math.round(total * 100) / 100, basis: costs.map((c) => `${c.id}: ${c.basis}`).join(' + ') };
}

export const instanceNotLongStopped = defineCheck({
  id: 'ec2.instance-not-long-stopped',
  title: 'EC2 instances are not left stopped for long',
  kind: 'cost',
  severity: 'low',
  description:
    'A stopped instance costs no compute, but its EBS volumes (and any Elastic IP) are still billed. ' +
    'An instance stopped for weeks is usually forgotten; an AMI or snapshot keeps it restorable for less.',
  remediation: {
    text: 'If the instance is still needed, create an AMI; then terminate it so its volumes are deleted.',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/terminating-instances.html',
  },
  compliance: [],
  uses: { instances: ec2Instances, volumes: ec2Volumes },
  settings: z.object({ maxStoppedDays: z.number().int().positive().default(30) }),
  evaluate: ({ instances, volumes }, { maxStoppedDays }, ctx) =>
    instances
      .filter((instance) => instance.data.State?.Name !== 'terminated')
      .map((instance) => {
        const name = `Instance ${instance.id}${instance.tags.Name ? ` (${instance.tags.Name})` : ''}`;
        const state = instance.data.State?.Name;
        if (state !== 'stopped') return pass(instance, `${name} is ${state ?? 'not stopped'}`);
        const since = stoppedSince(instance.data.StateTransitionReason);
        if (!since) return unknown(instance, `${name} is stopped, but EC2 does not say since when`);
        const days = daysSince(since, ctx.now);
        const stopped = `${name} has been stopped for ${Math.floor(days)} days (since ${isoDay(since)})`;
        if (days <= maxStoppedDays) return pass(instance, stopped);
        const over = `${stopped}, over the ${maxStoppedDays}-day limit`;
        const cost = attachedStorageCost(instance.id, volumes);
        return cost
          ? fail(instance, `${over}; its EBS volumes still cost $${cost.monthlyUsd.toFixed(2)} a month`, cost)
          : fail(instance, `${over}; no attached EBS volume was found to price`);
      }),
});
