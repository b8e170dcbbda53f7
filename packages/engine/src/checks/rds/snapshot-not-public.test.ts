import { describe, expect, it } from 'vitest';
import type { DbSnapshotRecord } from '../../collectors/rds/db-snapshots.js';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { dbSnapshotNotPublic } from './snapshot-not-public.js';

const snapshot = (id: string, SnapshotType: string, restoreAccess: DbSnapshotRecord['restoreAccess']) =>
  aResource<DbSnapshotRecord>({ snapshot: { DBSnapshotIdentifier: id, SnapshotType }, restoreAccess }, { id });

describe('rds.snapshot-not-public', () => {
  it('fails a manual snapshot restorable by all, passes private and named shares', () => {
    const outcomes = runCheck(dbSnapshotNotPublic, {
      snapshots: [
        snapshot('public', 'manual', { accountIds: ['111122223333', 'all'] }),
        snapshot('private', 'manual', { accountIds: [] }),
        snapshot('shared', 'manual', { accountIds: ['111122223333'] }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['public:fail', 'private:pass', 'shared:pass']);
    expect(outcomes[0]?.message).toBe('DB snapshot public can be restored by any AWS account');
    expect(outcomes[2]?.message).toBe('DB snapshot shared is shared with 1 named account(s) only');
  });

  it('is unknown when the restore attribute could not be read, never pass', () => {
    const outcomes = runCheck(dbSnapshotNotPublic, { snapshots: [snapshot('locked', 'manual', { error: 'AccessDenied' })] });
    expect(statuses(outcomes)).toEqual(['locked:unknown']);
    expect(outcomes[0]?.message).toBe('Could not read who may restore DB snapshot locked (AccessDenied)');
  });

  it('passes automated snapshots, which AWS does not let anyone share', () => {
    const outcomes = runCheck(dbSnapshotNotPublic, { snapshots: [snapshot('rds:orders-2026-11-30', 'automated', null)] });
    expect(statuses(outcomes)).toEqual(['rds:orders-2026-11-30:pass']);
  });

  it('returns nothing for a region without snapshots', () => {
    expect(runCheck(dbSnapshotNotPublic, { snapshots: [] })).toEqual([]);
  });
});
