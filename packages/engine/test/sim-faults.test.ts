// Faults against our simulator: the scan stays honest (unknown, never pass/fail, where it could
// not see), completes elsewhere, survives throttling storms politely, and stops when told.
import { startSim, type RunningSim, type StartOptions } from '@cloudsweep/aws-sim';
import { afterEach, describe, expect, it } from 'vitest';
import { scan, type CheckResult, type ScanEvent, type ScanOptions, type ScanSummary } from '../src/index.js';

const CREDENTIALS = { kind: 'keys', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } as const;
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-south-1'];
const EC2_CHECKS = ['ec2.volume-attached', 'ec2.ebs-encrypted', 'ec2.sg-no-admin-ports-from-world', 'ec2.imdsv2-required'];

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function simWith(options: StartOptions): Promise<RunningSim> {
  sim = await startSim({ seed: 7, regions: REGIONS, size: 'small', ...options });
  return sim;
}

async function run(url: string, extra: Partial<ScanOptions> = {}, signal?: AbortSignal) {
  const events: ScanEvent[] = [];
  const options: ScanOptions = { credentials: CREDENTIALS, regions: REGIONS, endpoint: url, checks: EC2_CHECKS, ...extra };
  for await (const event of scan(options, signal ? { signal } : {})) events.push(event);
  const results = events.flatMap((e) => (e.type === 'result' ? [e.result] : []));
  const summary = events.flatMap((e) => (e.type === 'summary' ? [e.summary] : []))[0] as ScanSummary;
  return { events, results, summary };
}

const inRegion = (results: CheckResult[], region: string) => results.filter((r) => r.region === region);

describe('scanning through faults', () => {
  it('access denied in one region gives unknown there, naming the permission, and a full scan elsewhere', async () => {
    const { url } = await simWith({ faults: [{ service: 'ec2', region: 'eu-west-1', kind: 'access-denied' }] });
    const { events, results, summary } = await run(url);
    const denied = inRegion(results, 'eu-west-1');
    expect(denied.length).toBe(EC2_CHECKS.length);
    expect(denied.every((r) => r.status === 'unknown')).toBe(true);
    expect(denied.find((r) => r.checkId === 'ec2.volume-attached')?.message).toContain('ec2:DescribeVolumes');
    for (const region of ['us-east-1', 'ap-south-1']) {
      const seen = inRegion(results, region);
      expect(seen.some((r) => r.status === 'fail')).toBe(true);
      expect(seen.some((r) => r.status === 'pass')).toBe(true);
      expect(seen.some((r) => r.status === 'unknown')).toBe(false);
    }
    const issues = events.flatMap((e) => (e.type === 'issue' ? [e.issue] : []));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.kind === 'access-denied' && i.region === 'eu-west-1' && i.awsErrorCode === 'UnauthorizedOperation')).toBe(true);
    expect(summary.incomplete).toBe(false);
  });

  it('a throttling storm completes with the same findings, retries counted, at most 3x the calls of a calm run', async () => {
    const calm = await run((await simWith({})).url, { checks: ['ec2', 's3', 'kms'] });
    await sim?.stop();
    const storm = await simWith({
      ec2Throttling: { burst: 5, refillPerSecond: 10 },
      faults: [{ kind: 'throttle', probability: 0.2 }],
    });
    const stormy = await run(storm.url, { checks: ['ec2', 's3', 'kms'], maxAttempts: 10 });
    const verdicts = (rs: CheckResult[]) => rs.map((r) => `${r.fingerprint}:${r.status}`).sort();
    expect(verdicts(stormy.results)).toEqual(verdicts(calm.results));
    expect(stormy.summary.api.throttles).toBeGreaterThan(0);
    expect(stormy.summary.api.retries).toBeGreaterThanOrEqual(stormy.summary.api.throttles);
    expect(stormy.summary.api.attempts).toBeLessThanOrEqual(3 * calm.summary.api.attempts);
    // The simulator counts bucket throttles and injected throttle faults separately.
    expect(storm.stats().throttled + storm.stats().faults).toBe(stormy.summary.api.throttles);
  }, 60_000);

  it('skips a region that is not enabled for the account, with a note, and scans the rest', async () => {
    const { url } = await simWith({ regions: ['us-east-1', 'eu-west-1'], disabledRegions: ['ap-east-1'] });
    const { events, results, summary } = await run(url, { regions: ['us-east-1', 'ap-east-1'] });
    expect(summary.skippedRegions).toEqual([{ region: 'ap-east-1', reason: 'ap-east-1 is not enabled for this account (opt-in region)' }]);
    expect(summary.regions).toEqual(['us-east-1']);
    expect(results.some((r) => r.region === 'ap-east-1')).toBe(false);
    expect(events.some((e) => e.type === 'issue')).toBe(false);
  });

  it('"all" regions means the enabled ones', async () => {
    const { url } = await simWith({ regions: ['us-east-1', 'eu-west-1'], disabledRegions: ['ap-east-1'] });
    const { summary } = await run(url, { regions: 'all' });
    expect(summary.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(summary.skippedRegions.map((s) => s.region)).toEqual(['ap-east-1']);
  });

  it('a call that never answers fails at its timeout and becomes unknown, not a hang', async () => {
    const { url } = await simWith({ faults: [{ service: 'ec2', region: 'ap-south-1', action: 'DescribeVolumes', kind: 'timeout' }] });
    const { results, events } = await run(url, { callTimeoutMs: 300, maxAttempts: 2, checks: ['ec2.volume-attached'] });
    expect(inRegion(results, 'ap-south-1').map((r) => r.status)).toEqual(['unknown']);
    const issue = events.find((e) => e.type === 'issue');
    expect(issue?.type === 'issue' && issue.issue.kind).toBe('timeout');
    expect(inRegion(results, 'us-east-1').length).toBeGreaterThan(0);
  });

  it('server errors are retried and the scan still sees everything', async () => {
    const { url } = await simWith({ faults: [{ service: 'ec2', kind: 'server-error', probability: 0.3 }] });
    const { results, summary } = await run(url, { maxAttempts: 10 });
    expect(results.some((r) => r.status === 'unknown')).toBe(false);
    expect(summary.api.retries).toBeGreaterThan(0);
  });

  it('cancelling stops the scan within 2 s, even with calls in flight, and says it is incomplete', async () => {
    const hang = (action: string) => ({ service: 'ec2', action, kind: 'timeout' as const });
    const { url } = await simWith({ faults: ['DescribeVolumes', 'DescribeSecurityGroups', 'DescribeInstances'].map(hang) });
    const controller = new AbortController();
    const started = performance.now();
    let cancelledAt = 0;
    const events: ScanEvent[] = [];
    for await (const event of scan(
      { credentials: CREDENTIALS, regions: REGIONS, endpoint: url, checks: EC2_CHECKS, callTimeoutMs: 60_000 },
      { signal: controller.signal },
    )) {
      events.push(event);
      if (event.type === 'planned') {
        setTimeout(() => {
          cancelledAt = performance.now();
          controller.abort(new Error('user cancelled'));
        }, 500);
      }
    }
    const stoppedAfterMs = performance.now() - cancelledAt;
    expect(cancelledAt).toBeGreaterThan(started);
    expect(stoppedAfterMs).toBeLessThan(2_000);
    const summary = events.at(-1);
    expect(summary?.type === 'summary' && summary.summary.incomplete).toBe(true);
    expect(events.some((e) => e.type === 'result' && e.result.status === 'pass')).toBe(false);
  }, 30_000);
});
