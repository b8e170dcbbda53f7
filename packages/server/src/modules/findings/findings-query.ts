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

/** What findings_text_trgm indexes; the query must spell it exactly so for the index to serve. */
const TEXT_EXPRESSION = sql`lower(resource_arn || ' ' || resource_id)`;

/**
 * Three-character pieces covering q without overlap, plus its last three: a text holding q holds
 * each. Text indexes are asked for these rather than every trigram of q: each trigram costs the
 * index a posting list, and in ARNs most (`arn`, `aws`, `res`) are on nearly every row, so the
 * overlapping ones narrow little and cost much (PostgreSQL GIN lookup for a rare term at 1M rows:
 * 9.7 -> 4.3 ms). Empty when q is shorter than three characters.
 */
export function trigramCover(q: string): string[] {
  const chars = [...q];
  if (chars.length < 3) return [];
  const pieces = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 3) pieces.add(chars.slice(i, i + 3).join(''));
  pieces.add(chars.slice(-3).join(''));
  return [...pieces];
}

/**
 * The answer is always the exact test, lower(arn) or lower(id) containing q. For the trigram
 * index, each piece of q's cover must also be in TEXT_EXPRESSION: that only narrows the rows the
 * exact test runs on (it also matches across the ' ' joining arn and id); PostgreSQL without
 * pg_trgm evaluates it as a plain filter. Without an index, q filters the rows the sort index
 * walks: a page costs about limit / (share of rows matching) row reads (docs/benchmarks.md).
 */
function textSearch(eb: FindingsEb, q: string, index: TextIndex): Expression<SqlBool> {
  const pattern = likePattern(q, index);
  const exact = eb.or([
    sql<SqlBool>`lower(${eb.ref('resource_arn')}) like ${pattern} escape '\\'`,
    sql<SqlBool>`lower(${eb.ref('resource_id')}) like ${pattern} escape '\\'`,
  ]);
  if (index === 'none') return exact;
  const narrowing = trigramCover(q).map((piece) => sql<SqlBool>`${TEXT_EXPRESSION} like ${likePattern(piece, index)} escape '\\'`);
  return eb.and([...narrowing, exact]);
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
