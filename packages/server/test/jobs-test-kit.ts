// Shared set-up for the job queue suites: fast timings, unique kinds, polling waits.
import { z } from 'zod';
import type { Db } from '../src/db/database.js';
import { DatabaseJobQueue, type DatabaseJobQueueOptions } from '../src/jobs/database-job-queue.js';
import { defineJob, type JobDefinition, type JobEvent } from '../src/jobs/job-queue.js';

export const FAST: DatabaseJobQueueOptions = {
  pollIntervalMs: 20,
  leaseMs: 1_000,
  heartbeatMs: 100,
  cancelCheckMs: 50,
  backoffBaseMs: 20,
  shutdownGraceMs: 2_000,
};

export type ScanPayload = { scanId: string };

let kinds = 0;

/** A job kind of its own per test, so tests sharing a database never see each other's jobs. */
export function uniqueJob(maxAttempts?: number): JobDefinition<ScanPayload> {
  kinds += 1;
  return defineJob({ kind: `test-${kinds}-${Math.random().toString(36).slice(2, 8)}`, payload: z.object({ scanId: z.string().min(1) }).strict(), maxAttempts });
}

/** Queues made by a test, closed after it; each records its events. */
export class QueueTracker {
  private readonly queues: DatabaseJobQueue[] = [];
  readonly events: JobEvent[] = [];

  create(db: Db, options: DatabaseJobQueueOptions = {}): DatabaseJobQueue {
    const queue = new DatabaseJobQueue(db, { ...FAST, onEvent: (e) => this.events.push(e), ...options });
    this.queues.push(queue);
    return queue;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.queues.splice(0).map((q) => q.close()));
    this.events.length = 0;
  }
}

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function jobRow(db: Db, id: string) {
  return db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A promise with its resolve exposed: a handler waits on it until the test lets it finish. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
