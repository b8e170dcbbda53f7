import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FindingRow, RowCondition } from './findings.repository.js';
import { filterConditions, SORT_COLUMN, type FindingFilters, type Keyset, type TextIndex } from './findings-query.js';

/** Sorts whose column is a finding_groups dimension, so their pages can be planned from it. */
export type GroupSort = 'severity' | 'check' | 'region';
type GroupColumn = (typeof SORT_COLUMN)[GroupSort];
type SortValue = string | number;

export function isGroupSort(sort: Keyset['sort']): sort is GroupSort {
  return sort !== 'resource';
}

/** One value of the sort column that holds matching rows, and how many (per check, in all). */
interface ValueStretch {
  readonly value: SortValue;
  readonly checks: Map<string, number>;
  findings: number;
}

type GroupsEb = ExpressionBuilder<Database, 'finding_groups'>;

/** The filters finding_groups can answer: all but q (and a diff's condition on another scan). */
function groupConditions(eb: GroupsEb, f: FindingFilters) {
  const conditions = [];
  if (f.status?.length) conditions.push(eb('status', 'in', [...f.status]));
  if (f.severityRanks?.length) conditions.push(eb('severity_rank', 'in', [...f.severityRanks]));
  if (f.kind?.length) conditions.push(eb('kind', 'in', [...f.kind]));
  if (f.service?.length) conditions.push(eb('service', 'in', [...f.service]));
  if (f.region?.length) conditions.push(eb('region', 'in', [...f.region]));
  if (f.check?.length) conditions.push(eb('check_id', 'in', [...f.check]));
  return conditions;
}

/**
 * The sort column's values from the cursor's on, in page order, each with its matching rows per
 * check. The database orders and compares them, so string order is its collation, as the pages'.
 */
async function stretchesAhead(db: Kysely<Database>, scanId: string, filters: FindingFilters, page: Keyset, column: GroupColumn): Promise<ValueStretch[]> {
  const rows = await db
    .selectFrom('finding_groups')
    .select((eb) => [eb.ref(column).as('value'), 'check_id', eb.fn.sum<number>('findings').as('n')])
    .where((eb) => {
      const conditions = [eb('scan_id', '=', scanId), ...groupConditions(eb, filters)];
      if (page.after) conditions.push(eb(column, page.order === 'asc' ? '>=' : '<=', page.after.key));
      return eb.and(conditions);
    })
    .groupBy([column, 'check_id'])
    .orderBy(column, page.order)
    .execute();
  const stretches: ValueStretch[] = [];
  for (const row of rows) {
    const value = row.value as SortValue;
    let stretch = stretches.at(-1);
    if (!stretch || stretch.value !== value) {
      stretch = { value, checks: new Map(), findings: 0 };
      stretches.push(stretch);
    }
    stretch.checks.set(row.check_id, Number(row.n));
    stretch.findings += Number(row.n);
  }
  return stretches;
}

interface StretchQuery {
  readonly scanId: string;
  readonly filters: FindingFilters;
  readonly page: Keyset;
  readonly column: GroupColumn;
  readonly textIndex: TextIndex;
  readonly extra: RowCondition | undefined;
}

/** Rows of one sort value (and one check, when given) in id order, after `afterId` if given. */
function stretchRows(db: Kysely<Database>, q: StretchQuery, value: SortValue, afterId: number | undefined, limit: number, check?: string) {
  const { page } = q;
  return db
    .selectFrom('findings')
    .selectAll()
    .where((eb) => {
      const conditions = [eb('scan_id', '=', q.scanId), ...filterConditions(eb, q.filters, q.textIndex)];
      if (check === undefined) conditions.push(eb(q.column, '=', value));
      // Per check, the walk is the (scan_id, check_id, id) index. The unary plus keeps the value
      // test off any index (both databases), so the planner cannot prefer the severity index
      // and walk every check's rows; a check has one severity per scan, so it filters nothing.
      else conditions.push(eb('check_id', '=', check), sql<SqlBool>`+${eb.ref(q.column)} = ${value}`);
      if (afterId !== undefined) conditions.push(eb('id', page.order === 'asc' ? '>' : '<', afterId));
      if (q.extra) conditions.push(q.extra(eb));
      return eb.and(conditions);
    })
    .orderBy('id', page.order)
    .limit(limit);
}

/**
 * One severity's rows under a filter that names checks (service, kind, check): a union of one
 * index seek per check, each reading at most `limit` rows. Walking the severity index instead
 * reads every row of the other checks in between; a rare check among common ones costs
 * thousands of rows per page.
 */
function unionOfChecks(db: Kysely<Database>, q: StretchQuery, stretch: ValueStretch, afterId: number | undefined, limit: number) {
  const parts = [...stretch.checks].map(([check, findings], i) => {
    const rows = stretchRows(db, q, stretch.value, afterId, afterId === undefined ? Math.min(limit, findings) : limit, check);
    return db.selectFrom(rows.as(`c${i}`)).selectAll();
  });
  const [first, ...rest] = parts;
  if (!first) throw new Error('unionOfChecks needs at least one check');
  let union: SelectQueryBuilder<Database, never, FindingRow> = first as never;
  for (const part of rest) union = union.unionAll(part as never) as never;
  return union.orderBy('id', q.page.order).limit(limit);
}

const filtersChecks = (f: FindingFilters): boolean => Boolean(f.check?.length || f.service?.length || f.kind?.length);

/**
 * A page on the severity, check or region sort, planned from finding_groups: it visits only the
 * sort values that hold matching rows, from the cursor's on, each as one ordered index range
 * (`column = value`, by id), and stops when the page is full. A value the groups count fewer
 * matches in than the page still needs is read with that many as its limit, so the walk stops at
 * its last match instead of the end of its range. Values with no match are never read: a
 * filtered last page no longer walks the rest of the index to prove there is nothing after it.
 */
export async function walkFindings(db: Kysely<Database>, q: Omit<StretchQuery, 'column'> & { page: Keyset & { sort: GroupSort } }): Promise<FindingRow[]> {
  const query: StretchQuery = { ...q, column: SORT_COLUMN[q.page.sort] };
  const { page } = query;
  const rows: FindingRow[] = [];
  const stretches = await stretchesAhead(db, q.scanId, q.filters, page, query.column);
  const unionByCheck = page.sort === 'severity' && filtersChecks(q.filters);
  for (const stretch of stretches) {
    const tie = page.after !== undefined && stretch.value === page.after.key;
    const need = page.limit + 1 - rows.length;
    const limit = tie ? need : Math.min(need, stretch.findings);
    const afterId = tie ? page.after?.id : undefined;
    const next = unionByCheck
      ? unionOfChecks(db, query, stretch, afterId, limit)
      : stretchRows(db, query, stretch.value, afterId, limit);
    rows.push(...(await next.execute()));
    if (rows.length > page.limit) break;
  }
  return rows;
}
