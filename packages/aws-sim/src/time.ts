/** Timestamp helpers. The model keeps times as epoch milliseconds; formats differ per wire. */
export const DAY_MS = 86_400_000;

export const DEFAULT_NOW = Date.parse('2026-12-01T00:00:00Z');

export function parseNow(now: number | string | undefined): number {
  if (now === undefined) return DEFAULT_NOW;
  const ms = typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new Error(`invalid now: ${String(now)}`);
  return ms;
}

/** XML protocols: ISO-8601 with milliseconds, as AWS sends. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** AWS JSON protocols serialise timestamps as epoch seconds. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** IAM credential report: `2026-01-10T12:00:00+00:00`. */
export function reportTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** Lambda LastModified: `2026-01-10T12:00:00.000+0000`. */
export function lambdaTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** EC2 StateTransitionReason: `User initiated (2026-01-10 12:00:00 GMT)`. */
export function gmtTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' GMT');
}
