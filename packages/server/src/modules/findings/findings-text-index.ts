import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * SQLite's text index (migration 0008): finding_text rows, rowid = seq << 43 | rank << 40 | id.
 * A scan's rows are one contiguous rowid range, ordered worst first then by id: the severity
 * sort's own order, so FTS5 answers "the next matches after this cursor" by reading its index
 * in rowid order and stopping at the page's end. 40 bits of id (10^12 findings), 3 of rank
 * (1-5), 20 of seq (a million indexed scans) fit SQLite's 63-bit positive integers.
 */
export const ID_BITS = 40n;
const RANK_BITS = 3n;
export const SEQ_SHIFT = ID_BITS + RANK_BITS;
export const ID_MASK = (1n << ID_BITS) - 1n;

/**
 * A finding's place in the severity sort as one integer, rank above id: the order both text
 * indexes are read in (here below the seq; PostgreSQL's GiST key in migration 0009 is the same).
 */
export function severityKey(rank: number, id: number): bigint {
  return (BigInt(rank) << ID_BITS) | BigInt(id);
}

export function packedRowid(seq: number, rank: number, id: number): bigint {
  return (BigInt(seq) << SEQ_SHIFT) | severityKey(rank, id);
}

/** [first, end) rowids of one indexed scan. */
export function scanRowids(seq: number): { first: bigint; end: bigint } {
  return { first: BigInt(seq) << SEQ_SHIFT, end: BigInt(seq + 1) << SEQ_SHIFT };
}

/** The seq of the scan's text index when it is complete; undefined while absent or building. */
export async function readyTextIndex(db: Kysely<Database>, scanId: string): Promise<number | undefined> {
  const row = await db.selectFrom('finding_text_scans').select('seq').where('scan_id', '=', scanId).where('state', '=', 'ready').executeTakeFirst();
  return row?.seq;
}

/** The scan's rows are about to change (a re-run): its index, if any, is left for the purge. */
export async function abandonTextIndex(db: Kysely<Database>, scanId: string): Promise<void> {
  await db.updateTable('finding_text_scans').set({ state: 'abandoned', scan_id: null }).where('scan_id', '=', scanId).execute();
}

/** Starts an index for the scan (or finds the one being built). */
async function beginIndex(db: Kysely<Database>, scanId: string): Promise<{ seq: number; state: string }> {
  const existing = await db.selectFrom('finding_text_scans').select(['seq', 'state']).where('scan_id', '=', scanId).executeTakeFirst();
  if (existing) return existing;
  const row = await db.insertInto('finding_text_scans').values({ scan_id: scanId, state: 'building' }).returning(['seq', 'state']).executeTakeFirstOrThrow();
  return row;
}

/** Where a build stands: the rank and the last id written at that rank. */
interface BuildCursor { rank: number; afterId: number }

/**
 * Writes one chunk, in rowid order (FTS5 flushes a segment whenever a rowid goes backwards,
 * which made an out-of-order build 4x slower), in one transaction. Returns the next cursor, or
 * undefined when the scan's rows are all in.
 */
async function writeChunk(db: Kysely<Database>, scanId: string, seq: number, at: BuildCursor, rows: number): Promise<BuildCursor | undefined> {
  for (let rank = at.rank, afterId = at.afterId; rank <= 5; rank++, afterId = 0) {
    const ids = await db.selectFrom('findings').select('id').where('scan_id', '=', scanId).where('severity_rank', '=', rank).where('id', '>', afterId).orderBy('id').limit(rows).execute();
    const lastId = ids.at(-1)?.id;
    if (lastId === undefined) continue;
    await db.transaction().execute(async (trx) => {
      await sql`INSERT INTO finding_text (rowid, text)
        SELECT (${seq} << ${Number(SEQ_SHIFT)}) | (severity_rank << ${Number(ID_BITS)}) | id, resource_arn || ' ' || resource_id
        FROM findings WHERE scan_id = ${scanId} AND severity_rank = ${rank} AND id > ${afterId} AND id <= ${lastId} ORDER BY id`.execute(trx);
    });
    return { rank, afterId: lastId };
  }
  return undefined;
}

/** Deletes up to `rows` of an abandoned index's rows; true when none are left. */
async function purgeChunk(db: Kysely<Database>, seq: number, rows: number): Promise<boolean> {
  const { first, end } = scanRowids(seq);
  const result = await sql`DELETE FROM finding_text WHERE rowid IN (SELECT rowid FROM finding_text WHERE rowid >= ${first} AND rowid < ${end} LIMIT ${rows})`.execute(db);
  return Number(result.numAffectedRows ?? 0n) < rows;
}

