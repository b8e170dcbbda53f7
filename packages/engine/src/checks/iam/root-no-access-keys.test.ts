import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../collectors/iam/account-summary.js';
import { aResource, runCheck } from '../check-test-kit.js';
import { aRootRow, aUserRow, daysAgo } from './report-row-fixture.js';
import { rootNoAccessKeys } from './root-no-access-keys.js';

const summary = (data: AccountSummary) => [aResource(data, { id: '123456789012', region: 'global' })];
const run = (s: ReturnType<typeof summary>, report: ReturnType<typeof aRootRow>[]) => runCheck(rootNoAccessKeys, { summary: s, report });

describe('iam.root-no-access-keys', () => {
  it.each([
    { name: 'no keys', key1: {}, key2: {}, present: 0, status: 'pass', message: 'The root user has no access keys' },
    {
      name: 'an active key 1', key1: { active: true, lastRotated: daysAgo(3) }, key2: {}, present: 1,
      status: 'fail', message: 'The root user has an access key: key 1 (active)',
    },
    {
      name: 'an inactive key 2 (it still exists)', key1: {}, key2: { active: false, lastRotated: daysAgo(300) }, present: 1,
      status: 'fail', message: 'The root user has an access key: key 2 (inactive)',
    },
    {
      name: 'two keys', key1: { active: true, lastRotated: daysAgo(3) }, key2: { active: false, lastRotated: daysAgo(9) }, present: 1,
      status: 'fail', message: 'The root user has access keys: key 1 (active), key 2 (inactive)',
    },
  ])('$name -> $status', ({ key1, key2, present, status, message }) => {
    const report = [aUserRow('alice', { key1: { active: true, lastRotated: daysAgo(1) } }), aRootRow({ key1, key2 })];
    const outcomes = run(summary({ AccountAccessKeysPresent: present }), report);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status, message, resource: { id: '<root_account>' } });
    // The same answer from the report alone (summary without the key).
    expect(run(summary({}), report)[0]).toMatchObject({ status, message });
  });

  it('fails from the summary alone when the report has no root row', () => {
    expect(run(summary({ AccountAccessKeysPresent: 1 }), [aUserRow('a')])[0]).toMatchObject({ status: 'fail', message: 'The root user has access keys' });
    expect(run(summary({ AccountAccessKeysPresent: 0 }), [])[0]?.status).toBe('pass');
  });

  it('is unknown with neither source', () => {
    expect(run([], []).map((o) => o.status)).toEqual(['unknown']);
    expect(run(summary({}), [aUserRow('a')]).map((o) => o.status)).toEqual(['unknown']);
  });
});
