import type { AuditEvent, AuditPage } from '@cloudsweep/contract';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { decodeCursor, keysetPage } from '../pagination/cursor.js';
import { insertAuditEvent, listAuditEvents, type AuditRow } from './audit.repository.js';

/** Who asked: the client IP (proxy-aware per config) and user agent. */
export interface Origin {
  readonly ip: string;
  readonly userAgent: string;
}

export interface AuditEntry {
  userId: string | null;
  /** `<area>.<verb>`: auth.sign_up, auth.sign_in, auth.sign_in_failed, auth.sign_out, account.create, scan.start, ... */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip: string;
  userAgent: string;
  /** Facts for people reading the log; never a password, token or AWS secret. */
  details?: Record<string, unknown> | null;
}

const MAX_USER_AGENT = 512;

/**
 * Appends one event (the log is never updated or deleted). Pass `db.kysely` or a transaction so
 * the event commits with the change it describes.
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, {
    user_id: entry.userId,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    ip: entry.ip,
    user_agent: entry.userAgent.slice(0, MAX_USER_AGENT),
    details: entry.details ? JSON.stringify(entry.details) : null,
    created_at: new Date().toISOString(),
  });
}

/** Who asked, for `recordAudit`. */
export function auditOrigin(request: FastifyRequest): Origin {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
}

// A cursor is the last event's id (the codec's JSON of a number: the same text as before).
const AuditCursorSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

function toEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
    createdAt: row.created_at,
  };
}

export async function listOwnAuditEvents(
  db: Kysely<Database>,
  userId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<AuditPage> {
  const beforeId = page.cursor === undefined ? undefined : decodeCursor(page.cursor, AuditCursorSchema);
  const rows = await listAuditEvents(db, userId, page.limit + 1, beforeId);
  const { rows: events, nextCursor } = keysetPage(rows, page.limit, (last) => last.id);
  return { events: events.map(toEvent), nextCursor };
}
