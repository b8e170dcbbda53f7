import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FindingRow, RowCondition } from './findings.repository.js';
import { filterConditions, groupFilterConditions, SORT_COLUMN, type FindingFilters, type IndexedColumn, type Keyset, type TextIndex } from './findings-query.js';

/** Sorts whose column is a finding_groups dimension, so their pages can be planned from it. */
export type GroupSort = 'severity' | 'check' | 'region';
type GroupColumn = (typeof SORT_COLUMN)[GroupSort];
type SortValue = string | number;

export function isGroupSort(sort: Keyset['sort']): sort is GroupSort {
  return sort !== 'resource';
}

/** One check's rows within a stretch: those matching the filters (q aside), and all. */
interface CheckCounts { readonly matches: number; readonly rows: number }

/**
 * One value of the sort column ahead of the cursor, with counts from finding_groups: rows
 * matching the filters, all its rows, its rows in the filter's one region and in its one status
 * (the other indexes a severity page could walk), and per check with matches.
 */
interface Stretch {
  readonly value: SortValue;
  matches: number;
  rows: number;
  regionRows: number;
  statusRows: number;
  readonly checks: Map<string, CheckCounts>;
}

const only = <T>(values: readonly T[] | undefined): T | undefined => (values?.length === 1 ? values[0] : undefined);

/**
 * The sort column's values from the cursor's on, in page order, that hold matching rows. The
 * database orders and compares them, so string order is its collation, as the pages'.
 */
async function stretchesAhead(db: Kysely<Database>, scanId: string, filters: FindingFilters, page: Keyset, column: GroupColumn): Promise<Stretch[]> {
  const region = only(filters.region);
  const status = only(filters.status);
  const rows = await db
    .selectFrom('finding_groups')
    .select((eb) => {
      const matching = groupFilterConditions(eb, filters);
      const sumWhere = (conditions: Expression<SqlBool>[]) =>
        eb.fn.sum<number>(conditions.length ? eb.case().when(eb.and(conditions)).then(eb.ref('findings')).else(0).end() : eb.ref('findings'));
      return [
        eb.ref(column).as('value'),
        'check_id',
        sumWhere(matching).as('matches'),
        eb.fn.sum<number>('findings').as('rows'),
        sumWhere(region === undefined ? [] : [eb('region', '=', region)]).as('region_rows'),
        sumWhere(status === undefined ? [] : [eb('status', '=', status)]).as('status_rows'),
      ];
    })
    .where((eb) => eb.and([eb('scan_id', '=', scanId), ...(page.after ? [eb(column, page.order === 'asc' ? '>=' : '<=', page.after.key)] : [])]))
    .groupBy([column, 'check_id'])
    .orderBy(column, page.order)
    .execute();
  const stretches: Stretch[] = [];
  for (const row of rows) {
    const value = row.value as SortValue;
    let stretch = stretches.at(-1);
    if (!stretch || stretch.value !== value) {
      stretch = { value, matches: 0, rows: 0, regionRows: 0, statusRows: 0, checks: new Map() };
      stretches.push(stretch);
    }
    const matches = Number(row.matches);
    stretch.matches += matches;
    stretch.rows += Number(row.rows);
    stretch.regionRows += Number(row.region_rows);
    stretch.statusRows += Number(row.status_rows);
    if (matches > 0) stretch.checks.set(row.check_id, { matches, rows: Number(row.rows) });
  }
  return stretches.filter((s) => s.matches > 0);
}

/**
 * How a stretch is read: along the sort column's own index (`value`), along the region or status
 * index that also leads to the severity (severity sort, one region or status filtered), or as a
 * union of one seek per check on (scan_id, check_id, id).
 */
type Access = 'value' | 'region' | 'status' | 'checks';

/** What one more index seek costs, in rows read, when comparing a union of seeks with one walk. */
const SEEK_ROWS = 20;

/**
 * The access that reads the fewest rows for `need` matches, from the exact counts: a walk reads
 * about need x (rows it passes / matches among them). The databases' planners estimate the same
 * from statistics that know nothing of how checks, regions and statuses correlate.
 */
function cheapestAccess(stretch: Stretch, filters: FindingFilters, sort: GroupSort, need: number): Access {
  const walk = (rows: number) => (need * rows) / stretch.matches;
  const costs: Array<[Access, number]> = [['value', walk(stretch.rows)]];
  if (sort === 'severity') {
    if (only(filters.region) !== undefined) costs.push(['region', walk(stretch.regionRows)]);
    if (only(filters.status) !== undefined) costs.push(['status', walk(stretch.statusRows)]);
    let union = 0;
    for (const check of stretch.checks.values()) union += SEEK_ROWS + (Math.min(need, check.matches) * check.rows) / check.matches;
    costs.push(['checks', union]);
  }
  return costs.reduce((best, next) => (next[1] < best[1] ? next : best))[0];
}

