// The scan lifecycle through the API against moto, with a real job queue worker, on both databases.
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import type { Scan } from '@cloudsweep/contract';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldSummary } from '../src/modules/findings/findings-summary.service.js';
import { summaryGroups } from '../src/modules/findings/findings-summary.repository.js';
import { readyTextIndex } from '../src/modules/findings/findings-text-index.js';
import { asUser, postJson, type SignedInClient } from './auth-test-kit.js';
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY, getScan, insertKeysAccount, newUser, postScan, startHarness, startScan, waitForStatus, type ScanHarness } from './scans-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

const SCOPE = { regions: ['us-east-1'], checks: ['ec2', 's3'] };
let moto: RunningMoto;

async function seedMoto(url: string): Promise<void> {
  const credentials = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY };
  const ec2 = new EC2Client({ endpoint: url, region: 'us-east-1', credentials });
  await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8, Encrypted: false }));
  const s3 = new S3Client({ endpoint: url, region: 'us-east-1', credentials, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'cloudsweep-scans-test' }));
  ec2.destroy();
  s3.destroy();
}

beforeAll(async () => {
  moto = await startMoto();
  await seedMoto(moto.url);
}, 60_000);
afterAll(() => moto?.stop());

describe.each(DATABASE_KINDS)('scans against moto on %s', { timeout: 30_000 }, (kind) => {
  let database: TestDatabase;
  let harness: ScanHarness;
  let alice: SignedInClient;
  let accountId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    harness = await startHarness(database.db, { endpoint: moto.url });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    alice = await newUser(harness.app);
    accountId = await insertKeysAccount(database.db, harness.keyring, alice.userId);
  });
  afterEach(async () => {
    // Nothing left running into the next test.
    const active = await database.db.kysely.selectFrom('scans').select('id').where('status', 'in', ['queued', 'running']).execute();
    await Promise.all(active.map((s) => postScan(harness.app, alice, s.id, 'cancel')));
  });

  it('queues a scan at once (202) and completes it with findings and a summary', async () => {
    const response = await startScan(harness.app, alice, accountId, SCOPE);
    expect(response.statusCode).toBe(202);
    const queued = response.json<{ scan: Scan }>().scan;
    expect(queued).toMatchObject({ status: 'queued', accountId, attempt: 1, retryOf: null, cached: false, regions: ['us-east-1'], checks: ['ec2', 's3'] });
    expect(queued.startedBy).toEqual({ id: alice.userId, email: alice.email });
    const done = await waitForStatus(harness.app, alice, queued.id, ['completed', 'failed']);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(done.summary?.awsAccountId).toBe('123456789012');
    expect(done.summary?.byStatus.fail).toBeGreaterThan(0);
    expect(done.summary?.byRegion['us-east-1']).toBeDefined();
    expect(Object.keys(done.summary?.byService ?? {})).toEqual(expect.arrayContaining(['ec2']));
    expect(done.progress.done).toBe(done.progress.total);
    expect(done.startedAt).not.toBeNull();
    expect(done.completedAt).not.toBeNull();
    const findings = await database.db.kysely.selectFrom('findings').select(['check_id', 'status']).where('scan_id', '=', queued.id).execute();
    const { pass = 0, fail = 0, unknown = 0 } = done.summary?.byStatus ?? {};
    expect(findings).toHaveLength(pass + fail + unknown);
    expect(findings.some((f) => f.check_id.startsWith('ec2.') && f.status === 'fail')).toBe(true);
    // The findings summary of a completed scan comes from the stored counts: the same as counting the rows.
    const summary = await harness.app.inject({ method: 'GET', url: `/api/scans/${queued.id}/summary`, headers: asUser(alice, false) });
    expect(summary.json()).toEqual(foldSummary(queued.id, await summaryGroups(database.db.kysely, queued.id)));
    const mine = harness.events.filter((e) => e.scanId === queued.id).map((e) => e.payload.type === 'status' ? e.payload.status : e.payload.type);
    expect(mine).toEqual(expect.arrayContaining(['running', 'progress', 'counts', 'completed']));
    const audit = await database.db.kysely.selectFrom('audit_events').select('action').where('target_id', '=', queued.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['scan.complete', 'scan.start']);
    // On SQLite, completion starts the scan's text index build (PostgreSQL keeps its own).
    if (harness.textIndexer) {
      await harness.textIndexer.idle();
      expect(await readyTextIndex(database.db.kysely, queued.id)).toBeDefined();
    }
  });

  it('refuses a second scan of the same account while one is active (409 naming it)', async () => {
    const first = (await startScan(harness.app, alice, accountId, SCOPE)).json<{ scan: Scan }>().scan;
    const second = await startScan(harness.app, alice, accountId, { regions: ['us-east-1'], force: true });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'conflict', details: { activeScanId: first.id } });
    expect(second.json().error.message).toContain(first.id);
    await waitForStatus(harness.app, alice, first.id, ['completed', 'failed']);
  });

  it('answers 200 with a recent completed scan of the same scope, unless force', async () => {
    const first = (await startScan(harness.app, alice, accountId, SCOPE)).json<{ scan: Scan }>().scan;
    await waitForStatus(harness.app, alice, first.id, ['completed']);
    // Same scope in another order and with repeats: the same cache key.
    const cached = await startScan(harness.app, alice, accountId, { regions: ['us-east-1', 'us-east-1'], checks: ['s3', 'ec2'] });
    expect(cached.statusCode).toBe(200);
    expect(cached.json<{ scan: Scan }>().scan).toMatchObject({ id: first.id, cached: true, status: 'completed' });
    const otherScope = await startScan(harness.app, alice, accountId, { regions: ['us-east-1'], checks: ['ec2'] });
    expect(otherScope.statusCode).toBe(202);
    await waitForStatus(harness.app, alice, otherScope.json<{ scan: Scan }>().scan.id, ['completed']);
    const forced = await startScan(harness.app, alice, accountId, { ...SCOPE, force: true });
    expect(forced.statusCode).toBe(202);
    expect(forced.json<{ scan: Scan }>().scan.id).not.toBe(first.id);
    await waitForStatus(harness.app, alice, forced.json<{ scan: Scan }>().scan.id, ['completed']);
    const audit = await database.db.kysely.selectFrom('audit_events').select('action').where('target_id', '=', first.id).where('action', '=', 'scan.cached').execute();
    expect(audit).toHaveLength(1);
  });

  it('lists an account\'s scans newest first in keyset pages', async () => {
    const ids: string[] = [];
    for (const checks of [['ec2'], ['s3']]) {
      const scan = (await startScan(harness.app, alice, accountId, { regions: ['us-east-1'], checks })).json<{ scan: Scan }>().scan;
      await waitForStatus(harness.app, alice, scan.id, ['completed', 'failed']);
      ids.push(scan.id);
    }
    const page = (cursor?: string) =>
      harness.app.inject({ method: 'GET', url: `/api/accounts/${accountId}/scans?limit=1${cursor ? `&cursor=${cursor}` : ''}`, headers: asUser(alice, false) });
    const first = (await page()).json<{ scans: Scan[]; nextCursor: string | null }>();
    expect(first.scans.map((s) => s.id)).toEqual([ids[1]]);
    const second = (await page(first.nextCursor ?? '')).json<{ scans: Scan[]; nextCursor: string | null }>();
    expect(second.scans.map((s) => s.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await page('not-a-cursor')).statusCode).toBe(400);
  });

  it('refuses to cancel or retry a completed scan (409)', async () => {
    const scan = (await startScan(harness.app, alice, accountId, SCOPE)).json<{ scan: Scan }>().scan;
    await waitForStatus(harness.app, alice, scan.id, ['completed']);
    expect((await postScan(harness.app, alice, scan.id, 'cancel')).statusCode).toBe(409);
    expect((await postScan(harness.app, alice, scan.id, 'retry')).statusCode).toBe(409);
    expect((await getScan(harness.app, alice, scan.id)).status).toBe('completed');
  });

  it('answers 404 to another user on every scan route', async () => {
    const scan = (await startScan(harness.app, alice, accountId, SCOPE)).json<{ scan: Scan }>().scan;
    const bob = await newUser(harness.app);
    const asBob = asUser(bob);
    const responses = await Promise.all([
      startScan(harness.app, bob, accountId, SCOPE),
      harness.app.inject({ method: 'GET', url: `/api/accounts/${accountId}/scans`, headers: asBob }),
      harness.app.inject({ method: 'GET', url: `/api/scans/${scan.id}`, headers: asBob }),
      postScan(harness.app, bob, scan.id, 'cancel'),
      postScan(harness.app, bob, scan.id, 'retry'),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404]);
    expect(responses.every((r) => r.json().error.code === 'not_found')).toBe(true);
    expect((await waitForStatus(harness.app, alice, scan.id, ['completed'])).status).toBe('completed');
  });

  it('answers bad input with 4xx and a message a person understands', async () => {
    const bad = async (body: unknown) => {
      const response = await startScan(harness.app, alice, accountId, body);
      return { status: response.statusCode, message: response.json<{ error: { message: string; details?: Record<string, unknown> } }>().error };
    };
    const region = await bad({ regions: ['eu-wst-1'] });
    expect(region.status).toBe(400);
    expect(region.message.message).toMatch(/Unknown region: eu-wst-1\. Valid regions: .*eu-west-1/);
    expect(region.message.details?.['unknownRegions']).toEqual(['eu-wst-1']);
    expect((await bad({ regions: 'all', checks: ['s3.nope'] })).message.message).toMatch(/Unknown check: s3\.nope/);
    expect((await bad({ regions: 'all', extra: 1 })).message.message).toMatch(/Unknown field: extra/);
    expect((await bad({ regions: 'everywhere' })).status).toBe(400);
    expect((await bad({ regions: [] })).status).toBe(400);
    expect((await bad({ regions: 'all', force: 'yes' })).status).toBe(400);
    expect((await bad([])).status).toBe(400);
    const malformed = await harness.app.inject({ method: 'POST', url: `/api/accounts/${accountId}/scans`, payload: '{"regions":', headers: { ...asUser(alice), 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    const noCsrf = await postJson(harness.app, `/api/accounts/${accountId}/scans`, SCOPE, { headers: asUser(alice, false) });
    expect(noCsrf.statusCode).toBe(403);
    const signedOut = await postJson(harness.app, `/api/accounts/${accountId}/scans`, SCOPE);
    expect(signedOut.statusCode).toBe(401);
    expect((await startScan(harness.app, alice, 'no-such-account', SCOPE)).statusCode).toBe(404);
    expect((await harness.app.inject({ method: 'GET', url: '/api/scans/no-such-scan', headers: asUser(alice, false) })).statusCode).toBe(404);
    const count = await database.db.kysely.selectFrom('scans').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
