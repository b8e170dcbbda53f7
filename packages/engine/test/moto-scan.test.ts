// The whole engine against moto, an independent AWS emulator: resources seeded through the
// real SDK in two regions; the scan must fail exactly the misconfigured ones and pass the clean.
import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, type CheckResult, type ScanEvent } from '../src/index.js';
import { REGION_A, REGION_B, seedMoto, TEST_CREDENTIALS, type SeededIds } from './moto-seed.js';

const DAY = 86_400_000;
let moto: RunningMoto;
let ids: Record<string, SeededIds>;
let events: ScanEvent[];
let results: CheckResult[];

function statusOf(checkId: string, resourceMatch: string): string[] {
  return results.filter((r) => r.checkId === checkId && r.resourceArn.includes(resourceMatch)).map((r) => r.status);
}

beforeAll(async () => {
  moto = await startMoto();
  ids = await seedMoto(moto.url);
  events = [];
  // Keys and passwords moto creates are brand new; scanning "100 days later" makes them old.
  const now = new Date(Date.now() + 100 * DAY);
  for await (const event of scan({
    credentials: { kind: 'keys', ...TEST_CREDENTIALS },
    regions: [REGION_A, REGION_B],
    endpoint: moto.url,
    now,
  })) {
    events.push(event);
  }
  results = events.flatMap((e) => (e.type === 'result' ? [e.result] : []));
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('a full scan of a seeded moto account', () => {
  it('plans both regions and ends with a summary that matches the results', () => {
    const planned = events.find((e) => e.type === 'planned');
    expect(planned?.type === 'planned' && planned.plan.regions).toEqual([REGION_A, REGION_B].sort());
    const summary = events.at(-1);
    expect(summary?.type).toBe('summary');
    if (summary?.type !== 'summary') return;
    expect(summary.summary.results.fail).toBe(results.filter((r) => r.status === 'fail').length);
    expect(summary.summary.incomplete).toBe(false);
  });

  it('reports no collection issues: moto serves every call the collectors make', () => {
    const issues = events.flatMap((e) => (e.type === 'issue' ? [e.issue.message] : []));
    expect(issues).toEqual([]);
  });

  it('answers unknown only where moto lacks the data, and says why', () => {
    // moto's credential report has no <root_account> row, so root usage cannot be judged.
    expect(results.filter((r) => r.status === 'unknown').map((r) => `${r.checkId}: ${r.message}`)).toEqual([
      'iam.root-not-used-recently: The credential report has no root user row',
    ]);
  });

  it.each([
    ['s3.bucket-not-public', 'bad-public-bucket', 'fail'],
    ['s3.bucket-not-public', 'good-private-bucket', 'pass'],
    ['s3.block-public-access', 'bad-public-bucket', 'fail'],
    ['s3.block-public-access', 'good-private-bucket', 'pass'],
    ['s3.bucket-denies-http', 'bad-public-bucket', 'fail'],
    ['s3.bucket-denies-http', 'good-private-bucket', 'pass'],
    ['s3.bucket-versioning', 'bad-public-bucket', 'fail'],
    ['s3.bucket-versioning', 'good-private-bucket', 'pass'],
    ['iam.console-users-have-mfa', 'user/bad-console-no-mfa', 'fail'],
    ['iam.access-keys-rotated', 'user/bad-old-key', 'fail'],
    ['iam.access-keys-rotated', 'user/good-no-credentials', 'pass'],
    ['iam.unused-credentials-disabled', 'user/good-no-credentials', 'pass'],
    ['iam.password-min-length-14', 'account-password-policy', 'fail'],
    ['iam.password-reuse-24', 'account-password-policy', 'fail'],
  ])('%s on %s: %s', (checkId, resource, expected) => {
    expect(statusOf(checkId, resource)).toEqual([expected]);
  });

  it.each([REGION_A, REGION_B])('fails open admin ports and passes internal HTTPS in %s', (region) => {
    const sg = results.filter((r) => r.checkId === 'ec2.sg-no-admin-ports-from-world' && r.region === region);
    const byStatus = (s: string) => sg.filter((r) => r.status === s).map((r) => r.message).join(' | ');
    expect(byStatus('fail')).toContain(`bad-open-admin-${region}`);
    expect(byStatus('fail')).not.toContain('good-https-internal');
    expect(sg.some((r) => r.status === 'pass')).toBe(true);
  });

  it.each([REGION_A, REGION_B])('fails the unencrypted unattached volume and passes the clean one in %s', (region) => {
    const seeded = ids[region]!;
    expect(statusOf('ec2.volume-attached', seeded.badVolume)).toEqual(['fail']);
    expect(statusOf('ec2.volume-attached', seeded.goodVolume)).toEqual(['pass']);
    expect(statusOf('ec2.ebs-encrypted', seeded.badVolume)).toEqual(['fail']);
    expect(statusOf('ec2.ebs-encrypted', seeded.goodVolume)).toEqual(['pass']);
    expect(statusOf('ec2.volume-gp3', seeded.badVolume)).toEqual(['fail']);
    expect(statusOf('ec2.volume-gp3', seeded.goodVolume)).toEqual(['pass']);
  });

  it.each([REGION_A, REGION_B])('fails the idle Elastic IP with its monthly cost and passes the used one in %s', (region) => {
    const seeded = ids[region]!;
    const idle = results.find((r) => r.checkId === 'ec2.eip-associated' && r.resourceArn.includes(seeded.badAddress));
    expect(idle?.status).toBe('fail');
    expect(idle?.savings?.monthlyUsd).toBeGreaterThan(3);
    expect(statusOf('ec2.eip-associated', seeded.goodAddress)).toEqual(['pass']);
  });

  it('fails the trail without log file validation and passes the validated one', () => {
    expect(statusOf('cloudtrail.log-validation', 'bad-unvalidated-trail')).toEqual(['fail']);
    expect(statusOf('cloudtrail.log-validation', 'good-validated-trail')).toEqual(['pass']);
  });

  it('fails KMS keys without rotation and passes rotated ones', () => {
    const keys = results.filter((r) => r.checkId === 'kms.key-rotation-enabled');
    const about = (name: string) => keys.filter((r) => r.message.includes(name)).map((r) => r.status);
    expect(about('bad-no-rotation')).toEqual(['fail', 'fail']);
    expect(about('good-rotated')).toEqual(['pass', 'pass']);
  });

  it('fails log groups kept forever and passes those with retention', () => {
    expect(statusOf('logs.retention-set', 'bad-forever')).toEqual(['fail', 'fail']);
    expect(statusOf('logs.retention-set', 'good-retained')).toEqual(['pass', 'pass']);
  });
});