/** The only indexed column a stretch's query may seek on, besides the sort column or check. */
const INDEXABLE: Record<Access, ReadonlySet<IndexedColumn>> = {
  value: new Set(),
  checks: new Set(),
  region: new Set(['region']),
  status: new Set(['status']),
};

interface StretchQuery {
  readonly scanId: string;
  readonly filters: FindingFilters;
  readonly page: Keyset;
  readonly column: GroupColumn;
  readonly textIndex: TextIndex;
  readonly extra: RowCondition | undefined;
}

/**
 * Rows of one sort value in id order, after `afterId` if given, along the access's index. With
 * a check, the walk is that check's index and the value test is spelled so no index serves it
 * (a check has one severity per scan, so it filters nothing there).
 */
function stretchRows(db: Kysely<Database>, q: StretchQuery, value: SortValue, access: Access, afterId: number | undefined, limit: number, check?: string) {
  const { page } = q;
  // The stretch's value already keeps only the filter's severities on the severity sort.
  const filters = q.column === 'severity_rank' ? { ...q.filters, severityRanks: undefined } : q.filters;
  return db
    .selectFrom('findings')
    .selectAll()
    .where((eb) => {
      const conditions = [eb('scan_id', '=', q.scanId), ...filterConditions(eb, filters, q.textIndex, INDEXABLE[access])];
      if (check === undefined) conditions.push(eb(q.column, '=', value));
      else conditions.push(eb('check_id', '=', check), sql<SqlBool>`${eb.ref(q.column)} + 0 = ${value}`);
      if (afterId !== undefined) conditions.push(eb('id', page.order === 'asc' ? '>' : '<', afterId));
      if (q.extra) conditions.push(q.extra(eb));
      return eb.and(conditions);
    })
    .orderBy('id', page.order)
    .limit(limit);
}

/** One stretch as a union of one seek per check, each reading at most `limit` of its matches. */
function unionOfChecks(db: Kysely<Database>, q: StretchQuery, stretch: Stretch, afterId: number | undefined, limit: number) {
  const parts = [...stretch.checks].map(([check, counts], i) => {
    const rows = stretchRows(db, q, stretch.value, 'checks', afterId, afterId === undefined ? Math.min(limit, counts.matches) : limit, check);
    return db.selectFrom(rows.as(`c${i}`)).selectAll();
  });
  const [first, ...rest] = parts;
  if (!first) throw new Error('unionOfChecks needs at least one check');
  let union: SelectQueryBuilder<Database, never, FindingRow> = first as never;
  for (const part of rest) union = union.unionAll(part as never) as never;
  return union.orderBy('id', q.page.order).limit(limit);
}

/**
 * A page on the severity, check or region sort, planned from finding_groups: it visits only the
 * sort values that hold matching rows, from the cursor's on, each as ordered index ranges (by
 * id) along the access that reads the fewest rows, and stops when the page is full. A value the
 * groups count fewer matches in than the page still needs is read with that many as its limit,
 * so the walk stops at its last match instead of the end of its range. Values with no match are
 * never read: a filtered last page does not walk the rest of the index to prove it is empty.
 */
export async function walkFindings(db: Kysely<Database>, q: Omit<StretchQuery, 'column'> & { page: Keyset & { sort: GroupSort } }): Promise<FindingRow[]> {
  const query: StretchQuery = { ...q, column: SORT_COLUMN[q.page.sort] };
  const { page } = query;
  const rows: FindingRow[] = [];
  for (const stretch of await stretchesAhead(db, q.scanId, q.filters, page, query.column)) {
    const tie = page.after !== undefined && stretch.value === page.after.key;
    const need = page.limit + 1 - rows.length;
    const limit = tie ? need : Math.min(need, stretch.matches);
    const afterId = tie ? page.after?.id : undefined;
    const access = cheapestAccess(stretch, q.filters, q.page.sort, limit);
    const next = access === 'checks' ? unionOfChecks(db, query, stretch, afterId, limit) : stretchRows(db, query, stretch.value, access, afterId, limit);
    rows.push(...(await next.execute()));
    if (rows.length > page.limit) break;
  }
  return rows;
}
