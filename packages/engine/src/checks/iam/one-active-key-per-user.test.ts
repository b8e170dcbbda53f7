import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { oneActiveKeyPerUser } from './one-active-key-per-user.js';
import { aRootRow, aUserRow, daysAgo } from './report-row-fixture.js';

const active = { active: true, lastRotated: daysAgo(10) };
const inactive = { active: false, lastRotated: daysAgo(100) };

describe('iam.one-active-key-per-user', () => {
  it.each([
    { name: 'no keys', user: aUserRow('u'), status: 'pass' },
    { name: 'one active key', user: aUserRow('u', { key2: active }), status: 'pass' },
    { name: 'one active, one inactive', user: aUserRow('u', { key1: active, key2: inactive }), status: 'pass' },
    { name: 'two active keys', user: aUserRow('u', { key1: active, key2: active }), status: 'fail' },
  ])('$name -> $status', ({ user, status }) => {
    expect(statuses(runCheck(oneActiveKeyPerUser, { report: [user] }))).toEqual([`u:${status}`]);
  });

  it('ignores the root row even with two active keys', () => {
    expect(runCheck(oneActiveKeyPerUser, { report: [aRootRow({ key1: active, key2: active })] })).toEqual([]);
  });

  it('says how many keys are active', () => {
    const [outcome] = runCheck(oneActiveKeyPerUser, { report: [aUserRow('dev', { key1: active, key2: active })] });
    expect(outcome?.message).toBe('dev has 2 active access keys');
  });
});
