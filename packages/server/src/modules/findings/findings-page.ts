import { z } from 'zod';
import { AppError } from '../../errors.js';
import { decodeCursor, encodeCursor, keysetPage } from '../../pagination/cursor.js';
import type { FindingRow } from './findings.repository.js';
import { SORT_COLUMN, type Keyset, type SortKey, type SortOrder } from './findings-query.js';

/** A cursor names the scan and the order it walks, so it cannot be replayed on another listing. */
const CursorSchema = z.strictObject({
  scan: z.string().max(64),
  order: z.string().max(128),
  key: z.union([z.string().max(2048), z.number().int()]),
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export interface Listing {
  readonly scanId: string;
  readonly sort: SortKey;
  readonly order: SortOrder;
  /** Distinguishes listings that share a sort (diff kinds) so their cursors do not mix. */
  readonly tag?: string;
}

function orderTag(listing: Listing): string {
  return `${listing.tag ?? 'findings'}:${listing.sort}:${listing.order}`;
}

/** The keyset to continue from, checked against the listing the cursor was issued for. */
export function keysetOf(listing: Listing, limit: number, cursor: string | undefined): Keyset {
  if (cursor === undefined) return { sort: listing.sort, order: listing.order, limit };
  const decoded = decodeCursor(cursor, CursorSchema);
  const keyType = listing.sort === 'severity' ? 'number' : 'string';
  if (decoded.scan !== listing.scanId || decoded.order !== orderTag(listing) || typeof decoded.key !== keyType) {
    throw new AppError('bad_request', 'The cursor belongs to another listing (scan, sort or order); start again without it', { field: 'cursor' });
  }
  return { sort: listing.sort, order: listing.order, limit, after: { key: decoded.key, id: decoded.id } };
}

function cursorKey(listing: Listing, row: FindingRow) {
  return { scan: listing.scanId, order: orderTag(listing), key: row[SORT_COLUMN[listing.sort]], id: row.id };
}

/** The cursor of the page that starts after `row`. */
export function cursorAfter(listing: Listing, row: FindingRow): string {
  return encodeCursor(cursorKey(listing, row));
}

/** Trims the look-ahead row and encodes where the next page starts. */
export function pageOf(listing: Listing, limit: number, rows: FindingRow[]): { rows: FindingRow[]; nextCursor: string | null } {
  return keysetPage(rows, limit, (last) => cursorKey(listing, last));
}
