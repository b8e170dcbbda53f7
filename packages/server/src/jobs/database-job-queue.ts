import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/database.js';
import { serializePayload } from './job-payload.js';
import {
  JobCancelledError,
  JobLeaseLostError,
  JobShutdownError,
  type EnqueueOptions,
  type JobDefinition,
  type JobEvent,
  type JobHandler,
  type JobPayload,
  type JobQueue,
  type WorkOptions,
} from './job-queue.js';
import { isoAfter } from './job-time.js';
import { JobsRepository } from './jobs.repository.js';
import { KindWorker, type RunningJob, type WorkerContext } from './kind-worker.js';

export interface DatabaseJobQueueOptions {
  /** Names this worker in lease_owner; distinct per process (default host:pid:random). */
  readonly ownerId?: string;
  /** How often an idle worker looks for due jobs (default 250 ms); a local enqueue wakes it at once. */
  readonly pollIntervalMs?: number;
  /** How long a claim holds a job without a heartbeat (default 30 s). */
  readonly leaseMs?: number;
  /** How often running jobs' leases are renewed (default 10 s; must be well under leaseMs). */
  readonly heartbeatMs?: number;
  /** How often running jobs are checked for a cancel or a lost lease (default 500 ms). */
  readonly cancelCheckMs?: number;
  readonly defaultMaxAttempts?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  /** How long close() lets running handlers finish before aborting them (default 10 s). */
  readonly shutdownGraceMs?: number;
  readonly onEvent?: (event: JobEvent) => void;
}

type Timing = Required<Omit<DatabaseJobQueueOptions, 'ownerId' | 'onEvent'>>;

const DEFAULTS: Timing = {
  pollIntervalMs: 250,
  leaseMs: 30_000,
  heartbeatMs: 10_000,
  cancelCheckMs: 500,
  defaultMaxAttempts: 3,
  backoffBaseMs: 1_000,
  backoffMaxMs: 5 * 60_000,
  shutdownGraceMs: 10_000,
};

function resolveTiming(options: DatabaseJobQueueOptions): Timing {
  const timing = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof Timing)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`Job queue option ${key} must be a positive number`);
    timing[key] = value;
  }
  if (timing.heartbeatMs >= timing.leaseMs) throw new Error('The job heartbeat must be shorter than the lease');
  return timing;
}

