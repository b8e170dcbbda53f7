import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PermanentJobError, defineJob, type JobFailure } from '../src/jobs/job-queue.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';
import { QueueTracker, jobRow, sleep, uniqueJob, waitFor, type ScanPayload } from './jobs-test-kit.js';

describe.each(DATABASE_KINDS)('the database job queue on %s', (kind) => {
  let database: TestDatabase;
  const queues = new QueueTracker();

  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterEach(() => queues.closeAll());
  afterAll(() => database?.drop());

  it('runs an enqueued job once with its parsed payload', async () => {
    const job = uniqueJob();
    const queue = queues.create(database.db);
    const runs: { id: string; payload: ScanPayload; attempt: number }[] = [];
    queue.work(job, async ({ id, payload, attempt }) => {
      runs.push({ id, payload, attempt });
    });
    const id = await queue.enqueue(job, { scanId: 'scan-1' });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'done');
    expect(runs).toEqual([{ id, payload: { scanId: 'scan-1' }, attempt: 1 }]);
    expect(await jobRow(database.db, id)).toMatchObject({ attempts: 1, lease_owner: null, last_error: null });
  });

  it('starts a local enqueue at once instead of waiting for the next poll', async () => {
    const job = uniqueJob();
    const queue = queues.create(database.db, { pollIntervalMs: 60_000 });
    let ran = false;
    queue.work(job, async () => {
      ran = true;
    });
    await queue.enqueue(job, { scanId: 'now' });
    await waitFor(() => ran, 2_000);
  });

  it('rejects payloads that break the schema, look like secrets or are not flat', async () => {
    const job = uniqueJob();
    const queue = queues.create(database.db);
    await expect(queue.enqueue(job, { scanId: '' })).rejects.toThrow(/Invalid test-.* job payload: scanId/);
    const withExtra = { scanId: 's', awsSecret: 'x' } as unknown as ScanPayload;
    await expect(queue.enqueue(job, withExtra)).rejects.toThrow(/Invalid .*Unrecognized key/);
    // A careless schema that lets any field through: the queue's own rules still hold.
    const careless = z.looseObject({ scanId: z.string() }) as unknown as z.ZodType<ScanPayload>;
    const loose = defineJob({ kind: job.kind, payload: careless });
    await expect(queue.enqueue(loose, withExtra)).rejects.toThrow(/must carry ids, not secrets \(field awsSecret\)/);
    const nested = { scanId: 's', scope: { regions: ['us-east-1'] } } as unknown as ScanPayload;
    await expect(queue.enqueue(loose, nested)).rejects.toThrow(/must be flat \(field scope is nested\)/);
  });

  it('fails a stored payload that no longer parses at once, without running the handler', async () => {
    const job = uniqueJob(5);
    const failures: JobFailure<ScanPayload>[] = [];
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    await database.db.kysely
      .insertInto('jobs')
      .values({ id, kind: job.kind, payload: '{"scan":1}', status: 'queued', run_after: now, lease_owner: null, lease_expires_at: null, attempts: 0, max_attempts: 5, last_error: null, created_at: now, updated_at: now })
      .execute();
    let ran = false;
    queues.create(database.db).work(job, async () => void (ran = true), { onFailed: (f) => void failures.push(f) });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'failed');
    expect(ran).toBe(false);
    expect((await jobRow(database.db, id)).last_error).toMatch(/Invalid test-.* job payload/);
    expect(failures).toEqual([expect.objectContaining({ id, payload: undefined, attempt: 1 })]);
  });

  it('never runs more jobs of a kind at once than its concurrency', async () => {
    const job = uniqueJob();
    const queue = queues.create(database.db);
    let active = 0;
    let peak = 0;
    let finished = 0;
    queue.work(
      job,
      async () => {
        active += 1;
        peak = Math.max(peak, active);
        await sleep(30);
        active -= 1;
        finished += 1;
      },
      { concurrency: 2 },
    );
    for (let i = 0; i < 8; i += 1) await queue.enqueue(job, { scanId: `s${i}` });
    await waitFor(() => finished === 8);
    expect(peak).toBe(2);
  });

  it('retries a thrown error with exponential backoff, then succeeds', async () => {
    const job = uniqueJob(5);
    const queue = queues.create(database.db);
    const startedAt: number[] = [];
    queue.work(job, async ({ attempt }) => {
      startedAt.push(Date.now());
      if (attempt < 3) throw new Error(`throttled on attempt ${attempt}`);
    });
    const id = await queue.enqueue(job, { scanId: 'flaky' });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'done');
    expect(await jobRow(database.db, id)).toMatchObject({ attempts: 3, last_error: null });
    const retries = queues.events.filter((e) => e.type === 'retry-scheduled');
    expect(retries).toEqual([
      expect.objectContaining({ id, attempt: 1, delayMs: 20, error: 'throttled on attempt 1' }),
      expect.objectContaining({ id, attempt: 2, delayMs: 40, error: 'throttled on attempt 2' }),
    ]);
    const [first = 0, second = 0, third = 0] = startedAt;
    expect(second - first).toBeGreaterThanOrEqual(20);
    expect(third - second).toBeGreaterThanOrEqual(40);
  });

  it('honours a delay the error asks for', async () => {
    const job = uniqueJob(2);
    const queue = queues.create(database.db);
    queue.work(job, async ({ attempt }) => {
      if (attempt === 1) throw Object.assign(new Error('slow down'), { retryAfterMs: 60_000 });
    });
    const id = await queue.enqueue(job, { scanId: 'later' });
    const row = await waitFor(async () => {
      const current = await jobRow(database.db, id);
      return current.status === 'queued' && current.attempts === 1 && current;
    });
    expect(Date.parse(row.run_after) - Date.now()).toBeGreaterThan(50_000);
    expect(row.last_error).toBe('slow down');
  });

  it('fails a permanent error at once and tells the owner', async () => {
    const job = uniqueJob(5);
    const failures: JobFailure<ScanPayload>[] = [];
    const queue = queues.create(database.db);
    queue.work(job, async () => {
      throw new PermanentJobError('The AWS credentials were rejected');
    }, { onFailed: (f) => void failures.push(f) });
    const id = await queue.enqueue(job, { scanId: 'bad-creds' });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'failed');
    expect(await jobRow(database.db, id)).toMatchObject({ attempts: 1, last_error: 'The AWS credentials were rejected', lease_owner: null });
    expect(failures).toEqual([{ id, kind: job.kind, payload: { scanId: 'bad-creds' }, attempt: 1, error: 'The AWS credentials were rejected' }]);
  });

  it('fails a job for good when its attempts run out', async () => {
    const job = uniqueJob();
    const failures: JobFailure<ScanPayload>[] = [];
    const queue = queues.create(database.db);
    let runs = 0;
    queue.work(job, async () => {
      runs += 1;
      throw new Error(`network down (${runs})`);
    }, { onFailed: (f) => void failures.push(f) });
    const id = await queue.enqueue(job, { scanId: 'down' }, { maxAttempts: 2 });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'failed');
    expect(runs).toBe(2);
    expect(await jobRow(database.db, id)).toMatchObject({ attempts: 2, max_attempts: 2, last_error: 'network down (2)' });
    expect(failures).toHaveLength(1);
  });

  it('adds a job once per caller-chosen id and waits out its delay', async () => {
    const job = uniqueJob();
    const queue = queues.create(database.db);
    const first = await queue.enqueue(job, { scanId: 'a' }, { jobId: 'scan-42', delayMs: 60_000 });
    const second = await queue.enqueue(job, { scanId: 'b' }, { jobId: 'scan-42' });
    expect([first, second]).toEqual(['scan-42', 'scan-42']);
    let ran = false;
    queue.work(job, async () => void (ran = true));
    await sleep(100);
    expect(ran).toBe(false);
    expect(await jobRow(database.db, 'scan-42')).toMatchObject({ status: 'queued', payload: '{"scanId":"a"}' });
  });
});
