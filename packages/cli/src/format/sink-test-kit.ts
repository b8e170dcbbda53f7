// Test-only: small, fixed scan data for the formatter tests.
import type { CheckResult, CollectionIssue, ScanPlan, ScanSummary } from '@cloudsweep/engine';
import type { ResultSink } from './sink.js';

export const plan: ScanPlan = {
  accountId: '123456789012',
  callerArn: 'arn:aws:iam::123456789012:user/ci',
  partition: 'aws',
  regions: ['eu-west-1', 'us-east-1'],
  skippedRegions: [{ region: 'ap-east-1', reason: 'ap-east-1 is not enabled for this account (opt-in region)' }],
  checkIds: ['ec2.volume-attached'],
  collectorIds: ['ec2.volumes'],
  totalTasks: 2,
};

export function result(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    fingerprint: '0123456789abcdef0123456789abcdef',
    checkId: 'ec2.volume-attached',
    title: 'EBS volumes are attached to an instance',
    kind: 'cost',
    severity: 'low',
    status: 'fail',
    service: 'ec2',
    region: 'eu-west-1',
    accountId: '123456789012',
    resourceArn: 'arn:aws:ec2:eu-west-1:123456789012:volume/vol-1',
    resourceId: 'vol-1',
    resourceType: 'AWS::EC2::Volume',
    message: 'Unattached 100 GiB gp3 volume',
    savings: { monthlyUsd: 8.8, basis: '100 GiB x $0.088/GB-month gp3 (eu-west-1)' },
    ...overrides,
  };
}

export const issue: CollectionIssue = {
  collectorId: 'ec2.volumes',
  service: 'ec2',
  region: 'us-east-1',
  kind: 'access-denied',
  message: 'Could not list EBS volumes in us-east-1: access denied.',
  permissions: ['ec2:DescribeVolumes'],
  awsErrorCode: 'UnauthorizedOperation',
};

export function summary(overrides: Partial<ScanSummary> = {}): ScanSummary {
  return {
    accountId: '123456789012',
    regions: ['eu-west-1', 'us-east-1'],
    skippedRegions: plan.skippedRegions,
    durationMs: 1234,
    resources: 3,
    results: { pass: 1, fail: 1, unknown: 1 },
    failBySeverity: { critical: 0, high: 0, medium: 0, low: 1, info: 0 },
    issues: 1,
    monthlySavingsUsd: 8.8,
    api: { operations: 5, attempts: 6, retries: 1, throttles: 0, errors: 1, byServiceRegion: {} },
    incomplete: false,
    ...overrides,
  };
}

/** A pass, a fail and an unknown, plus one issue: every branch a formatter has. */
export async function feed(sink: ResultSink, results: readonly CheckResult[] = defaultResults()): Promise<void> {
  await sink.planned(plan);
  for (const r of results) await sink.result(r);
  await sink.issue(issue);
  await sink.finish(summary());
}

export function defaultResults(): CheckResult[] {
  return [
    result(),
    result({ status: 'pass', resourceId: 'vol-2', resourceArn: 'arn:aws:ec2:eu-west-1:123456789012:volume/vol-2', message: 'Volume is in-use' }),
    result({ status: 'unknown', region: 'us-east-1', resourceId: 'us-east-1', resourceArn: 'arn:aws:ec2:us-east-1:123456789012:region', message: 'Could not list, "quoted", volumes\nsecond line' }),
  ];
}
