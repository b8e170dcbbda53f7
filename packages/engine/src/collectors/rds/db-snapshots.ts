import {
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBSnapshots,
  type DBSnapshot,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { defineCollector, type CollectorContext } from '../../core/collector.js';
import { tagsFromList, type Resource } from '../../core/resource.js';
import { deniedOrGone, type CallError } from '../call-errors.js';

/** Who may restore a manual snapshot (`all` = anyone), or why we could not read it. */
export type RestoreAccess = { readonly accountIds: readonly string[] } | CallError;

export interface DbSnapshotRecord {
  readonly snapshot: DBSnapshot;
  /** Read for manual snapshots only: AWS does not let automated or AWS Backup ones be shared. */
  readonly restoreAccess: RestoreAccess | null;
}

/** `undefined` when the snapshot was deleted between the listing and this call. */
async function readRestoreAccess(client: RDSClient, snapshotId: string): Promise<RestoreAccess | undefined> {
  try {
    const output = await client.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: snapshotId }));
    const attributes = output.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? [];
    const restore = attributes.find((attribute) => attribute.AttributeName === 'restore');
    return { accountIds: restore?.AttributeValues ?? [] };
  } catch (error) {
    // A denied detail call must not read as "shared with nobody": the check reports unknown.
    const outcome = deniedOrGone(error, ['DBSnapshotNotFoundFault']);
    return outcome === 'gone' ? undefined : outcome;
  }
}

function snapshotResource(record: DbSnapshotRecord, ctx: CollectorContext): Resource<DbSnapshotRecord> {
  const { snapshot } = record;
  const id = snapshot.DBSnapshotIdentifier ?? '';
  return {
    arn: snapshot.DBSnapshotArn ?? `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:snapshot:${id}`,
    id,
    type: 'AWS::RDS::DBSnapshot',
    region: ctx.region,
    accountId: ctx.accountId,
    tags: tagsFromList(snapshot.TagList),
    data: record,
  };
}

export const rdsDbSnapshots = defineCollector<DbSnapshotRecord>({
  id: 'rds.db-snapshots',
  service: 'rds',
  scope: 'regional',
  permissions: ['rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes'],
  async *collect(ctx) {
    const client = ctx.aws.client('rds', ctx.region);
    // No SnapshotType filter: the account's automated, manual and AWS Backup snapshots, each
    // with its SnapshotType. Snapshots shared with us by others are not included.
    for await (const page of paginateDescribeDBSnapshots({ client, pageSize: 100 }, {})) {
      // The attribute calls of one page run concurrently (the call governor caps them).
      const records = await Promise.all(
        (page.DBSnapshots ?? []).map(async (snapshot): Promise<DbSnapshotRecord | undefined> => {
          if (snapshot.SnapshotType !== 'manual') return { snapshot, restoreAccess: null };
          const restoreAccess = await readRestoreAccess(client, snapshot.DBSnapshotIdentifier ?? '');
          return restoreAccess && { snapshot, restoreAccess };
        }),
      );
      for (const record of records) if (record) yield snapshotResource(record, ctx);
    }
  },
});
