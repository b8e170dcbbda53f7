import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JobCancelledError, JobShutdownError } from '../src/jobs/job-queue.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';
import { QueueTracker, gate, jobRow, sleep, uniqueJob, waitFor } from './jobs-test-kit.js';

/** Resolves with the signal's reason when it aborts. */
function aborted(signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.reason), { once: true }));
}

describe.each(DATABASE_KINDS)('cancelling and closing the job queue on %s', (kind) => {
  let database: TestDatabase;
  const queues = new QueueTracker();

  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterEach(() => queues.closeAll());
  afterAll(() => database?.drop());

  it('never runs a job cancelled while queued', async () => {
    const job = uniqueJob();
    const queue = queues.create(database.db);
    const doomed = await queue.enqueue(job, { scanId: 'doomed' });
    expect(await queue.cancel(doomed)).toBe(true);
    const ran: string[] = [];
    queue.work(job, async ({ payload }) => void ran.push(payload.scanId));
    // A later job has run: the worker has looked at the queue past the cancelled one.
    const sentinel = await queue.enqueue(job, { scanId: 'sentinel' });
    await waitFor(async () => (await jobRow(database.db, sentinel)).status === 'done');
    await sleep(60);
    expect(ran).toEqual(['sentinel']);
    expect(await jobRow(database.db, doomed)).toMatchObject({ status: 'cancelled', attempts: 0 });
  });

  it('aborts a running job cancelled through its own queue at once', async () => {
    const job = uniqueJob();
    const queue = queues.create(database.db);
    const reasons: unknown[] = [];
    queue.work(job, async ({ signal }) => {
      reasons.push(await aborted(signal));
      throw signal.reason;
    });
    const id = await queue.enqueue(job, { scanId: 'long' });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'running');
    const cancelledAt = Date.now();
    expect(await queue.cancel(id)).toBe(true);
    await waitFor(() => reasons.length === 1, 2_000);
    expect(Date.now() - cancelledAt).toBeLessThan(2_000);
    expect(reasons[0]).toBeInstanceOf(JobCancelledError);
    await waitFor(() => queues.events.some((e) => e.type === 'aborted' && e.id === id && e.reason === 'cancelled'));
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'cancelled', attempts: 1 });
  });

  it('aborts a running job cancelled through another queue instance within 2 s, and keeps it cancelled', async () => {
    const job = uniqueJob();
    const owner = queues.create(database.db, { cancelCheckMs: 500 });
    const api = queues.create(database.db);
    const abortedAfter: number[] = [];
    let cancelledAt = 0;
    owner.work(job, async ({ signal }) => {
      await aborted(signal);
      abortedAfter.push(Date.now() - cancelledAt);
      // A handler that ignores the abort and "succeeds" must not undo the cancel.
    });
    const id = await api.enqueue(job, { scanId: 'remote' });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'running');
    cancelledAt = Date.now();
    expect(await api.cancel(id)).toBe(true);
    await waitFor(() => abortedAfter.length === 1, 3_000);
    expect(abortedAfter[0]).toBeLessThan(2_000);
    await waitFor(() => queues.events.some((e) => e.type === 'aborted' && e.id === id));
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'cancelled' });
    expect(await api.cancel(id)).toBe(false);
    expect(await api.cancel('no-such-job')).toBe(false);
  });

  it('waits in close() for running handlers to finish', async () => {
    const job = uniqueJob();
    const queue = queues.create(database.db);
    const release = gate();
    queue.work(job, () => release.promise);
    const id = await queue.enqueue(job, { scanId: 'finishing' });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'running');
    let closed = false;
    const closing = queue.close().then(() => {
      closed = true;
    });
    await sleep(100);
    expect(closed).toBe(false);
    release.open();
    await closing;
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('gives a job that outlives the grace period back to the queue without using an attempt', async () => {
    const job = uniqueJob(1);
    const first = queues.create(database.db, { shutdownGraceMs: 100 });
    const reasons: unknown[] = [];
    first.work(job, async ({ signal }) => {
      reasons.push(await aborted(signal));
      throw signal.reason;
    });
    const id = await first.enqueue(job, { scanId: 'interrupted' });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'running');
    await first.close();
    expect(reasons[0]).toBeInstanceOf(JobShutdownError);
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'queued', attempts: 0, lease_owner: null });
    const attempts: number[] = [];
    queues.create(database.db).work(job, async ({ attempt }) => void attempts.push(attempt));
    await waitFor(async () => (await jobRow(database.db, id)).status === 'done');
    expect(attempts).toEqual([1]);
  });

  it('takes no new jobs once closed', async () => {
    const job = uniqueJob();
    const queue = queues.create(database.db);
    let ran = false;
    queue.work(job, async () => void (ran = true));
    await queue.close();
    const id = await queue.enqueue(job, { scanId: 'after-close' });
    await sleep(100);
    expect(ran).toBe(false);
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'queued' });
    expect(() => queue.work(uniqueJob(), async () => {})).toThrow(/closed/);
  });
});
