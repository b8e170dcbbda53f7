import { Readable } from 'node:stream';
import type { ExportQuery } from '@cloudsweep/contract';
import { CSV_COLUMNS, csvResultRow, csvRow, sarifClose, sarifOpen, sarifResult, type Check } from '@cloudsweep/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { checkOf, toCheckResult, toFinding } from './findings-catalogue.js';
import type { Keyset } from './findings-query.js';
import { checkIdsOfScan, findAccountNumber, listFindings, type FindingRow } from './findings.repository.js';
import { requireUserScan } from './findings.service.js';

/** Rows per keyset query while exporting: memory stays at one page whatever the scan's size. */
const EXPORT_PAGE_ROWS = 1000;

export interface ExportStream {
  readonly contentType: string;
  readonly filename: string;
  readonly body: Readable;
}

/** Every row of the scan, worst first, one keyset page at a time. */
async function* scanRows(db: Kysely<Database>, scanId: string): AsyncGenerator<FindingRow> {
  let keyset: Keyset = { sort: 'severity', order: 'desc', limit: EXPORT_PAGE_ROWS };
  for (;;) {
    // listFindings reads one row past its limit: ask for one less to get exactly a page.
    const rows = await listFindings(db, scanId, {}, { ...keyset, limit: EXPORT_PAGE_ROWS - 1 });
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < EXPORT_PAGE_ROWS || !last) return;
    keyset = { ...keyset, after: { key: last.severity_rank, id: last.id } };
  }
}

async function* csvChunks(rows: AsyncIterable<FindingRow>, accountId: string): AsyncGenerator<string> {
  yield csvRow(CSV_COLUMNS);
  for await (const row of rows) yield csvResultRow(toCheckResult(row, accountId));
}

async function* jsonChunks(rows: AsyncIterable<FindingRow>, scanId: string): AsyncGenerator<string> {
  yield `{"scanId":${JSON.stringify(scanId)},"findings":[`;
  let first = true;
  for await (const row of rows) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(toFinding(row))}`;
    first = false;
  }
  yield '\n]}\n';
}

async function* sarifChunks(rows: AsyncIterable<FindingRow>, rules: readonly Check[], accountId: string): AsyncGenerator<string> {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  yield sarifOpen(rules, 'server');
  let first = true;
  for await (const row of rows) {
    const result = sarifResult(toCheckResult(row, accountId), ruleIndex.get(row.check_id) ?? -1);
    if (!result) continue;
    yield `${first ? '\n' : ',\n'}${JSON.stringify(result)}`;
    first = false;
  }
  yield sarifClose();
}

/** Joins small chunks into ~64 KiB writes: one socket write per row would dominate a 1M-row export. */
async function* batched(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

function streamOf(chunks: AsyncIterable<string>): Readable {
  return Readable.from(batched(chunks), { objectMode: false, highWaterMark: 65_536 });
}

/** Text chunks of the export; the stream pulls the next page only when the client has read on. */
export async function exportScan(db: Kysely<Database>, userId: string, scanId: string, format: ExportQuery['format']): Promise<ExportStream> {
  const scan = await requireUserScan(db, userId, scanId);
  const accountId = (await findAccountNumber(db, scan.account_id)) ?? '';
  const rows = scanRows(db, scanId);
  const filename = `cloudsweep-${scanId}`;
  if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', filename: `${filename}.csv`, body: streamOf(csvChunks(rows, accountId)) };
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', filename: `${filename}.json`, body: streamOf(jsonChunks(rows, scanId)) };
  const rules = (await checkIdsOfScan(db, scanId)).flatMap((id) => checkOf(id) ?? []);
  return { contentType: 'application/sarif+json; charset=utf-8', filename: `${filename}.sarif`, body: streamOf(sarifChunks(rows, rules, accountId)) };
}