function settleWithin(promises: readonly Promise<void>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([Promise.allSettled(promises).then(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

/**
 * The embedded JobQueue: jobs are rows of the `jobs` table, claimed with a lease that a heartbeat
 * renews, so a killed process strands nothing — its leases expire and any worker takes the jobs
 * over. Every instance is one worker; several may share a database.
 */
export class DatabaseJobQueue implements JobQueue {
  private readonly repo: JobsRepository;
  private readonly timing: Timing;
  private readonly ownerId: string;
  private readonly running = new Map<string, RunningJob>();
  // Each kind's worker has its own payload type; the map only needs fill() and reportLost().
  private readonly workers = new Map<string, KindWorker<JobPayload>>();
  private readonly timers = new Map<'poll' | 'heartbeat' | 'cancel check', NodeJS.Timeout>();
  private readonly busy = new Set<string>();
  private closing: Promise<void> | undefined;

  constructor(db: Db, private readonly options: DatabaseJobQueueOptions = {}) {
    this.repo = new JobsRepository(db);
    this.timing = resolveTiming(options);
    this.ownerId = options.ownerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  async enqueue<P extends JobPayload>(definition: JobDefinition<P>, payload: P, options: EnqueueOptions = {}): Promise<string> {
    const maxAttempts = options.maxAttempts ?? definition.maxAttempts ?? this.timing.defaultMaxAttempts;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new Error(`maxAttempts must be a positive integer, got ${maxAttempts}`);
    }
    const id = options.jobId ?? randomUUID();
    const delayMs = options.delayMs ?? 0;
    const text = serializePayload(definition, payload);
    await this.repo.insert({ id, kind: definition.kind, payload: text, maxAttempts, runAfter: isoAfter(delayMs) });
    if (delayMs === 0 && !this.closing) void this.workers.get(definition.kind)?.fill();
    return id;
  }

  work<P extends JobPayload>(definition: JobDefinition<P>, handler: JobHandler<P>, options: WorkOptions<P> = {}): void {
    if (this.closing) throw new Error('This job queue is closed');
    if (this.workers.has(definition.kind)) throw new Error(`A handler for ${definition.kind} jobs is already registered`);
    const worker = new KindWorker(this.workerContext(), definition, handler, options);
    // Variance: the worker only ever sees payloads parsed by its own definition.
    this.workers.set(definition.kind, worker as unknown as KindWorker<JobPayload>);
    this.startTimers();
    void worker.fill();
  }

  async cancel(jobId: string): Promise<boolean> {
    const cancelled = await this.repo.cancel(jobId);
    // Ours: abort now rather than at the next check. Another worker's: its check notices.
    if (cancelled) this.running.get(jobId)?.controller.abort(new JobCancelledError(jobId));
    return cancelled;
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    clearInterval(this.timers.get('poll'));
    // Heartbeats go on while handlers finish, so their leases stay ours.
    await Promise.allSettled([...this.workers.values()].map((w) => w.fill()));
    await settleWithin(this.runningDone(), this.timing.shutdownGraceMs);
    for (const job of this.running.values()) job.controller.abort(new JobShutdownError(job.id));
    await settleWithin(this.runningDone(), this.timing.shutdownGraceMs);
    for (const timer of this.timers.values()) clearInterval(timer);
  }

  private runningDone(): Promise<void>[] {
    return [...this.running.values()].map((job) => job.done);
  }

  private workerContext(): WorkerContext {
    return {
      repo: this.repo,
      running: this.running,
      timing: this.timing,
      newLeaseOwner: () => `${this.ownerId}/${randomUUID()}`,
      isClosing: () => this.closing !== undefined,
      emit: (event) => this.emit(event),
    };
  }

  private emit(event: JobEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // An observer's failure must not break the queue.
    }
  }

  private startTimers(): void {
    if (this.timers.size > 0) return;
    const every = (name: 'poll' | 'heartbeat' | 'cancel check', ms: number, task: () => Promise<void>) => {
      const timer = setInterval(() => {
        if (this.busy.has(name)) return;
        this.busy.add(name);
        task()
          .catch((error: unknown) => this.emit({ type: 'error', context: name, error }))
          .finally(() => this.busy.delete(name));
      }, ms);
      // The HTTP server keeps a process alive, not an idle queue.
      timer.unref();
      this.timers.set(name, timer);
    };
    every('poll', this.timing.pollIntervalMs, () => this.poll());
    every('heartbeat', this.timing.heartbeatMs, () => this.heartbeat());
    every('cancel check', this.timing.cancelCheckMs, () => this.checkRunning());
  }

  private async poll(): Promise<void> {
    for (const row of await this.repo.failLost([...this.workers.keys()])) {
      await this.workers.get(row.kind)?.reportLost(row);
    }
    await Promise.all([...this.workers.values()].map((w) => w.fill()));
  }

  private async heartbeat(): Promise<void> {
    const jobs = [...this.running.values()];
    const renewedAt = Date.now();
    const held = await this.repo.renew(
      jobs.map((j) => j.leaseOwner),
      this.timing.leaseMs,
    );
    for (const job of jobs) {
      if (held.has(job.id)) job.leaseExpiresAt = renewedAt + this.timing.leaseMs;
    }
  }

  /** Aborts jobs cancelled elsewhere, taken over by another worker, or whose lease ran out. */
  private async checkRunning(): Promise<void> {
    const jobs = [...this.running.values()];
    if (jobs.length === 0) return;
    // With the database unreachable, the local lease deadline still applies.
    const found = await this.repo.statuses(jobs.map((j) => j.id)).catch((error: unknown) => {
      this.emit({ type: 'error', context: 'checking running jobs', error });
      return undefined;
    });
    const rows = found && new Map(found.map((r) => [r.id, r]));
    const now = Date.now();
    for (const job of jobs) {
      const row = rows?.get(job.id);
      if (row?.status === 'cancelled') {
        job.controller.abort(new JobCancelledError(job.id));
      } else if (now > job.leaseExpiresAt || (rows && (row?.status !== 'running' || row.lease_owner !== job.leaseOwner))) {
        job.controller.abort(new JobLeaseLostError(job.id));
      }
    }
  }
}