export interface TextIndexerOptions {
  /** Rows per transaction; each chunk blocks SQLite's one connection for its duration. */
  readonly chunkRows?: number;
  readonly onError?: (error: unknown, scanId: string | undefined) => void;
}

/**
 * Builds text indexes of completed scans in the background, one chunk at a time with the event
 * loop free between chunks (SQLite runs on this thread), and purges abandoned ones. SQLite only:
 * PostgreSQL's trigram index is maintained by the database itself.
 */
export class TextIndexer {
  readonly #db: Kysely<Database>;
  readonly #chunkRows: number;
  readonly #onError: (error: unknown, scanId: string | undefined) => void;
  readonly #queue: string[] = [];
  #running: Promise<void> | undefined;
  #closed = false;

  constructor(db: Kysely<Database>, options: TextIndexerOptions = {}) {
    this.#db = db;
    this.#chunkRows = options.chunkRows ?? 5_000;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Index this completed scan soon. */
  schedule(scanId: string): void {
    if (this.#closed || this.#queue.includes(scanId)) return;
    this.#queue.push(scanId);
    this.#kick();
  }

  #kick(): void {
    if (this.#closed) return;
    this.#running ??= this.#drain().finally(() => (this.#running = undefined));
  }

  /** At start: completed scans left without a ready index (new, or a build cut short) are indexed. */
  async resume(): Promise<void> {
    try {
      await this.#scheduleUnindexed();
    } catch (error) {
      this.#onError(error, undefined);
    }
  }

  async #scheduleUnindexed(): Promise<void> {
    const rows = await this.#db
      .selectFrom('scans')
      .leftJoin('finding_text_scans', 'finding_text_scans.scan_id', 'scans.id')
      .select('scans.id')
      .where('scans.status', '=', 'completed')
      .where((eb) => eb.or([eb('finding_text_scans.state', 'is', null), eb('finding_text_scans.state', '!=', 'ready')]))
      .orderBy('scans.completed_at', 'desc')
      .execute();
    this.#queue.push(...rows.map((r) => r.id).filter((id) => !this.#queue.includes(id)));
    this.#kick();
  }

  /** Resolves when nothing is queued or being built. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Stops after the chunk in progress; a build cut short resumes on the next start. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#queue.length = 0;
    await this.idle();
  }

  async #drain(): Promise<void> {
    await this.#purgeAbandoned();
    for (let scanId = this.#queue.shift(); scanId !== undefined && !this.#closed; scanId = this.#queue.shift()) {
      try {
        await this.#build(scanId);
      } catch (error) {
        this.#onError(error, scanId);
      }
    }
  }

  async #build(scanId: string): Promise<void> {
    const index = await beginIndex(this.#db, scanId);
    if (index.state === 'ready') return;
    // A build cut short restarts from nothing: its partial rows are purged under the old seq.
    if (await this.#hasRows(index.seq)) {
      await abandonTextIndex(this.#db, scanId);
      await this.#purgeAbandoned();
      return this.#build(scanId);
    }
    let cursor: BuildCursor | undefined = { rank: 1, afterId: 0 };
    while (cursor && !this.#closed) {
      cursor = await writeChunk(this.#db, scanId, index.seq, cursor, this.#chunkRows);
      await yieldToEventLoop();
    }
    if (!cursor) await this.#db.updateTable('finding_text_scans').set({ state: 'ready' }).where('seq', '=', index.seq).where('state', '=', 'building').execute();
  }

  async #hasRows(seq: number): Promise<boolean> {
    const { first, end } = scanRowids(seq);
    const { rows } = await sql<{ one: number }>`SELECT 1 AS one FROM finding_text WHERE rowid >= ${first} AND rowid < ${end} LIMIT 1`.execute(this.#db);
    return rows.length > 0;
  }

  async #purgeAbandoned(): Promise<void> {
    try {
      const abandoned = await this.#db.selectFrom('finding_text_scans').select('seq').where((eb) => eb.or([eb('state', '=', 'abandoned'), eb('scan_id', 'is', null)])).execute();
      for (const { seq } of abandoned) {
        while (!this.#closed && !(await purgeChunk(this.#db, seq, this.#chunkRows))) await yieldToEventLoop();
        if (this.#closed) return;
        await this.#db.deleteFrom('finding_text_scans').where('seq', '=', seq).execute();
      }
    } catch (error) {
      this.#onError(error, undefined);
    }
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
