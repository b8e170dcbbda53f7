// Text search (`q`) through an index: PostgreSQL's trigram index (GiST since migration 0009, GIN
// where btree_gist could not be created) or SQLite's FTS5 index of a completed scan (migration
// 0008, built by findings-text-index.ts).
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FindingRow, RowCondition } from './findings.repository.js';
import { TEXT_ORDER_KEY } from '../../db/migrations/0009-findings-text-order.js';
import { filterConditions, SORT_COLUMN, textIndexOf, type FindingFilters, type Keyset, type TextIndex } from './findings-query.js';
import { ID_MASK, packedRowid, readyTextIndex, scanRowids, severityKey } from './findings-text-index.js';

/**
 * Three-character pieces covering q without overlap, plus its last three: a text holding q holds
 * each. FTS5 is asked for these rather than every trigram of q: each trigram is a posting list to
 * read, and in ARNs most (`arn`, `aws`, `res`) are on nearly every row, so the overlapping ones
 * narrow little and cost much. Empty when q is shorter than three characters.
 */
function trigramCover(q: string): string[] {
  const chars = [...q];
  if (chars.length < 3) return [];
  const pieces = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 3) pieces.add(chars.slice(i, i + 3).join(''));
  pieces.add(chars.slice(-3).join(''));
  return [...pieces];
}

/**
 * The FTS5 query for `q`: an AND of its cover's trigrams (trigramCover; detail=none allows no
 * phrases). The trigram tokenizer folds case as lower() does, and more, so no true match is
 * lost; a row holding them all may still not contain q, so callers keep the exact test.
 * Undefined when q is shorter than a trigram: the index cannot narrow it.
 */
export function trigramQuery(q: string): string | undefined {
  const cover = trigramCover(q.toLowerCase());
  if (cover.length === 0) return undefined;
  return cover.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
}

/**
 * A severity-sorted page of the rows matching `filters` (q among them) through the scan's text
 * index: finding_text read in rowid order from the cursor, each candidate joined to its finding
 * and kept if the filters (the exact q test included) hold. Stops at limit + 1 rows, so a page
 * reads about limit / (share of candidates kept) index entries at any depth.
 */
export function textIndexPageQuery(db: Kysely<Database>, seq: number, scanId: string, match: string, filters: FindingFilters, page: Keyset, extra?: RowCondition) {
  const { first, end } = scanRowids(seq);
  const cursor = page.after ? packedRowid(seq, Number(page.after.key), page.after.id) : undefined;
  const [low, high] = page.order === 'desc' ? [first, cursor ?? end] : [cursor === undefined ? first : cursor + 1n, end];
  return db
    .selectFrom('finding_text')
    .innerJoin('findings', (join) => join.on((eb) => eb(eb.ref('findings.id'), '=', sql<number>`finding_text.rowid & ${ID_MASK}`)))
    .selectAll('findings')
    .where((eb) => {
      // Unqualified names are the finding's: finding_text has only `text` (and hidden columns).
      const findings = eb as unknown as ExpressionBuilder<Database, 'findings'>;
      const conditions: Expression<SqlBool>[] = [
        sql<SqlBool>`finding_text MATCH ${match}`,
        sql<SqlBool>`finding_text.rowid >= ${low}`,
        sql<SqlBool>`finding_text.rowid < ${high}`,
        eb('findings.scan_id', '=', scanId),
        ...filterConditions(findings, filters),
      ];
      if (extra) conditions.push(extra(findings));
      return eb.and(conditions);
    })
    .orderBy(sql`finding_text.rowid`, page.order)
    .limit(page.limit + 1);
}

/** At most this many candidates are sorted whole when the text index's order is not the page's. */
export const SPARSE_CANDIDATES = 2_000;

/** The scan's candidate ids for `match` in the text index, at most `limit`. */
function candidates(seq: number, match: string, limit: number) {
  const { first, end } = scanRowids(seq);
  return sql<{ id: number }>`SELECT rowid & ${ID_MASK} AS id FROM finding_text WHERE finding_text MATCH ${match} AND rowid >= ${first} AND rowid < ${end} LIMIT ${limit}`;
}

/**
 * One page as one query sorted by (column, id), resuming on that row value: for text search where
 * the matches are read whole and sorted, so a row-value seek is not needed to be cheap.
 */
function sortedPageQuery(db: Kysely<Database>, scanId: string, filters: FindingFilters, page: Keyset, extra: RowCondition | undefined, textIndex: TextIndex, ids?: Expression<number>) {
  const column = SORT_COLUMN[page.sort];
  return db
    .selectFrom('findings')
    .selectAll()
    .where((eb) => {
      const conditions = [eb('scan_id', '=', scanId), ...filterConditions(eb, filters, textIndex)];
      if (ids) conditions.push(eb('id', 'in', ids));
      if (page.after) conditions.push(eb(eb.refTuple(column, 'id'), page.order === 'asc' ? '>' : '<', eb.tuple(page.after.key, page.after.id)));
      if (extra) conditions.push(extra(eb));
      return eb.and(conditions);
    })
    .orderBy(column, page.order)
    .orderBy('id', page.order)
    .limit(page.limit + 1);
}

