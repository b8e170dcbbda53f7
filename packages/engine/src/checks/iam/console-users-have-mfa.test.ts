import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { consoleUsersHaveMfa } from './console-users-have-mfa.js';
import { aRootRow, aUserRow } from './report-row-fixture.js';

describe('iam.console-users-have-mfa', () => {
  it('fails a console user without MFA and passes the others; skips root', () => {
    const outcomes = runCheck(consoleUsersHaveMfa, {
      report: [
        aRootRow({ mfaActive: false }),
        aUserRow('with-mfa', { passwordEnabled: true, mfaActive: true }),
        aUserRow('no-mfa', { passwordEnabled: true, mfaActive: false }),
        aUserRow('api-only', { passwordEnabled: false, mfaActive: false }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['with-mfa:pass', 'no-mfa:fail', 'api-only:pass']);
    expect(outcomes[1]?.message).toBe('no-mfa has a console password but no MFA device');
  });

  it('is unknown when a user row has no readable password_enabled value', () => {
    const outcomes = runCheck(consoleUsersHaveMfa, { report: [aUserRow('odd', { passwordEnabled: null })] });
    expect(statuses(outcomes)).toEqual(['odd:unknown']);
  });

  it('returns nothing when the report has only the root row', () => {
    expect(runCheck(consoleUsersHaveMfa, { report: [aRootRow()] })).toEqual([]);
  });
});
