import { sql, SqliteAdapter, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';

export type SortKey = 'severity' | 'check' | 'region' | 'resource';
export type SortOrder = 'asc' | 'desc';

/** Each sort is served by a (scan_id, <column>, id) index; id makes the order total. */
export const SORT_COLUMN = {
  severity: 'severity_rank',
  check: 'check_id',
  region: 'region',
  resource: 'resource_arn',
} as const satisfies Record<SortKey, string>;

export interface FindingFilters {
  readonly status?: readonly string[] | undefined;
  /** 5 = critical ... 1 = info: filtering on the rank lets the severity index serve it. */
  readonly severityRanks?: readonly number[] | undefined;
  readonly kind?: readonly string[] | undefined;
  readonly service?: readonly string[] | undefined;
  readonly region?: readonly string[] | undefined;
  readonly check?: readonly string[] | undefined;
  readonly q?: string | undefined;
}

export interface Keyset {
  readonly sort: SortKey;
  readonly order: SortOrder;
  /** The last row of the previous page: its sort value and id. */
  readonly after?: { readonly key: string | number; readonly id: number } | undefined;
  readonly limit: number;
}

type FindingsEb = ExpressionBuilder<Database, 'findings'>;

/**
 * `%`, `_` and the escape itself match literally: q is a substring, not a pattern. q is folded
 * as the database's lower() folds the column: SQLite's only folds A-Z, so there q keeps its
 * other letters as typed (case-insensitive for ASCII, exact for the rest); PostgreSQL's folds all.
 */
function likePattern(q: string, index: TextIndex): string {
  const folded = index === 'none' ? q.replace(/[A-Z]+/g, (c) => c.toLowerCase()) : q.toLowerCase();
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Which text index the `q` condition is spelled for: PostgreSQL's pg_trgm GIN index (migration
 * 0006), or none. SQLite's FTS5 index (migration 0008) is joined by findings-text-index.ts
 * around this same exact test, so on SQLite the condition is always the plain one.
 */
export type TextIndex = 'trigram' | 'none';

export function isSqlite(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * Migration 0006 gives PostgreSQL a pg_trgm index (when it may create the extension). SQLite's
 * index (migration 0008) is per completed scan and is queried apart (findings-text-search.ts).
 */
export function textIndexOf(db: Kysely<Database>): TextIndex {
  return isSqlite(db) ? 'none' : 'trigram';
}

/**
 * What the trigram index indexes (GIN in migration 0006, GiST since 0009); the query must spell
 * it exactly so for the index to serve.
 */
const TEXT_EXPRESSION = sql`lower(resource_arn || ' ' || resource_id)`;

/**
 * The answer is always the exact test, lower(arn) or lower(id) containing q. The trigram
 * expression also matches across the ' ' joining arn and id, so it only narrows the rows the
 * exact test then runs on; PostgreSQL without pg_trgm evaluates it as a plain filter. Asking
 * the GIN index for a cover of q's trigrams instead (as FTS5 is, findings-text-search.ts) made a
 * rare term's lookup cheaper (10.9 -> 8.3 ms p95 at 1M rows) but let through more candidates to
 * recheck, which cost more elsewhere (a 10% term 100 -> 147 ms), so PostgreSQL gets all of q.
 * Without an index, q filters the rows the sort index walks: a page costs about
 * limit / (share of rows matching) row reads (docs/benchmarks.md).
 */
function textSearch(eb: FindingsEb, q: string, index: TextIndex): Expression<SqlBool> {
  const pattern = likePattern(q, index);
  const exact = eb.or([
    sql<SqlBool>`lower(${eb.ref('resource_arn')}) like ${pattern} escape '\\'`,
    sql<SqlBool>`lower(${eb.ref('resource_id')}) like ${pattern} escape '\\'`,
  ]);
  if (index === 'none') return exact;
  return eb.and([sql<SqlBool>`${TEXT_EXPRESSION} like ${pattern} escape '\\'`, exact]);
}

/** Columns some findings index leads with (after scan_id): a filter on them may steer the plan. */
export type IndexedColumn = 'status' | 'severity_rank' | 'region' | 'check_id';

/**
 * The column as an expression no index serves (`status || ''`, `severity_rank + 0`, the same
 * value on both databases), so a planner cannot walk that column's index for it.
 */
function unindexed(eb: FindingsEb, column: IndexedColumn) {
  return column === 'severity_rank' ? sql<number>`${eb.ref(column)} + 0` : sql<string>`${eb.ref(column)} || ''`;
}

/**
 * The filters as conditions. With `indexable`, a filter on an indexed column outside it is
 * spelled so no index serves it: the page planner (findings-walk.ts) has chosen the index from
 * exact counts, which the databases' estimates cannot match.
 */
export function filterConditions(eb: FindingsEb, f: FindingFilters, textIndex: TextIndex = 'none', indexable?: ReadonlySet<IndexedColumn>): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const isIn = (column: IndexedColumn, values: readonly (string | number)[]) =>
    eb(!indexable || indexable.has(column) ? eb.ref(column) : unindexed(eb, column), 'in', [...values]);
  if (f.status?.length) conditions.push(isIn('status', f.status));
  if (f.severityRanks?.length) conditions.push(isIn('severity_rank', f.severityRanks));
  if (f.kind?.length) conditions.push(eb('kind', 'in', [...f.kind]));
  if (f.service?.length) conditions.push(eb('service', 'in', [...f.service]));
  if (f.region?.length) conditions.push(isIn('region', f.region));
  if (f.check?.length) conditions.push(isIn('check_id', f.check));
  if (f.q !== undefined) conditions.push(textSearch(eb, f.q, textIndex));
  return conditions;
}

/** The same filters on finding_groups, which has the same columns (q aside: it has no text). */
export function groupFilterConditions(eb: ExpressionBuilder<Database, 'finding_groups'>, f: FindingFilters): Expression<SqlBool>[] {
  return filterConditions(eb as unknown as FindingsEb, { ...f, q: undefined });
}

/**
 * Where a keyset page resumes, in two parts that are each one index seek: `tie` is the rest of
 * the last row's sort value (col = key, id beyond), `beyond` the values after it (col beyond
 * key). One row-value comparison `(col, id) < (key, id)` would be neater, but SQLite seeks only
 * on its first column and then walks every row sharing the key: 20 ms at the middle of 1M.
 */
export type Resume = 'tie' | 'beyond';

export function afterCondition(eb: FindingsEb, page: Keyset, part: Resume): Expression<SqlBool> | undefined {
  if (!page.after) return undefined;
  const column = SORT_COLUMN[page.sort];
  const beyond = page.order === 'asc' ? '>' : '<';
  if (part === 'tie') return eb.and([eb(column, '=', page.after.key), eb('id', beyond, page.after.id)]);
  return eb(column, beyond, page.after.key);
}
