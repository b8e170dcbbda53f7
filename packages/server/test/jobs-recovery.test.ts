import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/db/database.js';
import { JobLeaseLostError, type JobFailure } from '../src/jobs/job-queue.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';
import { QueueTracker, jobRow, sleep, uniqueJob, waitFor, type ScanPayload } from './jobs-test-kit.js';

const past = () => new Date(Date.now() - 60_000).toISOString();

/** A row as a worker that died mid-job leaves it: running, its lease expired long ago. */
async function insertOrphan(db: Db, kind: string, attempts: number, maxAttempts: number): Promise<string> {
  const id = crypto.randomUUID();
  await db.kysely
    .insertInto('jobs')
    .values({ id, kind, payload: '{"scanId":"orphan"}', status: 'running', run_after: past(), lease_owner: 'dead-worker/1', lease_expires_at: past(), attempts, max_attempts: maxAttempts, last_error: null, created_at: past(), updated_at: past() })
    .execute();
  return id;
}

describe.each(DATABASE_KINDS)('job queue recovery on %s', (kind) => {
  let database: TestDatabase;
  const queues = new QueueTracker();
  const extraConnections: Db[] = [];

  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterEach(async () => {
    await queues.closeAll();
    await Promise.all(extraConnections.splice(0).map((db) => db.close()));
  });
  afterAll(() => database?.drop());

  it('never runs a job twice or twice at once with two workers on the same database', async () => {
    const job = uniqueJob();
    const other = openDatabase(database.config);
    extraConnections.push(other);
    const producer = queues.create(database.db);
    const running = new Set<string>();
    const runs = new Map<string, string[]>();
    const overlaps: string[] = [];
    for (const [name, db] of [['a', database.db], ['b', other]] as const) {
      const worker = queues.create(db, { ownerId: `worker-${name}`, pollIntervalMs: 10 });
      worker.work(job, async ({ id }) => {
        if (running.has(id)) overlaps.push(id);
        running.add(id);
        runs.set(id, [...(runs.get(id) ?? []), name]);
        await sleep(Math.random() * 5);
        running.delete(id);
      }, { concurrency: 3 });
    }
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => producer.enqueue(job, { scanId: `s${i}` })));
    await waitFor(() => ids.every((id) => runs.has(id)) && running.size === 0, 10_000);
    await sleep(100);
    expect(overlaps).toEqual([]);
    expect(ids.filter((id) => runs.get(id)?.length !== 1)).toEqual([]);
    const byWorker = [...runs.values()].flat();
    expect(new Set(byWorker)).toEqual(new Set(['a', 'b']));
  });

  it('runs a job whose worker died again as its next attempt', async () => {
    const job = uniqueJob();
    const id = await insertOrphan(database.db, job.kind, 1, 3);
    const attempts: number[] = [];
    queues.create(database.db).work(job, async ({ attempt }) => void attempts.push(attempt));
    await waitFor(async () => (await jobRow(database.db, id)).status === 'done');
    expect(attempts).toEqual([2]);
    expect(await jobRow(database.db, id)).toMatchObject({ attempts: 2, lease_owner: null });
  });

  it("fails a job whose worker died on its last attempt with 'worker lost'", async () => {
    const job = uniqueJob();
    const id = await insertOrphan(database.db, job.kind, 3, 3);
    const failures: JobFailure<ScanPayload>[] = [];
    let ran = false;
    queues.create(database.db).work(job, async () => void (ran = true), { onFailed: (f) => void failures.push(f) });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'failed');
    expect(ran).toBe(false);
    expect(await jobRow(database.db, id)).toMatchObject({ last_error: 'worker lost', lease_owner: null, attempts: 3 });
    expect(failures).toEqual([{ id, kind: job.kind, payload: { scanId: 'orphan' }, attempt: 3, error: 'worker lost' }]);
  });

  it('aborts a handler whose lease another worker took, and drops its late result', async () => {
    const job = uniqueJob();
    const queue = queues.create(database.db);
    const reasons: unknown[] = [];
    queue.work(job, async ({ signal }) => {
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      reasons.push(signal.reason);
    });
    const id = await queue.enqueue(job, { scanId: 'stolen' });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'running');
    // As if the lease had expired during a long GC pause and another worker had claimed the job.
    await database.db.kysely.updateTable('jobs').set({ lease_owner: 'thief/1', attempts: 2 }).where('id', '=', id).execute();
    await waitFor(() => reasons.length === 1, 2_000);
    expect(reasons[0]).toBeInstanceOf(JobLeaseLostError);
    await waitFor(() => queues.events.some((e) => e.type === 'aborted' && e.reason === 'lease-lost'));
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'running', lease_owner: 'thief/1' });
  });

  it('keeps a job longer than its lease alive with heartbeats', async () => {
    const job = uniqueJob();
    const runs: string[] = [];
    for (const name of ['a', 'b']) {
      queues.create(database.db, { ownerId: name, leaseMs: 400, heartbeatMs: 50 }).work(job, async () => {
        runs.push(name);
        await sleep(1_000);
      });
    }
    const id = await queues.create(database.db).enqueue(job, { scanId: 'long' });
    await waitFor(async () => (await jobRow(database.db, id)).status === 'done', 5_000);
    expect(runs).toHaveLength(1);
    expect(await jobRow(database.db, id)).toMatchObject({ attempts: 1 });
  });

  it('recovers a job from a worker process killed with SIGKILL', async () => {
    const job = uniqueJob();
    const producer = queues.create(database.db);
    const id = await producer.enqueue(job, { scanId: 'crash' });
    const script = fileURLToPath(new URL('./jobs-crash-worker.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(database.config), job.kind], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await waitFor(() => output.includes(`running ${id}`), 15_000);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'running', attempts: 1 });
    expect((await jobRow(database.db, id)).lease_owner).toMatch(/^doomed-worker\//);
    const attempts: number[] = [];
    queues.create(database.db).work(job, async ({ attempt }) => void attempts.push(attempt));
    await waitFor(async () => (await jobRow(database.db, id)).status === 'done', 5_000);
    expect(attempts).toEqual([2]);
  }, 30_000);
});
