import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditEventsTable, Database } from '../db/schema.js';

export type AuditRow = Selectable<AuditEventsTable>;

export async function insertAuditEvent(db: Kysely<Database>, event: Insertable<AuditEventsTable>): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
}

/** Newest first by id (the audit_user_id index serves it); `beforeId` continues a page. */
export async function listAuditEvents(
  db: Kysely<Database>,
  userId: string,
  limit: number,
  beforeId: number | undefined,
): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_events').selectAll().where('user_id', '=', userId);
  if (beforeId !== undefined) query = query.where('id', '<', beforeId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}
