import { describe, expect, it } from 'vitest';
import { awsError, collectAll, stubbedContext, type SentCall } from '../collector-test-kit.js';
import { rdsDbSnapshots } from './db-snapshots.js';

const SNAPSHOTS = [
  { DBSnapshotIdentifier: 'auto-1', SnapshotType: 'automated' },
  { DBSnapshotIdentifier: 'manual-public', SnapshotType: 'manual' },
  { DBSnapshotIdentifier: 'manual-private', SnapshotType: 'manual' },
  { DBSnapshotIdentifier: 'manual-denied', SnapshotType: 'manual' },
  { DBSnapshotIdentifier: 'manual-gone', SnapshotType: 'manual' },
];

function respond({ command, input }: SentCall): object {
  if (command === 'DescribeDBSnapshots') return { DBSnapshots: SNAPSHOTS };
  const values: Record<string, string[]> = { 'manual-public': ['all', '111122223333'], 'manual-private': [] };
  const id = String(input.DBSnapshotIdentifier);
  if (id === 'manual-denied') throw awsError('AccessDenied');
  if (id === 'manual-gone') throw awsError('DBSnapshotNotFoundFault');
  return { DBSnapshotAttributesResult: { DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: values[id] }] } };
}

describe('rds.db-snapshots', () => {
  it('reads restore access of manual snapshots only and keeps a denied read as an error', async () => {
    const { ctx, calls } = stubbedContext(respond);
    const resources = await collectAll(rdsDbSnapshots, ctx);
    expect(resources.map((r) => [r.id, r.data.restoreAccess])).toEqual([
      ['auto-1', null],
      ['manual-public', { accountIds: ['all', '111122223333'] }],
      ['manual-private', { accountIds: [] }],
      ['manual-denied', { error: 'AccessDenied' }],
    ]);
    expect(calls[0]).toEqual({ service: 'rds', region: 'us-east-1', command: 'DescribeDBSnapshots', input: { MaxRecords: 100 } });
    const attributeCalls = calls.filter((c) => c.command === 'DescribeDBSnapshotAttributes');
    expect(attributeCalls.map((c) => c.input.DBSnapshotIdentifier)).not.toContain('auto-1');
    expect(attributeCalls).toHaveLength(4);
  });

  it('treats a manual snapshot without a restore attribute as shared with nobody', async () => {
    const { ctx } = stubbedContext(({ command }) =>
      command === 'DescribeDBSnapshots'
        ? { DBSnapshots: [{ DBSnapshotIdentifier: 'm', SnapshotType: 'manual' }] }
        : { DBSnapshotAttributesResult: {} },
    );
    const [resource] = await collectAll(rdsDbSnapshots, ctx);
    expect(resource?.data.restoreAccess).toEqual({ accountIds: [] });
  });

  it('fails the listing on an unexpected attribute error rather than hiding it', async () => {
    const { ctx } = stubbedContext(({ command }) => {
      if (command === 'DescribeDBSnapshots') return { DBSnapshots: [{ DBSnapshotIdentifier: 'm', SnapshotType: 'manual' }] };
      throw awsError('InternalFailure');
    });
    await expect(collectAll(rdsDbSnapshots, ctx)).rejects.toThrow('InternalFailure');
  });
});
