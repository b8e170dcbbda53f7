// Test-only builders of credential report resources for the IAM check tests.
import { ROOT_ROW_USER, type CredentialReportKey, type CredentialReportRow } from '../../collectors/iam/credential-report-csv.js';
import { ROOT_ACCOUNT_TYPE } from '../../collectors/iam/credential-report.js';
import type { Resource } from '../../core/resource.js';
import { DAY_MS } from '../ages.js';
import { aResource, TEST_ACCOUNT, TEST_NOW } from '../check-test-kit.js';

export function daysAgo(days: number): Date {
  return new Date(TEST_NOW.getTime() - days * DAY_MS);
}

export function aKey(slot: 1 | 2, overrides: Partial<CredentialReportKey> = {}): CredentialReportKey {
  return { slot, active: false, lastRotated: null, lastUsed: null, lastUsedRegion: null, lastUsedService: null, ...overrides };
}

type RowOverrides = Partial<Omit<CredentialReportRow, 'accessKeys'>> & {
  readonly key1?: Partial<CredentialReportKey>;
  readonly key2?: Partial<CredentialReportKey>;
};

function aRow(user: string, isRoot: boolean, overrides: RowOverrides): Resource<CredentialReportRow> {
  const { key1, key2, ...fields } = overrides;
  const arn = isRoot ? `arn:aws:iam::${TEST_ACCOUNT}:root` : `arn:aws:iam::${TEST_ACCOUNT}:user/${user}`;
  const row: CredentialReportRow = {
    user, arn, isRoot,
    userCreationTime: daysAgo(400),
    passwordEnabled: isRoot ? null : false,
    passwordLastUsed: null,
    passwordLastChanged: null,
    passwordNextRotation: null,
    mfaActive: false,
    accessKeys: [aKey(1, key1), aKey(2, key2)],
    certificates: [{ slot: 1, active: false, lastRotated: null }, { slot: 2, active: false, lastRotated: null }],
    ...fields,
  };
  return aResource(row, { id: user, arn, region: 'global', type: isRoot ? ROOT_ACCOUNT_TYPE : 'AWS::IAM::User' });
}

export const aUserRow = (user: string, overrides: RowOverrides = {}) => aRow(user, false, overrides);
export const aRootRow = (overrides: RowOverrides = {}) => aRow(ROOT_ROW_USER, true, overrides);
