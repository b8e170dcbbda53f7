import { sql, type Migration } from 'kysely';

/**
 * One active scan per account, enforced by the database rather than a check-then-insert, so
 * two requests racing each other cannot both start one: a partial UNIQUE index (SQLite and
 * PostgreSQL spell it the same way) over the rows that are queued or running.
 */
export function scansMigration(): Migration {
  return {
    async up(db) {
      await sql`CREATE UNIQUE INDEX scans_one_active ON scans (account_id) WHERE status IN ('queued', 'running')`.execute(db);
    },
    async down(db) {
      await db.schema.dropIndex('scans_one_active').execute();
    },
  };
}
