// Shared set-up for the findings suites and the API bench: owner rows written directly, and
// synthetic engine results spread over real checks, regions, statuses and resources.
import { allChecks, fingerprint, type CheckResult } from '@cloudsweep/engine';
import type { Kysely } from 'kysely';
import type { Database, ScanStatus } from '../src/db/schema.js';

export const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'sa-east-1', 'ap-northeast-3',
] as const;

const STATUSES = ['fail', 'pass', 'pass', 'unknown', 'fail'] as const;

export async function insertAccount(db: Kysely<Database>, userId: string, awsAccountId = '123456789012'): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('aws_accounts')
    .values({ id, user_id: userId, name: `account ${id.slice(0, 8)}`, mode: 'role', aws_account_id: awsAccountId, role_arn: `arn:aws:iam::${awsAccountId}:role/cloudsweep`, external_id: null, access_key_id: null, secret_ciphertext: null, verified_at: now, created_at: now, updated_at: now })
    .execute();
  return id;
}

export async function insertScan(
  db: Kysely<Database>,
  scan: { userId: string; accountId: string; status?: ScanStatus; completedAt?: string | null },
): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const status = scan.status ?? 'completed';
  await db
    .insertInto('scans')
    .values({
      id, account_id: scan.accountId, user_id: scan.userId, status, regions: '["all"]', checks: null, scope_key: 'all', attempt: 1,
      retry_of: null, cached: 0, progress_done: 0, progress_total: 0, phase: 'done', error_message: null, error_details: null,
      warnings: '[]', summary: null, created_at: now, started_at: now,
      completed_at: scan.completedAt === undefined ? (status === 'completed' ? now : null) : scan.completedAt, updated_at: now,
    })
    .execute();
  return id;
}

/** The i-th synthetic result: deterministic, so tests can count by hand (by formula). */
export function syntheticResult(i: number, overrides: Partial<CheckResult> = {}): CheckResult {
  const check = allChecks[i % allChecks.length] ?? allChecks[0];
  if (!check) throw new Error('the engine has no checks');
  const region = REGIONS[i % REGIONS.length] ?? 'us-east-1';
  const status = STATUSES[i % STATUSES.length] ?? 'fail';
  const service = check.id.split('.')[0] ?? 'ec2';
  const resourceId = `res-${String(i).padStart(7, '0')}`;
  const resourceArn = `arn:aws:${service}:${region}:123456789012:thing/${resourceId}`;
  return {
    fingerprint: fingerprint(check.id, resourceArn),
    checkId: check.id,
    title: check.title,
    kind: check.kind,
    severity: check.severity,
    status,
    service,
    region,
    accountId: '123456789012',
    resourceArn,
    resourceId,
    resourceType: 'AWS::Test::Thing',
    message: `Finding ${i} for ${resourceId}`,
    ...(check.kind === 'cost' && status === 'fail' ? { savings: { monthlyUsd: 1.25, basis: 'test price' } } : {}),
    ...overrides,
  };
}

export function syntheticResults(from: number, count: number): CheckResult[] {
  return Array.from({ length: count }, (_, k) => syntheticResult(from + k));
}
