import type { Migration } from 'kysely';

/**
 * The region filter under the default sort (worst first). Without it a rare region walks the
 * whole severity index, or the planner takes (scan_id, region, id) and sorts every row of the
 * region for each page. Other filters (service, kind, check, q) filter along the sort index;
 * docs/benchmarks.md has their cost. Each index slows ingest, so only this one is added.
 */
export const findingsMigration: Migration = {
  async up(db) {
    await db.schema.createIndex('findings_scan_region_severity').on('findings').columns(['scan_id', 'region', 'severity_rank', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('findings_scan_region_severity').execute();
  },
};
