import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { multiRegionLogging } from './multi-region-logging.js';
import { aTrail } from './trail-test-resources.js';

const REGION = '123456789012/eu-west-1';
const run = (trails: ReturnType<typeof aTrail>[]) => runCheck(multiRegionLogging, { trails }, {}, { region: 'eu-west-1' });
const multi = { IsMultiRegionTrail: true };

describe('cloudtrail.multi-region-logging', () => {
  it('passes a region covered by a logging multi-region trail homed elsewhere (shadow)', () => {
    const outcomes = run([aTrail('main', multi, {}, 'eu-west-1')]);
    expect(statuses(outcomes)).toEqual([`${REGION}:pass`]);
    expect(outcomes[0]?.resource).toEqual({
      arn: 'arn:aws:cloudtrail:eu-west-1:123456789012:account', id: REGION, type: 'AWS::::Account', region: 'eu-west-1',
    });
  });

  it('fails a region with no trail at all, with one region-level outcome', () => {
    const outcomes = run([]);
    expect(statuses(outcomes)).toEqual([`${REGION}:fail`]);
    expect(outcomes[0]?.message).toBe('No multi-region trail covers eu-west-1');
  });

  it.each<[string, Parameters<typeof aTrail>, string]>([
    ['a single-region trail only', ['local', { HomeRegion: 'eu-west-1' }], 'fail'],
    ['a stopped multi-region trail', ['main', multi, { status: { IsLogging: false } }], 'fail'],
    ['write-only management events', ['main', multi, { selectors: { eventSelectors: [{ ReadWriteType: 'WriteOnly' }], advancedEventSelectors: [] } }], 'fail'],
    ['no management events', ['main', multi, { selectors: { eventSelectors: [{ IncludeManagementEvents: false }], advancedEventSelectors: [] } }], 'fail'],
    ['status unreadable', ['main', multi, { status: { error: 'AccessDenied' } }], 'unknown'],
    ['selectors unreadable', ['main', multi, { selectors: { error: 'AccessDenied' } }], 'unknown'],
  ])('%s -> %s', (_name, args, expected) => {
    expect(statuses(run([aTrail(...args)]))).toEqual([`${REGION}:${expected}`]);
  });

  it('passes when one of several trails qualifies, naming it', () => {
    const outcomes = run([aTrail('stopped', multi, { status: { IsLogging: false } }), aTrail('good', multi)]);
    expect(statuses(outcomes)).toEqual([`${REGION}:pass`]);
    expect(outcomes[0]?.message).toContain('good');
  });
});
