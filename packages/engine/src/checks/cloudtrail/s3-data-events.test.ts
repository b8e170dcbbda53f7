import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { s3DataEvents } from './s3-data-events.js';
import { aTrail } from './trail-test-resources.js';

const REGION = '123456789012/us-east-1';
const s3 = (ReadWriteType: 'All' | 'ReadOnly' | 'WriteOnly') => ({
  eventSelectors: [{ ReadWriteType, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
  advancedEventSelectors: [],
});

describe('cloudtrail.s3-data-events', () => {
  it('passes when a logging trail records reads and writes for all buckets', () => {
    expect(statuses(runCheck(s3DataEvents, { trails: [aTrail('data', {}, { selectors: s3('All') })] }))).toEqual([`${REGION}:pass`]);
  });

  it('combines a read trail and a write trail', () => {
    const trails = [aTrail('r', {}, { selectors: s3('ReadOnly') }), aTrail('w', {}, { selectors: s3('WriteOnly') })];
    expect(statuses(runCheck(s3DataEvents, { trails }))).toEqual([`${REGION}:pass`]);
  });

  it('fails naming what is missing, and ignores stopped trails', () => {
    const [writeOnly] = runCheck(s3DataEvents, { trails: [aTrail('w', {}, { selectors: s3('WriteOnly') })] });
    expect(writeOnly?.message).toBe('No logging trail records S3 object-level read (CIS 3.9) events for all buckets in us-east-1');
    const stopped = runCheck(s3DataEvents, { trails: [aTrail('s', {}, { selectors: s3('All'), status: { IsLogging: false } })] });
    expect(statuses(stopped)).toEqual([`${REGION}:fail`]);
    expect(stopped[0]?.message).toContain('write (CIS 3.8) and read (CIS 3.9)');
  });

  it('fails with no trails and answers unknown when a trail is unreadable', () => {
    expect(statuses(runCheck(s3DataEvents, { trails: [] }))).toEqual([`${REGION}:fail`]);
    const unreadable = runCheck(s3DataEvents, { trails: [aTrail('x', {}, { selectors: { error: 'AccessDenied' } })] });
    expect(statuses(unreadable)).toEqual([`${REGION}:unknown`]);
  });
});
