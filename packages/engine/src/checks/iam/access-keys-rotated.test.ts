import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { accessKeysRotated } from './access-keys-rotated.js';
import { aRootRow, aUserRow, daysAgo } from './report-row-fixture.js';

describe('iam.access-keys-rotated', () => {
  it.each([
    { name: 'no active key', user: aUserRow('u', { key1: { active: false, lastRotated: daysAgo(900) } }), status: 'pass' },
    { name: 'active key 30 days old', user: aUserRow('u', { key1: { active: true, lastRotated: daysAgo(30) } }), status: 'pass' },
    { name: 'active key exactly 90 days old (boundary)', user: aUserRow('u', { key1: { active: true, lastRotated: daysAgo(90) } }), status: 'pass' },
    { name: 'active key 91 days old', user: aUserRow('u', { key1: { active: true, lastRotated: daysAgo(91) } }), status: 'fail' },
    {
      name: 'fresh key 1, stale key 2',
      user: aUserRow('u', { key1: { active: true, lastRotated: daysAgo(1) }, key2: { active: true, lastRotated: daysAgo(400) } }),
      status: 'fail',
    },
    { name: 'active key without a date', user: aUserRow('u', { key1: { active: true, lastRotated: null } }), status: 'unknown' },
  ])('$name -> $status', ({ user, status }) => {
    expect(statuses(runCheck(accessKeysRotated, { report: [user] }))).toEqual([`u:${status}`]);
  });

  it('lists the stale keys with their age', () => {
    const user = aUserRow('ci', { key1: { active: true, lastRotated: daysAgo(10) }, key2: { active: true, lastRotated: daysAgo(120) } });
    expect(runCheck(accessKeysRotated, { report: [user] })[0]?.message).toBe(
      'ci has active access keys older than 90 days: key 2 (120 days)',
    );
  });

  it('honours maxAgeDays and ignores root', () => {
    const user = aUserRow('u', { key1: { active: true, lastRotated: daysAgo(40) } });
    const root = aRootRow({ key1: { active: true, lastRotated: daysAgo(900) } });
    expect(statuses(runCheck(accessKeysRotated, { report: [root, user] }, { maxAgeDays: 30 }))).toEqual(['u:fail']);
  });
});
