// Test-only builders for CloudTrail check tests.
import type { Trail } from '@aws-sdk/client-cloudtrail';
import type { TrailRecord } from '../../collectors/cloudtrail/trails.js';
import { TEST_ACCOUNT, aResource } from '../check-test-kit.js';

const MANAGEMENT_ALL = { eventSelectors: [{ ReadWriteType: 'All' as const, IncludeManagementEvents: true }], advancedEventSelectors: [] };

/** A trail as listed in `region` (default: its home region us-east-1). */
export function aTrail(name: string, trail: Partial<Trail> = {}, details: Partial<TrailRecord> = {}, region = 'us-east-1') {
  const home = trail.HomeRegion ?? 'us-east-1';
  const TrailARN = trail.TrailARN ?? `arn:aws:cloudtrail:${home}:${TEST_ACCOUNT}:trail/${name}`;
  const record: TrailRecord = {
    trail: { Name: name, TrailARN, HomeRegion: home, ...trail },
    status: { IsLogging: true },
    selectors: MANAGEMENT_ALL,
    ...details,
  };
  return aResource(record, { id: name, arn: TrailARN, type: 'AWS::CloudTrail::Trail', region });
}
