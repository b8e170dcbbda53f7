import { describe, expect, it } from 'vitest';
import { runCheck } from '../check-test-kit.js';
import { aRootRow, daysAgo } from './report-row-fixture.js';
import { rootNotUsedRecently } from './root-not-used-recently.js';

describe('iam.root-not-used-recently', () => {
  it.each([
    { name: 'never used', root: aRootRow(), status: 'pass' },
    { name: 'password used 10 days ago', root: aRootRow({ passwordLastUsed: daysAgo(10) }), status: 'fail' },
    { name: 'password used 200 days ago', root: aRootRow({ passwordLastUsed: daysAgo(200) }), status: 'pass' },
    { name: 'used exactly 90 days ago (boundary)', root: aRootRow({ passwordLastUsed: daysAgo(90) }), status: 'pass' },
    { name: 'used 89 days ago', root: aRootRow({ passwordLastUsed: daysAgo(89) }), status: 'fail' },
    {
      name: 'old password but a key used yesterday',
      root: aRootRow({ passwordLastUsed: daysAgo(300), key2: { active: true, lastRotated: daysAgo(500), lastUsed: daysAgo(1) } }),
      status: 'fail',
    },
  ])('$name -> $status', ({ root, status }) => {
    expect(runCheck(rootNotUsedRecently, { report: [root] }).map((o) => o.status)).toEqual([status]);
  });

  it('names the most recent use in the message', () => {
    const root = aRootRow({ passwordLastUsed: daysAgo(30), key1: { lastUsed: daysAgo(2) } });
    expect(runCheck(rootNotUsedRecently, { report: [root] })[0]?.message).toBe(
      'The root user was used on 2026-11-29 (by access key 1), within the last 90 days',
    );
  });

  it('honours the days setting', () => {
    const root = aRootRow({ passwordLastUsed: daysAgo(10) });
    expect(runCheck(rootNotUsedRecently, { report: [root] }, { days: 7 }).map((o) => o.status)).toEqual(['pass']);
  });

  it('rejects a non-positive days setting', () => {
    expect(() => runCheck(rootNotUsedRecently, { report: [] }, { days: 0 })).toThrow();
  });

  it('is unknown without a root row', () => {
    expect(runCheck(rootNotUsedRecently, { report: [] }).map((o) => o.status)).toEqual(['unknown']);
  });
});
