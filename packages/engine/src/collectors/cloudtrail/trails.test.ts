import { describe, expect, it } from 'vitest';
import { awsError, collectAll, stubbedContext, type SentCall } from '../collector-test-kit.js';
import { cloudtrailTrails } from './trails.js';

const ORG = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/org';
const LOCAL = 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/local';

function cloudtrail(call: SentCall): object {
  if (call.command === 'DescribeTrails') {
    return {
      trailList: [
        { Name: 'org', TrailARN: ORG, HomeRegion: 'us-east-1', IsMultiRegionTrail: true },
        ...(call.region === 'eu-west-1' ? [{ Name: 'local', TrailARN: LOCAL, HomeRegion: 'eu-west-1' }] : []),
      ],
    };
  }
  if (call.input['Name'] === LOCAL) throw awsError('AccessDenied');
  if (call.command === 'GetTrailStatus') return { IsLogging: true };
  return { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] };
}

describe('cloudtrail.trails', () => {
  it('asks the home region for details, once per trail per scan, and keeps errors as data', async () => {
    const { ctx, calls } = stubbedContext(cloudtrail, 'eu-west-1');
    const inEu = await collectAll(cloudtrailTrails, ctx);
    const inUs = await collectAll(cloudtrailTrails, { ...ctx, region: 'us-east-1' });

    expect(inEu.map((t) => [t.id, t.region, t.arn])).toEqual([['org', 'eu-west-1', ORG], ['local', 'eu-west-1', LOCAL]]);
    expect(inUs.map((t) => t.id)).toEqual(['org']);
    expect(calls.find((c) => c.command === 'DescribeTrails')?.input['includeShadowTrails']).toBe(true);
    const orgDetails = calls.filter((c) => c.input['Name'] === ORG || c.input['TrailName'] === ORG);
    expect(orgDetails.map((c) => `${c.command}@${c.region}`).sort()).toEqual([
      'GetEventSelectors@us-east-1',
      'GetTrailStatus@us-east-1',
    ]);
    expect(inEu[0]?.data.status).toEqual({ IsLogging: true });
    expect(inEu[0]?.data.selectors).toEqual({
      eventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
      advancedEventSelectors: [],
    });
    expect(inEu[1]?.data.status).toEqual({ error: 'AccessDenied' });
  });

  it('yields nothing for a region without trails', async () => {
    const { ctx } = stubbedContext(() => ({}));
    expect(await collectAll(cloudtrailTrails, ctx)).toEqual([]);
  });
});
