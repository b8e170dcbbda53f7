import type { DbInstance, DbSnapshot } from '../model.js';
import { regionDataOf } from '../dispatch.js';
import { checkLimit, paginate, type Page } from '../paging.js';
import { SimError, type ServiceContext, type ServiceDef, type SimRequest } from '../protocols/types.js';
import { el, list, node, tagList, textList } from '../protocols/xml.js';
import { iso } from '../time.js';

/** RDS pages with MaxRecords 20-100 (default 100) and Marker. */
function rdsPage<T>(req: SimRequest, ctx: ServiceContext, items: readonly T[]): Page<T> {
  const limit = checkLimit(req.params.get('MaxRecords') ?? undefined, 20, 100, 'InvalidParameterValue', 'MaxRecords') ?? 100;
  return paginate(items, { scope: `rds:${ctx.region}:${req.action}`, token: req.params.get('Marker') ?? undefined, limit, notePage: ctx.notePage });
}

function dbInstanceXml(d: DbInstance): string {
  return el('DBInstanceIdentifier', d.id) + el('DBInstanceClass', d.instanceClass) + el('Engine', d.engine) + el('DBInstanceStatus', d.status)
    + node('Endpoint', el('Address', `${d.id}.c${d.resourceId.slice(3, 13).toLowerCase()}.${d.region}.rds.amazonaws.com`) + el('Port', d.port) + el('HostedZoneId', 'Z2R2ITUGPM61AM'))
    + el('AllocatedStorage', d.allocatedStorage) + el('InstanceCreateTime', iso(d.createTime)) + el('BackupRetentionPeriod', d.backupRetentionPeriod)
    + el('AvailabilityZone', d.az) + el('MultiAZ', d.multiAz) + el('EngineVersion', d.engineVersion) + el('AutoMinorVersionUpgrade', d.autoMinorVersionUpgrade)
    + el('PubliclyAccessible', d.publiclyAccessible) + el('StorageType', 'gp3') + el('StorageEncrypted', d.storageEncrypted) + el('KmsKeyId', d.kmsKeyId)
    + el('DbiResourceId', d.resourceId) + el('DBInstanceArn', d.arn) + el('DeletionProtection', d.deletionProtection)
    + tagList('TagList', 'Tag', d.tags, 'Key', 'Value');
}

function dbSnapshotXml(s: DbSnapshot): string {
  return el('DBSnapshotIdentifier', s.id) + el('DBInstanceIdentifier', s.instanceId) + el('SnapshotCreateTime', iso(s.createTime)) + el('Engine', s.engine)
    + el('AllocatedStorage', s.allocatedStorage) + el('Status', 'available') + el('InstanceCreateTime', iso(s.instanceCreateTime))
    + el('SnapshotType', s.type) + el('StorageType', 'gp3') + el('Encrypted', s.encrypted) + el('KmsKeyId', s.kmsKeyId) + el('DBSnapshotArn', s.arn) + '<TagList/>';
}

function describeDbInstances(req: SimRequest, ctx: ServiceContext): string {
  const id = req.params.get('DBInstanceIdentifier');
  let items = regionDataOf(ctx, 'query').dbInstances;
  if (id !== null) {
    items = items.filter((d) => d.id === id || d.arn === id);
    if (items.length === 0) throw new SimError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
  }
  const page = rdsPage(req, ctx, items);
  return list('DBInstances', 'DBInstance', page.items, dbInstanceXml) + el('Marker', page.nextToken);
}

/** Without SnapshotType both manual and automated snapshots are listed (shared/public ones need IncludeShared/IncludePublic). */
function describeDbSnapshots(req: SimRequest, ctx: ServiceContext): string {
  const type = req.params.get('SnapshotType');
  const instance = req.params.get('DBInstanceIdentifier');
  const items = regionDataOf(ctx, 'query').dbSnapshots.filter((s) => (type === null || s.type === type) && (instance === null || s.instanceId === instance));
  const page = rdsPage(req, ctx, items);
  return list('DBSnapshots', 'DBSnapshot', page.items, dbSnapshotXml) + el('Marker', page.nextToken);
}

function describeDbSnapshotAttributes(req: SimRequest, ctx: ServiceContext): string {
  const id = req.params.get('DBSnapshotIdentifier') ?? '';
  const snapshot = regionDataOf(ctx, 'query').dbSnapshots.find((s) => s.id === id || s.arn === id);
  if (!snapshot) throw new SimError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);
  const values = [...(snapshot.isPublic ? ['all'] : []), ...snapshot.sharedWith];
  return node('DBSnapshotAttributesResult', el('DBSnapshotIdentifier', snapshot.id)
    + list('DBSnapshotAttributes', 'DBSnapshotAttribute', [values], (v) => el('AttributeName', 'restore') + textList('AttributeValues', 'AttributeValue', v)));
}

export const rdsService: ServiceDef = {
  id: 'rds', protocol: 'query', xmlns: 'http://rds.amazonaws.com/doc/2014-10-31/',
  actions: { DescribeDBInstances: describeDbInstances, DescribeDBSnapshots: describeDbSnapshots, DescribeDBSnapshotAttributes: describeDbSnapshotAttributes },
};
