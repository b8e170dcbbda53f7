import { sql, type Migration } from 'kysely';
import type { DatabaseKind } from '../database.js';

/**
 * SQLite's index for text search (`q`), built once a scan has completed rather than at ingest
 * (an FTS5 table kept by triggers cut ingest to a third; docs/benchmarks.md). finding_text is
 * contentless (the text lives in findings) with detail=none: the smallest FTS5 index, enough for
 * an AND of trigrams, which narrows the rows the exact test then runs on. Its rowid packs the
 * scan's seq, the severity rank and the finding id (findings-text-index.ts), so rowid order is a
 * scan's rows worst first and a page reads the index in order from its cursor.
 * finding_text_scans is created on both databases (the code that abandons an index runs on both)
 * but only SQLite fills it.
 */
export function findingTextIndexMigration(kind: DatabaseKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('finding_text_scans')
        .addColumn('seq', kind === 'postgres' ? 'serial' : 'integer', (c) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('scan_id', 'text', (c) => c.unique().references('scans.id').onDelete('set null'))
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      if (kind !== 'sqlite') return;
      await sql`CREATE VIRTUAL TABLE finding_text USING fts5(text, tokenize = 'trigram', content = '', contentless_delete = 1, detail = none)`.execute(db);
    },
    async down(db) {
      if (kind === 'sqlite') await sql`DROP TABLE finding_text`.execute(db);
      await db.schema.dropTable('finding_text_scans').execute();
    },
  };
}
