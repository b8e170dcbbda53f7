import { z } from 'zod';

/*
 * Pieces the paginated list queries share. Internal to the contract (index.ts does not re-export
 * this file): each query schema stays the export, with its own limits.
 */

export const BAD_CURSOR = 'The cursor is not valid; use the nextCursor of a previous page';

/** `?limit=`: a query-string number, whole, from 1 to `max`, `fallback` when absent. */
export function pageLimit(max: number, fallback: number) {
  return z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(max, `limit must be at most ${max}`)
    .default(fallback);
}
