import type { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * The one codec for keyset cursors: base64url of the JSON of the last row's key. Opaque to
 * clients; every decode is validated with the caller's schema, so a tampered, truncated or
 * foreign cursor is a 400 with one message, never a query on a half-parsed value.
 */
const BAD_CURSOR = 'The cursor is not valid; use the nextCursor of a previous page';

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const parsed = schema.safeParse(parseJson(text));
  if (!parsed.success) throw new AppError('bad_request', BAD_CURSOR, { field: 'cursor' });
  return parsed.data;
}

/**
 * A page from rows fetched with one look-ahead row (`limit + 1`): the extra row says another
 * page exists without a count, and the cursor is the key of the page's last row.
 */
export function keysetPage<Row>(rows: readonly Row[], limit: number, keyOf: (last: Row) => unknown): { rows: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
