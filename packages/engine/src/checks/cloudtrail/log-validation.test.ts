import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { logValidation } from './log-validation.js';
import { aTrail } from './trail-test-resources.js';

describe('cloudtrail.log-validation', () => {
  it('passes validated trails, fails the others', () => {
    const outcomes = runCheck(logValidation, {
      trails: [aTrail('on', { LogFileValidationEnabled: true }), aTrail('off', { LogFileValidationEnabled: false }), aTrail('unset')],
    });
    expect(statuses(outcomes)).toEqual(['on:pass', 'off:fail', 'unset:fail']);
  });

  it('reports a multi-region trail only in its home region, and not another account\'s organization trail', () => {
    const trails = [
      aTrail('shadow', { HomeRegion: 'us-east-1', IsMultiRegionTrail: true }, {}, 'eu-west-1'),
      aTrail('home', { HomeRegion: 'eu-west-1' }, {}, 'eu-west-1'),
      aTrail('org', { HomeRegion: 'eu-west-1', TrailARN: 'arn:aws:cloudtrail:eu-west-1:999999999999:trail/org' }, {}, 'eu-west-1'),
    ];
    expect(statuses(runCheck(logValidation, { trails }, {}, { region: 'eu-west-1' }))).toEqual(['home:fail']);
  });

  it('returns nothing without trails', () => {
    expect(runCheck(logValidation, { trails: [] })).toEqual([]);
  });
});
