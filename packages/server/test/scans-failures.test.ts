// Scan failures, retries, cancel and recovery through the API against the AWS simulator (its
// fault rules play AWS refusing, failing and hanging), with a real job queue worker.
import { startSim, type RunningSim } from '@cloudsweep/aws-sim';
import type { Scan } from '@cloudsweep/contract';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recoverScans } from '../src/modules/scans/scan-recovery.js';
import type { SignedInClient } from './auth-test-kit.js';
import { waitFor } from './jobs-test-kit.js';
import { getScan, insertKeysAccount, newUser, postScan, startHarness, startScan, waitForStatus, type ScanHarness } from './scans-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

const SCOPE = { regions: ['us-east-1'], checks: ['ec2'] };
let sim: RunningSim;

beforeAll(async () => {
  sim = await startSim({ seed: 7, size: 'small', regions: ['us-east-1', 'eu-west-1'] });
});
afterAll(() => sim?.stop());

describe.each(DATABASE_KINDS)('scan failures against the simulator on %s', { timeout: 30_000 }, (kind) => {
  let database: TestDatabase;
  let harness: ScanHarness;
  let alice: SignedInClient;
  let accountId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    // SDK retries off: each job attempt is one AWS attempt, so the test sees the queue's retries.
    harness = await startHarness(database.db, { endpoint: sim.url, engine: { maxAttempts: 1, callTimeoutMs: 20_000 } });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    sim.setFaults([]);
    alice = await newUser(harness.app);
    accountId = await insertKeysAccount(database.db, harness.keyring, alice.userId);
  });
  afterEach(() => sim.setFaults([]));

  const start = async (body: object = SCOPE): Promise<Scan> => {
    const response = await startScan(harness.app, alice, accountId, body);
    expect(response.statusCode).toBe(202);
    return response.json<{ scan: Scan }>().scan;
  };

  it('fails at once, without retrying, when AWS refuses the credentials', async () => {
    sim.setFaults([{ service: 'sts', kind: 'access-denied' }]);
    const scan = await start();
    const failed = await waitForStatus(harness.app, alice, scan.id, ['failed', 'completed']);
    expect(failed.status).toBe('failed');
    expect(failed.attempt).toBe(1);
    expect(failed.error?.message).toMatch(/^AWS refused access to this account\. Confirming the AWS identity \(sts:GetCallerIdentity\) failed/);
    expect(failed.error?.details).toMatchObject({ awsErrorCode: 'AccessDenied', httpStatus: 403, service: 'sts', region: 'us-east-1', attempt: 1 });
    expect(failed.error?.details?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.error?.details?.step).toMatch(/^Confirming the AWS identity/);
    // The scan row records the failure before the queue records the job's: wait for both.
    const job = await waitFor(async () => {
      const row = await database.db.kysely.selectFrom('jobs').selectAll().where('id', '=', scan.id).executeTakeFirstOrThrow();
      return row.status === 'running' ? undefined : row;
    }, 10_000);
    expect({ status: job.status, attempts: job.attempts }).toEqual({ status: 'failed', attempts: 1 });
    const audit = await database.db.kysely.selectFrom('audit_events').select('action').where('target_id', '=', scan.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['scan.fail', 'scan.start']);
  });

  it('retries transient AWS failures with backoff, then fails with the reason after the last attempt', async () => {
    sim.setFaults([{ service: 'sts', kind: 'server-error' }]);
    const scan = await start();
    const failed = await waitForStatus(harness.app, alice, scan.id, ['failed', 'completed']);
    expect(failed.status).toBe('failed');
    expect(failed.attempt).toBe(3);
    expect(failed.error?.message).toMatch(/^AWS had a temporary problem\. .*\(gave up after 3 attempts\)$/);
    expect(failed.error?.details).toMatchObject({ httpStatus: 500, attempt: 3 });
    const retries = harness.jobEvents.filter((e) => e.event.type === 'retry-scheduled' && e.event.id === scan.id);
    expect(retries).toHaveLength(2);
  });

  it('recovers from a transient failure on a later attempt', async () => {
    sim.setFaults([{ service: 'sts', kind: 'server-error' }]);
    const scan = await start();
    await waitFor(() => harness.jobEvents.some((e) => e.event.type === 'retry-scheduled' && e.event.id === scan.id), 10_000);
    sim.setFaults([]);
    const done = await waitForStatus(harness.app, alice, scan.id, ['failed', 'completed']);
    expect(done.status).toBe('completed');
    expect(done.attempt).toBeGreaterThanOrEqual(2);
    expect(done.error).toBeNull();
  });

  it('completes with warnings when one service is refused (a partial failure)', async () => {
    sim.setFaults([{ service: 's3', kind: 'access-denied' }]);
    const done = await waitForStatus(harness.app, alice, (await start({ regions: ['us-east-1'], checks: ['ec2', 's3'] })).id, ['failed', 'completed']);
    expect(done.status).toBe('completed');
    expect(done.warnings.length).toBeGreaterThan(0);
    expect(done.warnings[0]).toMatchObject({ service: 's3', kind: 'access-denied' });
  });

  it('cancels a running scan: cancelled at once, and the work stops within 2 s', async () => {
    sim.setFaults([{ service: 'ec2', action: 'DescribeRegions', kind: 'timeout' }]);
    const scan = await start();
    await waitForStatus(harness.app, alice, scan.id, ['running']);
    const cancelledAt = Date.now();
    const response = await postScan(harness.app, alice, scan.id, 'cancel');
    expect(response.statusCode).toBe(200);
    expect(response.json<{ scan: Scan }>().scan.status).toBe('cancelled');
    const stopped = await waitFor(() => harness.jobEvents.find((e) => e.event.type === 'aborted' && e.event.id === scan.id), 2_000);
    expect(stopped.at - cancelledAt).toBeLessThan(2_000);
    expect((await getScan(harness.app, alice, scan.id)).status).toBe('cancelled');
    expect((await postScan(harness.app, alice, scan.id, 'cancel')).statusCode).toBe(409);
  });

  it('retries a failed scan as a new scan linked to the old one', async () => {
    sim.setFaults([{ service: 'sts', kind: 'access-denied' }]);
    const failed = await waitForStatus(harness.app, alice, (await start()).id, ['failed']);
    sim.setFaults([]);
    const response = await postScan(harness.app, alice, failed.id, 'retry');
    expect(response.statusCode).toBe(202);
    const retry = response.json<{ scan: Scan }>().scan;
    expect(retry).toMatchObject({ status: 'queued', attempt: 2, retryOf: failed.id, regions: ['us-east-1'], checks: ['ec2'] });
    expect(retry.id).not.toBe(failed.id);
    expect((await waitForStatus(harness.app, alice, retry.id, ['completed', 'failed'])).status).toBe('completed');
    expect((await getScan(harness.app, alice, failed.id)).status).toBe('failed');
  });

  it('enqueues at start-up a queued scan whose job was never written (a crash between the two)', async () => {
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    await database.db.kysely.insertInto('scans').values({
      id, account_id: accountId, user_id: alice.userId, status: 'queued', regions: '["us-east-1"]', checks: '["ec2"]', scope_key: 'k',
      attempt: 1, retry_of: null, cached: 0, progress_done: 0, progress_total: 0, phase: 'queued', warnings: '[]', created_at: now, updated_at: now,
    }).execute();
    expect(await recoverScans(database.db, harness.queue, 3)).toEqual({ requeued: 1, settled: 0 });
    expect((await waitForStatus(harness.app, alice, id, ['completed', 'failed'])).status).toBe('completed');
    expect(await recoverScans(database.db, harness.queue, 3)).toEqual({ requeued: 0, settled: 0 });
  });
});
