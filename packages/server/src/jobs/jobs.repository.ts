import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { isoAfter, isoNow } from './job-time.js';

export interface NewJob {
  readonly id: string;
  readonly kind: string;
  readonly payload: string;
  readonly maxAttempts: number;
  readonly runAfter: string;
}

export interface ClaimedJob {
  readonly id: string;
  readonly kind: string;
  readonly payload: string;
  readonly attempts: number;
  readonly max_attempts: number;
}

export interface JobStatusRow {
  readonly id: string;
  readonly status: Database['jobs']['status'];
  readonly lease_owner: string | null;
}

const LAST_ERROR_MAX = 2000;

/**
 * A row may be claimed when it is queued and due, or running under a lease that expired (its
 * worker died) with attempts left. The claim re-checks this inside its UPDATE, so two workers
 * that picked the same candidate cannot both win: on PostgreSQL the loser's UPDATE re-evaluates
 * the condition on the winner's committed row and matches nothing; SQLite runs one writer at a
 * time. The lease owner is a token unique to each claim, so a late write from a worker that lost
 * its lease matches nothing either.
 */
function claimable(now: string) {
  return (eb: ExpressionBuilder<Database, 'jobs'>): Expression<SqlBool> =>
    eb.or([
      eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', now)]),
      eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', now), eb('attempts', '<', eb.ref('max_attempts'))]),
    ]);
}

function truncate(message: string): string {
  return message.length > LAST_ERROR_MAX ? `${message.slice(0, LAST_ERROR_MAX - 1)}…` : message;
}

/** The only SQL of the job queue: the same statements on SQLite and PostgreSQL. */
export class JobsRepository {
  constructor(private readonly db: Db) {}

  /** Inserts the job unless one with the same id exists (idempotent enqueue). */
  async insert(job: NewJob): Promise<void> {
    const now = isoNow();
    await this.db.kysely
      .insertInto('jobs')
      .values({
        id: job.id,
        kind: job.kind,
        payload: job.payload,
        status: 'queued',
        run_after: job.runAfter,
        lease_owner: null,
        lease_expires_at: null,
        attempts: 0,
        max_attempts: job.maxAttempts,
        last_error: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /**
   * Takes the next due job of a kind for `leaseOwner`. PostgreSQL adds SKIP LOCKED so concurrent
   * workers pass over each other's candidates instead of queueing on one row lock; correctness
   * does not depend on it (see `claimable`).
   */
  async claim(kind: string, leaseOwner: string, leaseMs: number): Promise<ClaimedJob | undefined> {
    const now = isoNow();
    const next = this.db.kysely
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', kind)
      .where(claimable(now))
      .orderBy('run_after')
      .orderBy('id')
      .limit(1)
      .$if(this.db.kind === 'postgres', (q) => q.forUpdate().skipLocked());
    return this.db.kysely
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        lease_owner: leaseOwner,
        lease_expires_at: isoAfter(leaseMs),
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', next)
      .where(claimable(now))
      .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
      .executeTakeFirst();
  }

  /** Jobs whose worker died on their last attempt: failed for good with 'worker lost'. */
  async failLost(kinds: readonly string[]): Promise<ClaimedJob[]> {
    if (kinds.length === 0) return [];
    const now = isoNow();
    return this.db.kysely
      .updateTable('jobs')
      .set({ status: 'failed', last_error: 'worker lost', lease_owner: null, lease_expires_at: null, updated_at: now })
      .where('kind', 'in', kinds)
      .where('status', '=', 'running')
      .where('lease_expires_at', '<', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
      .execute();
  }

  /** Extends the leases this worker still holds; returns the ids it still holds. */
  async renew(leaseOwners: readonly string[], leaseMs: number): Promise<Set<string>> {
    if (leaseOwners.length === 0) return new Set();
    const rows = await this.db.kysely
      .updateTable('jobs')
      .set({ lease_expires_at: isoAfter(leaseMs), updated_at: isoNow() })
      .where('status', '=', 'running')
      .where('lease_owner', 'in', leaseOwners)
      .returning('id')
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  async statuses(ids: readonly string[]): Promise<JobStatusRow[]> {
    if (ids.length === 0) return [];
    return this.db.kysely.selectFrom('jobs').select(['id', 'status', 'lease_owner']).where('id', 'in', ids).execute();
  }

  async complete(id: string, leaseOwner: string): Promise<boolean> {
    return this.settle(id, leaseOwner, { status: 'done', last_error: null });
  }

  async fail(id: string, leaseOwner: string, error: string): Promise<boolean> {
    return this.settle(id, leaseOwner, { status: 'failed', last_error: truncate(error) });
  }

  async retryLater(id: string, leaseOwner: string, error: string, delayMs: number): Promise<boolean> {
    return this.settle(id, leaseOwner, { status: 'queued', last_error: truncate(error), run_after: isoAfter(delayMs) });
  }

  /** Back to the queue at once, giving back the attempt (a shutdown is not the job's fault). */
  async release(id: string, leaseOwner: string): Promise<boolean> {
    const result = await this.db.kysely
      .updateTable('jobs')
      .set((eb) => ({
        status: 'queued',
        run_after: isoNow(),
        attempts: eb('attempts', '-', 1),
        lease_owner: null,
        lease_expires_at: null,
        updated_at: isoNow(),
      }))
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', leaseOwner)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Queued or running -> cancelled. A running job's worker notices through `statuses`. */
  async cancel(id: string): Promise<boolean> {
    const result = await this.db.kysely
      .updateTable('jobs')
      .set({ status: 'cancelled', updated_at: isoNow() })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  private async settle(
    id: string,
    leaseOwner: string,
    values: { status: 'done' | 'failed' | 'queued'; last_error: string | null; run_after?: string },
  ): Promise<boolean> {
    const result = await this.db.kysely
      .updateTable('jobs')
      .set({ ...values, lease_owner: null, lease_expires_at: null, updated_at: isoNow() })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', leaseOwner)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
