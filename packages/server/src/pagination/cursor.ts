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
