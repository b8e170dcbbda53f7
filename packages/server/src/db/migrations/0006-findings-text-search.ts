import { sql, type Migration } from 'kysely';
import type { DatabaseKind } from '../database.js';
import { optionalStep } from './optional-step.js';

/**
 * Text search (`q`, a case-insensitive substring of resource ARN or id) through a trigram index
 * on PostgreSQL, so a page no longer filters the sort index row by row (0.1-0.7 s at 1M;
 * docs/benchmarks.md): pg_trgm and a GIN index on the one expression the query filters on
 * (findings-query.ts TEXT_EXPRESSION). pg_trgm is a trusted extension, but a role without CREATE
 * on the database cannot add it: the attempt runs in a savepoint, so the migration still
 * succeeds, without the index, and `q` keeps working as a scan (same answers, slower).
 *
 * Nothing on SQLite: an FTS5 trigram table kept by triggers cut ingest from ~31k to ~10k
 * findings/s under the same load (detail=none did not help), far under the 50k/s target, so
 * SQLite keeps the scan along the sort index (docs/benchmarks.md).
 */
export function findingsTextSearchMigration(kind: DatabaseKind): Migration {
  return {
    async up(db) {
      if (kind === 'sqlite') return;
      if (!(await optionalStep(db, 'pg_trgm_create', sql`create extension if not exists pg_trgm`))) return;
      await sql`create index findings_text_trgm on findings using gin ((lower(resource_arn || ' ' || resource_id)) gin_trgm_ops)`.execute(db);
    },
    async down(db) {
      if (kind === 'sqlite') return;
      await sql`drop index if exists findings_text_trgm`.execute(db);
    },
  };
}
