import type { z } from 'zod';

/**
 * The JobQueue port: background work that never blocks a request.
 *
 * Contract (every implementation — the embedded database queue here, a BullMQ/Redis one at scale):
 * - Delivery is AT LEAST ONCE. A job may run again after a crash, a lost lease or a retry, so a
 *   handler must be idempotent: it re-reads its state from the database by the ids in the payload
 *   and makes its writes safe to repeat (upserts, guarded status transitions).
 * - A handler that resolves completes the job ('done').
 * - A handler that throws fails this attempt. The job runs again after an exponential backoff
 *   (or after the error's `retryAfterMs`) until `maxAttempts` attempts have run; then it is
 *   'failed' with `last_error` set to the error's message. An error with `retryable: false`
 *   (see `PermanentJobError`) fails the job at once, whatever attempts are left.
 * - `signal` aborts when the job is cancelled (`JobCancelledError`), when this worker lost its
 *   lease — another worker may already be running the job (`JobLeaseLostError`) — or when the
 *   queue shuts down (`JobShutdownError`; the job goes back to the queue without using up an
 *   attempt). After an abort the handler should stop soon; whatever it returns or throws is
 *   ignored, except on shutdown, where a handler that still completes marks the job done.
 * - A worker that dies mid-job (process killed) leaves a lease that expires; any worker then
 *   runs the job again as the next attempt, or fails it with 'worker lost' when none are left.
 * - Payloads carry ids, never credentials or bulky data: a flat JSON object, validated by the
 *   job's zod schema when enqueued and again when a worker picks it up.
 *
 * On BullMQ the same contract maps to: kind = queue name, maxAttempts = `attempts`, the backoff =
 * `backoff: { type: 'exponential' }` (a custom strategy for `retryAfterMs`), jobId = `jobId`,
 * delayMs = `delay`, a permanent error = `UnrecoverableError`, the lease = the job lock and its
 * stalled-job check ('worker lost' = stalled past `maxStalledCount`), and cancelling a running job
 * = a message to the workers' abort controllers.
 */
export type JobPayload = Readonly<Record<string, string | number | boolean | null>>;

export interface JobDefinition<P extends JobPayload> {
  /** The queue name, e.g. 'scan'. */
  readonly kind: string;
  readonly payload: z.ZodType<P>;
  /** Attempts when `enqueue` does not say (default 3). */
  readonly maxAttempts?: number;
}

/** Names a kind of job and the schema its payload must satisfy. */
export function defineJob<P extends JobPayload>(definition: JobDefinition<P>): JobDefinition<P> {
  return Object.freeze({ ...definition });
}

export interface EnqueueOptions {
  readonly maxAttempts?: number;
  /** Do not run before this many milliseconds from now. */
  readonly delayMs?: number;
  /**
   * A caller-chosen id (e.g. the scan id), which makes enqueue idempotent: when a job with this
   * id already exists, nothing is added and its id is returned.
   */
  readonly jobId?: string;
}

export interface JobContext<P extends JobPayload> {
  readonly id: string;
  readonly kind: string;
  readonly payload: P;
  /** 1 on the first run; a retry or a recovery after a lost worker counts up. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly signal: AbortSignal;
}

export type JobHandler<P extends JobPayload> = (job: JobContext<P>) => Promise<void>;

/** Why a job ended 'failed' for good — the owner of the kind records it (e.g. on the scan). */
export interface JobFailure<P extends JobPayload> {
  readonly id: string;
  readonly kind: string;
  /** Undefined when the stored payload no longer satisfies the schema. */
  readonly payload: P | undefined;
  readonly attempt: number;
  readonly error: string;
}

export interface WorkOptions<P extends JobPayload> {
  /** Jobs of this kind this worker runs at the same time (default 1). */
  readonly concurrency?: number;
  /** Called once when a job of this kind fails for good, including 'worker lost'. */
  readonly onFailed?: (failure: JobFailure<P>) => Promise<void> | void;
}

export interface JobQueue {
  enqueue<P extends JobPayload>(definition: JobDefinition<P>, payload: P, options?: EnqueueOptions): Promise<string>;
  /** Starts consuming jobs of this kind; one handler per kind. */
  work<P extends JobPayload>(definition: JobDefinition<P>, handler: JobHandler<P>, options?: WorkOptions<P>): void;
  /**
   * A queued job is cancelled at once and never runs; a running one is marked cancelled and its
   * handler's signal aborts (within about a second). False when the job is unknown or finished.
   */
  cancel(jobId: string): Promise<boolean>;
  /** Stops taking jobs and waits for running handlers (aborting them after a grace period). */
  close(): Promise<void>;
}

/** Throw this (or any error with `retryable: false`) to fail a job without retrying. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
  readonly retryable = false;
}

export class JobCancelledError extends Error {
  override readonly name = 'JobCancelledError';
  constructor(jobId: string) {
    super(`Job ${jobId} was cancelled`);
  }
}

export class JobLeaseLostError extends Error {
  override readonly name = 'JobLeaseLostError';
  constructor(jobId: string) {
    super(`This worker lost the lease on job ${jobId}; another worker may be running it`);
  }
}

export class JobShutdownError extends Error {
  override readonly name = 'JobShutdownError';
  constructor(jobId: string) {
    super(`The worker is shutting down; job ${jobId} goes back to the queue`);
  }
}

export function isPermanentError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'retryable' in error && error.retryable === false;
}

/** A delay the error asks for (e.g. AWS throttling's retry hint), if any. */
export function retryAfterMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('retryAfterMs' in error)) return undefined;
  const value = error.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** What a queue reports for logs and metrics (payloads are left out: ids only, but still). */
export type JobEvent =
  | { readonly type: 'started'; readonly id: string; readonly kind: string; readonly attempt: number }
  | { readonly type: 'completed'; readonly id: string; readonly kind: string; readonly attempt: number; readonly durationMs: number }
  | { readonly type: 'retry-scheduled'; readonly id: string; readonly kind: string; readonly attempt: number; readonly error: string; readonly delayMs: number }
  | { readonly type: 'failed'; readonly id: string; readonly kind: string; readonly attempt: number; readonly error: string }
  | { readonly type: 'aborted'; readonly id: string; readonly kind: string; readonly attempt: number; readonly reason: 'cancelled' | 'lease-lost' | 'shutdown' }
  /** The queue itself hit a problem (e.g. the database was unreachable during a poll). */
  | { readonly type: 'error'; readonly context: string; readonly error: unknown };
