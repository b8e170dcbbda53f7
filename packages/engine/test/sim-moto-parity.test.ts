// Parity: one small simulator account, scanned through the simulator and through moto (seeded with
// the same resources via the real SDK), must give the same findings. moto names EC2 and KMS
// resources itself, so results are compared by the sim's id (mapped back from moto's) or by name.
import { startSim, type AccountSize, type RunningSim } from '@cloudsweep/aws-sim';
import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, type CheckResult, type CollectionIssue } from '../src/index.js';
import { PARITY_CREDENTIALS, seedMotoFromSim, type SeededMoto } from './seed-moto-from-sim.js';

const REGIONS = ['eu-west-1', 'us-east-1'];
/** Seed 9 at this size has passes and failures for most checks below, and no account-level S3 block. */
const SEED = 9;
const SIZE: AccountSize = {
  instances: 5, volumes: 10, snapshots: 0, addresses: 5, securityGroupsPerRegion: 5, vpcsPerRegion: 1,
  buckets: 10, users: 6, roles: 0, groups: 3, customerPolicies: 2, serverCertificates: 0,
  rdsInstances: 0, rdsSnapshots: 0, lambdas: 0, kmsKeys: 10, trails: 2, logGroups: 6, loadBalancers: 0,
};

/**
 * Checks whose inputs moto stores as given. Left out:
 * - anything that reads ages or last-use times: moto stamps its own wall clock and cannot backdate
 *   (ec2.instance-not-long-stopped, ec2.snapshot-recent, rds.manual-snapshot-recent,
 *   iam.access-keys-rotated, iam.unused-credentials-disabled, iam.root-not-used-recently,
 *   iam.no-expired-server-certificates);
 * - the credential report, root account and MFA checks: moto's report has no root row, and MFA
 *   devices, root keys and the account summary cannot be set up through the API;
 * - snapshots, RDS, Lambda, ELBv2, VPC flow logs/NACLs and CloudTrail coverage/data-event checks:
 *   not seeded here (the seeder writes what the checks below read, and nothing else).
 */
const CHECKS = [
  'ec2.volume-attached', 'ec2.ebs-encrypted', 'ec2.volume-gp3', 'ec2.eip-associated', 'ec2.imdsv2-required',
  'ec2.sg-no-admin-ports-from-world', 'ec2.default-sg-restricts-all', 'ec2.ebs-encryption-by-default',
  's3.bucket-versioning', 's3.bucket-default-encryption', 's3.bucket-not-public', 's3.block-public-access',
  's3.bucket-denies-http', 's3.bucket-lifecycle',
  'logs.retention-set', 'logs.group-encrypted', 'kms.key-rotation-enabled', 'kms.disabled-key-unused',
  'iam.user-permissions-via-groups', 'iam.no-full-admin-policies', 'cloudtrail.log-validation', 'cloudtrail.kms-encrypted',
];

/** Resource types moto names itself: an unmapped one is moto's own (root volumes, its EBS key). */
const MOTO_NAMED = new Set(['AWS::EC2::Volume', 'AWS::EC2::Instance', 'AWS::EC2::SecurityGroup', 'AWS::EC2::EIP', 'AWS::KMS::Key']);

interface ScanOutput { results: CheckResult[]; issues: CollectionIssue[] }

let sim: RunningSim | undefined;
let moto: RunningMoto | undefined;
let seeded: SeededMoto;
let fromSim: ScanOutput;
let fromMoto: ScanOutput;

async function scanAt(endpoint: string, now: Date): Promise<ScanOutput> {
  const output: ScanOutput = { results: [], issues: [] };
  const credentials = { kind: 'keys' as const, ...PARITY_CREDENTIALS };
  for await (const event of scan({ credentials, regions: REGIONS, endpoint, checks: CHECKS, now })) {
    if (event.type === 'result') output.results.push(event.result);
    if (event.type === 'issue') output.issues.push(event.issue);
  }
  return output;
}

function key(result: CheckResult, resource: string): string {
  return `${result.checkId} ${result.region} ${resource} ${result.status}`;
}

const simKeys = (): string[] => fromSim.results.map((r) => key(r, r.resourceId)).sort();

/** moto's results under the sim's ids; moto's own resources (not seeded from the sim) are dropped. */
function motoOwn(result: CheckResult): boolean {
  if (MOTO_NAMED.has(result.resourceType)) return !seeded.simIdOf.has(result.resourceId);
  return seeded.helperBuckets.includes(result.resourceId);
}

const motoKeys = (): string[] =>
  fromMoto.results.filter((r) => !motoOwn(r)).map((r) => key(r, seeded.simIdOf.get(r.resourceId) ?? r.resourceId)).sort();

beforeAll(async () => {
  // Sim users and groups attach AWS managed policies, which moto only knows when told to load them.
  const motoEnv = { MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' };
  [sim, moto] = await Promise.all([startSim({ seed: SEED, size: SIZE, regions: REGIONS }), startMoto({ env: motoEnv })]);
  seeded = await seedMotoFromSim(moto.url, sim.account);
  const now = new Date(sim.account.now);
  [fromSim, fromMoto] = await Promise.all([scanAt(sim.url, now), scanAt(moto.url, now)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([sim?.stop(), moto?.stop()]);
});

describe('the same small account through the simulator and through moto', () => {
  it('is scanned completely on both sides', () => {
    expect(fromSim.issues).toEqual([]);
    expect(fromMoto.issues).toEqual([]);
    expect(fromSim.results.filter((r) => r.status === 'unknown')).toEqual([]);
  });

  it('gets the same (check, region, resource, status) findings', () => {
    expect(motoKeys()).toEqual(simKeys());
  });

  it('compares something real: many results, passes and failures for most checks', () => {
    expect(fromSim.results.length).toBeGreaterThan(100);
    const mixed = CHECKS.filter((id) => {
      const statuses = new Set(fromSim.results.filter((r) => r.checkId === id).map((r) => r.status));
      return statuses.has('pass') && statuses.has('fail');
    });
    expect(mixed.length).toBeGreaterThanOrEqual(12);
  });

  it('drops only what moto makes by itself: root volumes, its EBS default key, the trail log bucket', () => {
    const dropped = (type: string): number =>
      new Set(fromMoto.results.filter((r) => motoOwn(r) && r.resourceType === type).map((r) => r.resourceId)).size;
    const instances = Object.values(sim?.account.byRegion ?? {}).reduce((n, data) => n + data.ec2.instances.length, 0);
    // RunInstances gives every instance its own root volume; the sim's root volumes are seeded separately.
    expect(dropped('AWS::EC2::Volume')).toBe(instances);
    // Encrypted volumes without a key make moto create "aws/ebs", which it reports as customer managed.
    expect(dropped('AWS::KMS::Key')).toBe(REGIONS.length);
    expect(dropped('AWS::S3::Bucket')).toBe(seeded.helperBuckets.length);
    expect(fromMoto.results.filter(motoOwn).length).toBe(fromMoto.results.length - fromSim.results.length);
  });
});
