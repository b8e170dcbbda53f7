/**
 * Job timestamps are ISO-8601 UTC text with milliseconds (24 characters, fixed width), so text
 * comparison in SQL orders them the same as time on SQLite and PostgreSQL alike. The clock is the
 * application's, not the database's: workers on several machines need synchronised clocks (NTP),
 * and a lease is long (30 s) next to any sane clock skew.
 */
export function isoNow(): string {
  return new Date().toISOString();
}

export function isoAfter(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/** Exponential backoff: base, 2x base, 4x base... capped. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
