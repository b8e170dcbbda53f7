import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function insertPendingExternalId(
  db: Kysely<Database>,
  row: { externalId: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('pending_external_ids')
    .values({ external_id: row.externalId, user_id: row.userId, created_at: row.createdAt, expires_at: row.expiresAt })
    .execute();
}

/** Drops the user's expired ExternalIds and all but the newest `keep` of the others. */
export async function prunePendingExternalIds(db: Kysely<Database>, userId: string, now: string, keep: number): Promise<void> {
  await db.deleteFrom('pending_external_ids').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
  const newest = db
    .selectFrom('pending_external_ids')
    .select('external_id')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('external_id', 'desc')
    .limit(keep);
  await db.deleteFrom('pending_external_ids').where('user_id', '=', userId).where('external_id', 'not in', newest).execute();
}

/** `externalId` when it was issued to this user and has not expired; otherwise their newest one. */
export async function findPendingExternalId(
  db: Kysely<Database>,
  userId: string,
  now: string,
  externalId: string | undefined,
): Promise<string | undefined> {
  let query = db.selectFrom('pending_external_ids').select('external_id').where('user_id', '=', userId).where('expires_at', '>', now);
  if (externalId !== undefined) query = query.where('external_id', '=', externalId);
  const row = await query.orderBy('created_at', 'desc').orderBy('external_id', 'desc').limit(1).executeTakeFirst();
  return row?.external_id;
}

/** False when another request consumed it first: an ExternalId belongs to exactly one account. */
export async function consumePendingExternalId(db: Kysely<Database>, userId: string, externalId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('pending_external_ids')
    .where('external_id', '=', externalId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
