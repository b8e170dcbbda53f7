/** Every call, retry and throttle of a scan, counted where it happens. */
export interface ApiStats {
  /** Operations requested by collectors. */
  operations: number;
  /** HTTP attempts sent (operations + retries). */
  attempts: number;
  retries: number;
  throttles: number;
  /** Attempts that ended in an error of any kind. */
  errors: number;
  /** Attempts per `service:region`, to see where a scan spends its budget. */
  byServiceRegion: Record<string, number>;
}

export function emptyApiStats(): ApiStats {
  return { operations: 0, attempts: 0, retries: 0, throttles: 0, errors: 0, byServiceRegion: {} };
}
