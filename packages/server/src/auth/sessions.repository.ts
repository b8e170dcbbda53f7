import type { Kysely } from 'kysely';
import type { Database, SessionsTable } from '../db/schema.js';

export interface SessionWithUser {
  idHash: string;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
  userId: string;
  email: string;
}

export async function insertSession(db: Kysely<Database>, session: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function findSessionWithUser(db: Kysely<Database>, idHash: string): Promise<SessionWithUser | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash as idHash',
      'sessions.csrf_token as csrfToken',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.expires_at as expiresAt',
      'users.id as userId',
      'users.email as email',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, idHash: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Housekeeping at sign-in: a user's sessions that can no longer be used. */
export async function deleteDeadSessions(db: Kysely<Database>, userId: string, now: string, idleCutoff: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .execute();
}