/**
 * A page on another sort than severity when q is selective: at most SPARSE_CANDIDATES rows hold
 * q's trigrams, so they are fetched by id and sorted whole (a few ms). Undefined when there are
 * more: the matches are then dense enough for the walk along the sort index to find a page soon.
 */
async function sparseTextPage(db: Kysely<Database>, seq: number, scanId: string, match: string, filters: FindingFilters, page: Keyset, extra?: RowCondition): Promise<FindingRow[] | undefined> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (${candidates(seq, match, SPARSE_CANDIDATES + 1)})`.execute(db);
  if (Number(rows[0]?.n) > SPARSE_CANDIDATES) return undefined;
  const ids = sql<number>`(SELECT id FROM (${candidates(seq, match, SPARSE_CANDIDATES)}))`;
  return sortedPageQuery(db, scanId, filters, page, extra, 'none', ids).execute();
}

/** Whether migration 0009 created the ordered text index (it needs btree_gist), per database. */
const textOrderIndex = new WeakMap<Kysely<Database>, Promise<boolean>>();

function hasTextOrderIndex(db: Kysely<Database>): Promise<boolean> {
  let known = textOrderIndex.get(db);
  if (!known) {
    known = sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'findings_text_order'`.execute(db).then(({ rows }) => Boolean(rows[0]?.n));
    textOrderIndex.set(db, known);
  }
  return known;
}

/**
 * Above every key (ranks are 1-5): where a descending first page starts. Not 2^63 - 1: the
 * distance to it overflows int8 in btree_gist, and the order came out wrong.
 */
const ABOVE_ALL_KEYS = severityKey(8, 0);

/**
 * A severity-sorted page with q on PostgreSQL, read from the GiST index of migration 0009 in
 * page order: nearest keys to the cursor first (`<->`), on its side of it, the index's trigram
 * signatures skipping subtrees without q, until the page is full. The key packs severity and id
 * as that index does.
 */
function textOrderPage(db: Kysely<Database>, scanId: string, filters: FindingFilters, page: Keyset, extra?: RowCondition): Promise<FindingRow[]> {
  const key = page.after ? severityKey(Number(page.after.key), page.after.id) : page.order === 'desc' ? ABOVE_ALL_KEYS : -1n;
  const cursor = sql`${key.toString()}::bigint`;
  const run = async (trx: Kysely<Database>): Promise<FindingRow[]> => {
    // Only the ordered index scan, whatever the planner estimates: it cannot tell how many rows
    // a substring matches (thinking a 10% term rare, it read the table in parallel and sorted
    // it: 0.8 s at 1M rows), and every other plan reads all matches or all rows before sorting.
    for (const setting of ['enable_bitmapscan', 'enable_seqscan', 'enable_sort']) await sql.raw(`set local ${setting} = off`).execute(trx);
    return trx
      .selectFrom('findings')
      .selectAll()
      .where((eb) => {
        const conditions = [
          eb('scan_id', '=', scanId),
          sql<SqlBool>`${TEXT_ORDER_KEY} ${sql.raw(page.order === 'desc' ? '<' : '>')} ${cursor}`,
          ...filterConditions(eb, filters, 'trigram'),
        ];
        if (extra) conditions.push(extra(eb));
        return eb.and(conditions);
      })
      .orderBy(sql`${TEXT_ORDER_KEY} <-> ${cursor}`)
      .limit(page.limit + 1)
      .execute();
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * A page with `q` through a text index, or undefined where none serves it. PostgreSQL: its GiST
 * index in page order on the severity sort; on other sorts (or with only the GIN index) one
 * query where the planner reads the index and sorts the matches, or walks the sort index
 * filtering (a query per severity instead paid the index lookup each time: 31-35 ms per page
 * for a rare term at 1M rows against 9-11 ms). SQLite: the scan's FTS5 index once built, in
 * page order on the severity sort (its rowid order), else when q is selective. Otherwise q
 * filters the walk of the sort index.
 */
export async function textSearchPage(db: Kysely<Database>, scanId: string, filters: FindingFilters & { q: string }, page: Keyset, extra?: RowCondition): Promise<FindingRow[] | undefined> {
  if (textIndexOf(db) === 'trigram') {
    if (page.sort === 'severity' && (await hasTextOrderIndex(db))) return textOrderPage(db, scanId, filters, page, extra);
    return sortedPageQuery(db, scanId, filters, page, extra, 'trigram').execute();
  }
  const match = trigramQuery(filters.q);
  const seq = match === undefined ? undefined : await readyTextIndex(db, scanId);
  if (match === undefined || seq === undefined) return undefined;
  if (page.sort === 'severity') return textIndexPageQuery(db, seq, scanId, match, filters, page, extra).execute();
  return sparseTextPage(db, seq, scanId, match, filters, page, extra);
}

