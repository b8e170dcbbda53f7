import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../collectors/iam/account-summary.js';
import { aResource, runCheck } from '../check-test-kit.js';
import { aRootRow, aUserRow } from './report-row-fixture.js';
import { rootMfaEnabled } from './root-mfa-enabled.js';

const summary = (data: AccountSummary) => [aResource(data, { id: '123456789012', region: 'global' })];

describe('iam.root-mfa-enabled', () => {
  it.each([
    { name: 'summary says MFA', summary: summary({ AccountMFAEnabled: 1 }), report: [], status: 'pass' },
    { name: 'summary says no MFA', summary: summary({ AccountMFAEnabled: 0 }), report: [aRootRow({ mfaActive: false })], status: 'fail' },
    { name: 'summary wins over the report', summary: summary({ AccountMFAEnabled: 0 }), report: [aRootRow({ mfaActive: true })], status: 'fail' },
    { name: 'no summary value, report root row has MFA', summary: summary({}), report: [aRootRow({ mfaActive: true })], status: 'pass' },
    { name: 'no summary, report root row without MFA', summary: [], report: [aUserRow('a', { mfaActive: true }), aRootRow()], status: 'fail' },
    { name: 'no summary and no root row', summary: [], report: [aUserRow('a', { mfaActive: true })], status: 'unknown' },
  ])('$name -> $status', ({ summary: s, report, status }) => {
    const outcomes = runCheck(rootMfaEnabled, { summary: s, report });
    expect(outcomes.map((o) => o.status)).toEqual([status]);
  });

  it('reports on the root user with a specific message', () => {
    const [outcome] = runCheck(rootMfaEnabled, { summary: summary({ AccountMFAEnabled: 0 }), report: [] });
    expect(outcome).toEqual({
      status: 'fail',
      message: 'The root user has no MFA device',
      resource: { arn: 'arn:aws:iam::123456789012:root', id: '<root_account>', type: 'AWS::IAM::RootAccount', region: 'global' },
    });
  });
});
