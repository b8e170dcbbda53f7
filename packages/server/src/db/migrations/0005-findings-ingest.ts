import type { Migration } from 'kysely';

/**
 * Drops (scan_id, fingerprint). A fingerprint is a hash, so each ingested row landed at a random
 * place in that B-tree: once the index outgrew the page cache, every batch dirtied thousands of
 * its pages, and it alone cut SQLite ingest from ~58k to ~31k findings/s at 1M rows
 * (docs/benchmarks.md). Its one reader, the diff's "same problem in the other scan" test, now
 * also matches the resource ARN (the fingerprint is sha256(check id, ARN), so the result is the
 * same) and seeks (scan_id, resource_arn, id) instead: a handful of rows per resource.
 */
export const findingsIngestMigration: Migration = {
  async up(db) {
    await db.schema.dropIndex('findings_scan_fingerprint').execute();
  },
  async down(db) {
    await db.schema.createIndex('findings_scan_fingerprint').on('findings').columns(['scan_id', 'fingerprint']).execute();
  },
};
