import { sql, type Migration } from 'kysely';

/**
 * finding_groups: per scan, the number of findings (and failed savings) for each (check,
 * severity, region, status). Ingest keeps it in the batch's transaction (findings-ingest.ts).
 * It tells the page planner which sort values hold matching rows, so a filtered page never walks
 * a stretch of the index with none (findings-walk.ts), and makes a running scan's summary a read
 * of a few thousand rows instead of a GROUP BY over a million. Existing scans are backfilled.
 */
export const findingGroupsMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('finding_groups')
      .addColumn('scan_id', 'text', (c) => c.notNull().references('scans.id').onDelete('cascade'))
      .addColumn('check_id', 'text', (c) => c.notNull())
      .addColumn('severity_rank', 'integer', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('findings', 'integer', (c) => c.notNull())
      // double precision: PostgreSQL's real is 4 bytes, too coarse for a running sum of dollars.
      .addColumn('savings_usd', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('finding_groups_pkey', ['scan_id', 'check_id', 'severity_rank', 'region', 'status'])
      .execute();
    await sql`
      INSERT INTO finding_groups (scan_id, check_id, severity_rank, region, status, service, kind, findings, savings_usd)
      SELECT scan_id, check_id, severity_rank, region, status, min(service), min(kind), count(*), coalesce(sum(savings_usd), 0)
      FROM findings GROUP BY scan_id, check_id, severity_rank, region, status`.execute(db);
  },
  async down(db) {
    await db.schema.dropTable('finding_groups').execute();
  },
};
