import type { Instance, Volume, VolumeType } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { instanceNotLongStopped, stoppedSince } from './instance-not-long-stopped.js';

// TEST_NOW is 2026-12-01T00:00:00Z.
const instance = (id: string, data: Instance) =>
  aResource<Instance>({ InstanceId: id, State: { Name: 'stopped' }, ...data }, { id });
const stoppedAt = (when: string) => ({ StateTransitionReason: `User initiated (${when} GMT)` });
const volume = (id: string, instanceId: string, size: number, type: VolumeType) =>
  aResource<Volume>({ VolumeId: id, Size: size, VolumeType: type, Attachments: [{ InstanceId: instanceId, State: 'attached' }] }, { id });

describe('stoppedSince', () => {
  it.each<[string | undefined, string | undefined]>([
    ['User initiated (2026-10-01 08:15:00 GMT)', '2026-10-01T08:15:00.000Z'],
    ['Service initiated (2025-01-31 23:59:59 GMT)', '2025-01-31T23:59:59.000Z'],
    ['User initiated', undefined],
    ['', undefined],
    [undefined, undefined],
    ['User initiated (2026-13-01 00:00:00 GMT)', undefined],
  ])('%s -> %s', (reason, expected) => {
    expect(stoppedSince(reason)?.toISOString()).toBe(expected);
  });
});

describe('ec2.instance-not-long-stopped', () => {
  it('fails an instance stopped 61 days with its volumes storage: 8 GiB gp3 $0.64 + 100 GiB gp2 $10 = $10.64', () => {
    const outcomes = runCheck(instanceNotLongStopped, {
      instances: [instance('i-old', stoppedAt('2026-10-01 00:00:00'))],
      volumes: [volume('vol-root', 'i-old', 8, 'gp3'), volume('vol-data', 'i-old', 100, 'gp2'), volume('vol-other', 'i-x', 500, 'gp2')],
    });
    const [outcome] = outcomes;
    expect(outcome?.status === 'fail' && outcome.savings?.monthlyUsd).toBe(10.64);
    expect(outcome?.status === 'fail' && outcome.savings?.basis).toMatch(/^vol-root: 8 GiB .* \+ vol-data: 100 GiB/);
    expect(outcome?.message).toBe(
      'Instance i-old has been stopped for 61 days (since 2026-10-01), over the 30-day limit; its EBS volumes still cost $10.64 a month',
    );
  });

  it('passes at exactly the limit and fails one second past it', () => {
    const outcomes = runCheck(instanceNotLongStopped, {
      instances: [instance('i-30d', stoppedAt('2026-11-01 00:00:00')), instance('i-30d1s', stoppedAt('2026-10-31 23:59:59'))],
      volumes: [],
    });
    expect(statuses(outcomes)).toEqual(['i-30d:pass', 'i-30d1s:fail']);
    expect(outcomes[1]?.status === 'fail' && outcomes[1].savings).toBeUndefined();
  });

  it('honours the maxStoppedDays setting', () => {
    const outcomes = runCheck(
      instanceNotLongStopped,
      { instances: [instance('i-1', stoppedAt('2026-11-20 00:00:00'))], volumes: [] },
      { maxStoppedDays: 7 },
    );
    expect(statuses(outcomes)).toEqual(['i-1:fail']);
  });

  it('is unknown when the stop date cannot be read, and ignores running and terminated instances', () => {
    const outcomes = runCheck(instanceNotLongStopped, {
      instances: [
        instance('i-nodate', { StateTransitionReason: 'Server.InternalError' }),
        instance('i-run', { State: { Name: 'running' } }),
        instance('i-dead', { State: { Name: 'terminated' }, ...stoppedAt('2020-01-01 00:00:00') }),
      ],
      volumes: [],
    });
    expect(statuses(outcomes)).toEqual(['i-nodate:unknown', 'i-run:pass']);
  });
});
