import type { DBInstance } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../core/check.js';
import { aResource, runCheck } from '../check-test-kit.js';
import { autoMinorUpgrade } from './auto-minor-upgrade.js';
import { dbInstanceEncrypted } from './instance-encrypted.js';
import { dbInstanceNotPublic } from './instance-not-public.js';

const db = (data: DBInstance) =>
  aResource<DBInstance>({ DBInstanceIdentifier: 'orders', Engine: 'postgres', EngineVersion: '16.3', ...data }, { id: 'orders' });
const statusOf = (check: Check, data: DBInstance) => runCheck(check, { instances: [db(data)] })[0]?.status;

// The three checks read one boolean each from DescribeDBInstances.
describe.each<[string, Check, keyof DBInstance, boolean]>([
  ['rds.instance-encrypted', dbInstanceEncrypted, 'StorageEncrypted', true],
  ['rds.instance-not-public', dbInstanceNotPublic, 'PubliclyAccessible', false],
  ['rds.auto-minor-upgrade', autoMinorUpgrade, 'AutoMinorVersionUpgrade', true],
])('%s', (_id, check, field, good) => {
  it(`passes when ${field} is ${good}`, () => expect(statusOf(check, { [field]: good })).toBe('pass'));
  it(`fails when ${field} is ${!good}`, () => expect(statusOf(check, { [field]: !good })).toBe('fail'));
  it(`is unknown when ${field} is missing`, () => expect(statusOf(check, {})).toBe('unknown'));
  it('returns nothing for a region without instances', () => expect(runCheck(check, { instances: [] })).toEqual([]));
});

describe('RDS instance messages', () => {
  it('names what fails', () => {
    const instance = { StorageEncrypted: false, PubliclyAccessible: true, AutoMinorVersionUpgrade: false, Endpoint: { Address: 'orders.abc.rds.amazonaws.com' } };
    expect(runCheck(dbInstanceEncrypted, { instances: [db(instance)] })[0]?.message).toBe('DB instance orders (postgres) storage is not encrypted');
    expect(runCheck(dbInstanceNotPublic, { instances: [db(instance)] })[0]?.message).toBe(
      'DB instance orders is publicly accessible (endpoint orders.abc.rds.amazonaws.com)',
    );
    expect(runCheck(autoMinorUpgrade, { instances: [db(instance)] })[0]?.message).toBe(
      'DB instance orders (postgres 16.3) does not upgrade minor versions automatically',
    );
  });
});
