// The statements a piece of code runs, captured by a Kysely plugin on a copy of the instance
// (same connection or pool), so plan tests can EXPLAIN exactly what a page executed.
import { sql, type CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely';
import type { Database } from '../src/db/schema.js';

export function capturing(db: Kysely<Database>): { db: Kysely<Database>; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      queries.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  return { db: db.withPlugin(plugin), queries };
}

/** The queries that read findings rows (not finding_groups, not the scan). */
export function findingsReads(queries: readonly CompiledQuery[]): CompiledQuery[] {
  return queries.filter((q) => /(from|join) "findings"/.test(q.sql));
}

/** EXPLAIN (SQLite: QUERY PLAN) of a captured query, one line per plan node. */
export async function explain(db: Kysely<Database>, kind: string, query: CompiledQuery, analyze = false): Promise<string> {
  if (kind === 'sqlite') {
    const { rows } = await db.executeQuery<{ detail: string }>({ ...query, sql: `EXPLAIN QUERY PLAN ${query.sql}` });
    return rows.map((r) => r.detail).join('\n');
  }
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `EXPLAIN ${analyze ? '(ANALYZE) ' : ''}${query.sql}` });
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/**
 * Runs `body` in a transaction where PostgreSQL may not read a table whole: small test tables
 * are cheaper to read whole, and the tests ask what the planner does when they cannot be.
 */
export async function withoutSeqScans<T>(db: Kysely<Database>, kind: string, body: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (kind === 'sqlite') return body(trx);
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
    return body(trx);
  });
}
