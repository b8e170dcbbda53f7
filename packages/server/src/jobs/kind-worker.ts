import { deserializePayload } from './job-payload.js';
import {
  JobCancelledError,
  JobShutdownError,
  isPermanentError,
  retryAfterMs,
  type JobDefinition,
  type JobEvent,
  type JobHandler,
  type JobPayload,
  type WorkOptions,
} from './job-queue.js';
import { backoffMs } from './job-time.js';
import type { ClaimedJob, JobsRepository } from './jobs.repository.js';

/** A job this process is running, watched by the queue's heartbeat and cancel check. */
export interface RunningJob {
  readonly id: string;
  readonly leaseOwner: string;
  readonly controller: AbortController;
  /** When our lease runs out if no heartbeat gets through (local clock, ms). */
  leaseExpiresAt: number;
  done: Promise<void>;
}

/** What a kind's worker shares with its queue. */
export interface WorkerContext {
  readonly repo: JobsRepository;
  readonly running: Map<string, RunningJob>;
  readonly timing: Readonly<{ leaseMs: number; backoffBaseMs: number; backoffMaxMs: number }>;
  newLeaseOwner(): string;
  isClosing(): boolean;
  emit(event: JobEvent): void;
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Claims and runs the jobs of one kind, up to its concurrency. */
export class KindWorker<P extends JobPayload> {
  private readonly concurrency: number;
  private active = 0;
  private filling: Promise<void> | undefined;
  private fillAgain = false;

  constructor(
    private readonly context: WorkerContext,
    private readonly definition: JobDefinition<P>,
    private readonly handler: JobHandler<P>,
    private readonly options: WorkOptions<P>,
  ) {
    this.concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1) {
      throw new Error(`Job concurrency must be a positive integer, got ${this.concurrency}`);
    }
  }

  /** Claims due jobs until every slot is busy or none is due; calls made meanwhile coalesce. */
  fill(): Promise<void> {
    if (this.filling) {
      this.fillAgain = true;
      return this.filling;
    }
    this.filling = this.fillLoop()
      .catch((error: unknown) => this.context.emit({ type: 'error', context: `running ${this.definition.kind} jobs`, error }))
      .finally(() => {
        this.filling = undefined;
        // A wake-up that arrived after the loop's last look must not wait for the next poll.
        if (this.fillAgain && !this.context.isClosing()) void this.fill();
      });
    return this.filling;
  }

  /** Reports a job whose worker died on its last attempt (found by the queue's sweep). */
  async reportLost(row: ClaimedJob): Promise<void> {
    this.context.emit({ type: 'failed', id: row.id, kind: row.kind, attempt: row.attempts, error: 'worker lost' });
    await this.notifyFailed(row, 'worker lost');
  }

  private async fillLoop(): Promise<void> {
    const { repo, timing } = this.context;
    do {
      this.fillAgain = false;
      while (!this.context.isClosing() && this.active < this.concurrency) {
        const leaseOwner = this.context.newLeaseOwner();
        const row = await repo.claim(this.definition.kind, leaseOwner, timing.leaseMs).catch((error: unknown) => {
          this.context.emit({ type: 'error', context: `claiming a ${this.definition.kind} job`, error });
          return undefined;
        });
        if (!row) break;
        if (this.context.isClosing()) {
          await repo.release(row.id, leaseOwner);
          break;
        }
        this.start(row, leaseOwner);
      }
    } while (this.fillAgain && !this.context.isClosing());
  }

  private start(row: ClaimedJob, leaseOwner: string): void {
    const job: RunningJob = {
      id: row.id,
      leaseOwner,
      controller: new AbortController(),
      leaseExpiresAt: Date.now() + this.context.timing.leaseMs,
      done: Promise.resolve(),
    };
    this.active += 1;
    this.context.running.set(row.id, job);
    job.done = this.run(row, job)
      .catch((error: unknown) => this.context.emit({ type: 'error', context: `settling job ${row.id}`, error }))
      .finally(() => {
        this.active -= 1;
        this.context.running.delete(row.id);
        void this.fill();
      });
  }

  private async run(row: ClaimedJob, job: RunningJob): Promise<void> {
    let payload: P;
    try {
      payload = deserializePayload(this.definition, row.payload);
    } catch (error) {
      await this.settleFailure(row, job, error, undefined);
      return;
    }
    const started = Date.now();
    this.context.emit({ type: 'started', id: row.id, kind: row.kind, attempt: row.attempts });
    const outcome = await this.invoke(row, job, payload);
    const { signal } = job.controller;
    if (signal.aborted && !(signal.reason instanceof JobShutdownError)) {
      // Cancelled, or another worker owns the job now: a write of ours would be wrong.
      const reason = signal.reason instanceof JobCancelledError ? 'cancelled' : 'lease-lost';
      this.context.emit({ type: 'aborted', id: row.id, kind: row.kind, attempt: row.attempts, reason });
      return;
    }
    if (outcome.ok) {
      if (await this.context.repo.complete(row.id, job.leaseOwner)) {
        this.context.emit({ type: 'completed', id: row.id, kind: row.kind, attempt: row.attempts, durationMs: Date.now() - started });
      }
    } else if (signal.aborted) {
      await this.context.repo.release(row.id, job.leaseOwner);
      this.context.emit({ type: 'aborted', id: row.id, kind: row.kind, attempt: row.attempts, reason: 'shutdown' });
    } else {
      await this.settleFailure(row, job, outcome.error, payload);
    }
  }

  private async invoke(row: ClaimedJob, job: RunningJob, payload: P): Promise<Outcome> {
    try {
      await this.handler({
        id: row.id,
        kind: row.kind,
        payload,
        attempt: row.attempts,
        maxAttempts: row.max_attempts,
        signal: job.controller.signal,
      });
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private async settleFailure(row: ClaimedJob, job: RunningJob, error: unknown, payload: P | undefined): Promise<void> {
    const { repo, timing } = this.context;
    const message = messageOf(error);
    if (isPermanentError(error) || row.attempts >= row.max_attempts) {
      if (await repo.fail(row.id, job.leaseOwner, message)) {
        this.context.emit({ type: 'failed', id: row.id, kind: row.kind, attempt: row.attempts, error: message });
        await this.notifyFailed(row, message, payload);
      }
      return;
    }
    const delayMs = retryAfterMs(error) ?? backoffMs(row.attempts, timing.backoffBaseMs, timing.backoffMaxMs);
    if (await repo.retryLater(row.id, job.leaseOwner, message, delayMs)) {
      this.context.emit({ type: 'retry-scheduled', id: row.id, kind: row.kind, attempt: row.attempts, error: message, delayMs });
    }
  }

  private async notifyFailed(row: ClaimedJob, error: string, payload?: P): Promise<void> {
    const onFailed = this.options.onFailed;
    if (!onFailed) return;
    let parsed = payload;
    if (!parsed) {
      try {
        parsed = deserializePayload(this.definition, row.payload);
      } catch {
        parsed = undefined;
      }
    }
    try {
      await onFailed({ id: row.id, kind: row.kind, payload: parsed, attempt: row.attempts, error });
    } catch (hookError) {
      this.context.emit({ type: 'error', context: `onFailed of job ${row.id}`, error: hookError });
    }
  }
}
