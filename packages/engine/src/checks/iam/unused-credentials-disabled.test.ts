import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { aRootRow, aUserRow, daysAgo } from './report-row-fixture.js';
import { unusedCredentialsDisabled } from './unused-credentials-disabled.js';

const run = (user: ReturnType<typeof aUserRow>, settings = {}) => runCheck(unusedCredentialsDisabled, { report: [user] }, settings);

describe('iam.unused-credentials-disabled', () => {
  it.each([
    { name: 'no credentials', user: aUserRow('u'), status: 'pass' },
    { name: 'password used 10 days ago', user: aUserRow('u', { passwordEnabled: true, passwordLastUsed: daysAgo(10) }), status: 'pass' },
    { name: 'password used 44 days ago', user: aUserRow('u', { passwordEnabled: true, passwordLastUsed: daysAgo(44) }), status: 'pass' },
    { name: 'password used exactly 45 days ago', user: aUserRow('u', { passwordEnabled: true, passwordLastUsed: daysAgo(45) }), status: 'fail' },
    { name: 'password never used, set 60 days ago', user: aUserRow('u', { passwordEnabled: true, passwordLastChanged: daysAgo(60) }), status: 'fail' },
    { name: 'password never used, set 5 days ago', user: aUserRow('u', { passwordEnabled: true, passwordLastChanged: daysAgo(5) }), status: 'pass' },
    { name: 'disabled password last used long ago', user: aUserRow('u', { passwordEnabled: false, passwordLastUsed: daysAgo(400) }), status: 'pass' },
    { name: 'active key used yesterday', user: aUserRow('u', { key1: { active: true, lastRotated: daysAgo(300), lastUsed: daysAgo(1) } }), status: 'pass' },
    { name: 'active key never used, created 50 days ago', user: aUserRow('u', { key1: { active: true, lastRotated: daysAgo(50) } }), status: 'fail' },
    { name: 'inactive key unused for a year', user: aUserRow('u', { key2: { active: false, lastRotated: daysAgo(400) } }), status: 'pass' },
    { name: 'active key with no dates at all', user: aUserRow('u', { key1: { active: true } }), status: 'unknown' },
    { name: 'password_enabled unreadable', user: aUserRow('u', { passwordEnabled: null }), status: 'unknown' },
  ])('$name -> $status', ({ user, status }) => {
    expect(statuses(run(user))).toEqual([`u:${status}`]);
  });

  it('falls back to the user creation date for a never-used password with no change date', () => {
    const user = aUserRow('u', { passwordEnabled: true, userCreationTime: daysAgo(100) });
    expect(run(user)[0]?.message).toBe('u has credentials unused for 45+ days: console password never used, issued 100 days ago');
  });

  it('fails on a definite idle credential even when another is undated', () => {
    const user = aUserRow('u', { key1: { active: true }, key2: { active: true, lastRotated: daysAgo(80), lastUsed: daysAgo(70) } });
    expect(run(user)[0]).toMatchObject({ status: 'fail', message: 'u has credentials unused for 45+ days: access key 2 last used 70 days ago' });
  });

  it('honours maxUnusedDays and ignores root', () => {
    const user = aUserRow('u', { passwordEnabled: true, passwordLastUsed: daysAgo(100) });
    expect(statuses(runCheck(unusedCredentialsDisabled, { report: [aRootRow({ passwordLastUsed: daysAgo(900) }), user] }, { maxUnusedDays: 120 }))).toEqual(['u:pass']);
  });
});
