import type { DbInstance, DbSnapshot, KmsKey } from '../model.js';
import { mix32, type Rng } from '../random.js';
import { DAY_MS } from '../time.js';
import { arnOf, azOf, kmsKeyArn, type GenContext } from './context.js';

export interface RegionalInput { ctx: GenContext; rng: Rng; region: string; salt: number }

const ENGINES = [['mysql', '8.0.35'], ['postgres', '15.4'], ['postgres', '11.22'], ['mariadb', '10.6.14'], ['sqlserver-ex', '15.00.4345.5.v1']] as const;

export function generateDbInstances(input: RegionalInput, count: number): DbInstance[] {
  const { ctx, rng, region, salt } = input;
  return Array.from({ length: count }, (_, i) => {
    const [engine, engineVersion] = rng.pick(ENGINES);
    const id = `${rng.pick(['orders', 'users', 'billing', 'analytics'])}-db-${i}`;
    const encrypted = rng.chance(0.75);
    return {
      id, arn: arnOf('rds', region, ctx.accountId, `db:${id}`), region, az: azOf(region, i), engine, engineVersion,
      instanceClass: rng.pick(['db.t3.micro', 'db.t3.medium', 'db.m5.large', 'db.r6g.xlarge']), status: rng.chance(0.9) ? 'available' : 'stopped',
      allocatedStorage: rng.pick([20, 100, 500]), createTime: ctx.now - rng.int(30, 1500) * DAY_MS, multiAz: rng.chance(0.4),
      publiclyAccessible: rng.chance(0.1), storageEncrypted: encrypted,
      ...(encrypted ? { kmsKeyId: kmsKeyArn(rng, region, ctx.accountId) } : {}),
      autoMinorVersionUpgrade: rng.chance(0.7), backupRetentionPeriod: rng.pick([0, 1, 7, 35]), deletionProtection: rng.chance(0.4),
      resourceId: `db-${mix32(salt + i).toString(36).toUpperCase().padStart(7, 'X')}${rng.hex(12).toUpperCase()}`, port: engine === 'postgres' ? 5432 : 3306,
      tags: [{ key: 'env', value: rng.pick(['prod', 'dev']) }],
    };
  });
}

/** Automated snapshots are named rds:<db>-<date>; ~5% of manual ones are restorable by "all". */
export function generateDbSnapshots(input: RegionalInput, count: number, instances: DbInstance[]): DbSnapshot[] {
  const { ctx, rng, region } = input;
  return Array.from({ length: count }, (_, i) => {
    const db = instances.length > 0 ? instances[i % instances.length] : undefined;
    const automated = db !== undefined && rng.chance(0.5);
    const createTime = ctx.now - rng.int(1, 700) * DAY_MS;
    const dbId = db?.id ?? `deleted-db-${i}`;
    const id = automated ? `rds:${dbId}-${new Date(createTime).toISOString().slice(0, 10)}-${String(i).padStart(4, '0')}` : `${dbId}-manual-${i}`;
    const encrypted = db?.storageEncrypted ?? rng.chance(0.5);
    const isPublic = !automated && !encrypted && rng.chance(0.08);
    return {
      id, arn: arnOf('rds', region, ctx.accountId, `snapshot:${id}`), region, instanceId: dbId, engine: db?.engine ?? 'mysql', createTime,
      instanceCreateTime: db?.createTime ?? createTime - 100 * DAY_MS, allocatedStorage: db?.allocatedStorage ?? 20,
      type: automated ? 'automated' : 'manual', encrypted, ...(encrypted && db?.kmsKeyId ? { kmsKeyId: db.kmsKeyId } : {}),
      isPublic, sharedWith: !automated && rng.chance(0.1) ? ['210987654321'] : [],
    };
  });
}

export function generateKmsKeys(input: RegionalInput, count: number): KmsKey[] {
  const { ctx, rng, region, salt } = input;
  return Array.from({ length: count }, (_, i) => {
    const id = `${mix32(salt + i).toString(16).padStart(8, '0')}-${rng.hex(4)}-4${rng.hex(3)}-${rng.hex(4)}-${rng.hex(12)}`;
    const manager = rng.chance(0.3) ? 'AWS' as const : 'CUSTOMER' as const;
    const spec = manager === 'AWS' ? 'SYMMETRIC_DEFAULT' as const : rng.weighted([['SYMMETRIC_DEFAULT', 17], ['RSA_2048', 2], ['ECC_NIST_P256', 1]] as const);
    const state = manager === 'AWS' ? 'Enabled' as const : rng.weighted([['Enabled', 17], ['Disabled', 2], ['PendingDeletion', 1]] as const);
    return {
      id, arn: arnOf('kms', region, ctx.accountId, `key/${id}`), region, manager, state, spec, createTime: ctx.now - rng.int(10, 1500) * DAY_MS,
      ...(state === 'PendingDeletion' ? { deletionTime: ctx.now + rng.int(1, 30) * DAY_MS } : {}),
      // AWS managed keys rotate yearly by design; customer keys only if someone enabled it.
      rotationEnabled: manager === 'AWS' || (spec === 'SYMMETRIC_DEFAULT' && rng.chance(0.5)),
      description: manager === 'AWS' ? `Default key that protects my ${rng.pick(['EBS', 'S3', 'RDS', 'Lambda'])} resources when no other key is defined` : `app key ${i}`,
    };
  });
}
