import type { User } from '@cloudsweep/contract';
import type { Kysely } from 'kysely';
import type { Origin } from '../audit/audit.service.js';
import type { Database } from '../db/schema.js';
import { deleteDeadSessions, deleteSession, findSessionWithUser, insertSession, touchSession } from './sessions.repository.js';
import { hashSessionToken, newCsrfToken, newSessionToken } from './session-token.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
// Sliding expiry writes last_seen_at at most once a minute, not on every request.
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  /** The cookie value; never stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** The session behind a request, once its cookie checked out. */
export interface ActiveSession {
  idHash: string;
  csrfToken: string;
  user: User;
}

export async function startSession(db: Kysely<Database>, userId: string, origin: Origin): Promise<NewSession> {
  const now = new Date();
  const session: NewSession = {
    token: newSessionToken(),
    csrfToken: newCsrfToken(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  };
  await deleteDeadSessions(db, userId, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
  await insertSession(db, {
    id_hash: hashSessionToken(session.token),
    user_id: userId,
    csrf_token: session.csrfToken,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: session.expiresAt.toISOString(),
    ip: origin.ip,
    user_agent: origin.userAgent.slice(0, 512),
  });
  return session;
}

/** The live session for a cookie token, or null; an expired session is deleted on sight. */
export async function resumeSession(db: Kysely<Database>, token: string): Promise<ActiveSession | null> {
  const idHash = hashSessionToken(token);
  const row = await findSessionWithUser(db, idHash);
  if (!row) return null;
  const now = Date.now();
  const lastSeen = Date.parse(row.lastSeenAt);
  if (now >= Date.parse(row.expiresAt) || now - lastSeen >= SESSION_IDLE_MS) {
    await deleteSession(db, idHash);
    return null;
  }
  if (now - lastSeen >= TOUCH_EVERY_MS) await touchSession(db, idHash, new Date(now).toISOString());
  return { idHash, csrfToken: row.csrfToken, user: { id: row.userId, email: row.email } };
}

export async function endSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await deleteSession(db, idHash);
}
